import type { CallContext, ServiceContainer } from '../dependency/types.js';
import { type ValidationIssue } from '../errors/catalogue.js';
import type { RequestView } from '../request/view.js';
import { type ParsedBody } from '../request/body.js';
import type { Exit } from './exit-stack.js';
import { type AlternativesStep, type Continuation, type Plan, type Step } from './plan.js';
export type { Continuation } from './plan.js';
/** A value or a promise of it. */
export type MaybePromise<T> = T | Promise<T>;
/**
 * The state of one request's resolution: slot values, collected 422
 * problems, and the two exit stacks (closed by the caller at the right
 * moments).
 */
export declare class Execution implements CallContext {
    readonly request: RequestView;
    body: ParsedBody | undefined;
    readonly values: unknown[];
    /** Slots whose inputs failed validation (allocated on the first failure). */
    failed: Uint8Array | undefined;
    /** Validation problems collected so far (one shared empty list until the first: most requests have none). */
    errors: ValidationIssue[];
    /** The error that ended resolution, when a synchronous step failed (see {@link ABORTED}). */
    abort: unknown;
    /** The name of the dependency whose error ended resolution (for messages). */
    abortedBy: string | undefined;
    /** Exits closed before the answer is produced (one shared empty list until the first exit: see {@link Execution.pushExit}). */
    functionStack: Exit[];
    /** Exits closed after the answer has been sent (likewise). */
    requestStack: Exit[];
    readonly container: ServiceContainer | undefined;
    constructor(request: RequestView, slotCount: number, container?: ServiceContainer);
    /** Puts an exit on the stack of its scope, making that stack on its first exit. */
    pushExit(scope: Step['scope'], exit: Exit): void;
}
/**
 * Runs the plan's steps and then its root (the handler), returning the
 * handler's result. Throws {@link RequestValidationError} with every
 * collected problem before the handler when any input was invalid.
 *
 * @example
 * ```ts
 * const ex = new Execution(request, plan.slotCount)
 * const result = await execute(plan, ex)
 * ```
 */
export declare function execute(plan: Plan, ex: Execution): MaybePromise<unknown>;
/**
 * Runs the plan, then hands the handler's result to `k.ok` (or any error
 * to `k.err`), with no promise in between the steps, the handler and the
 * continuation beyond the ones the asynchronous steps themselves need.
 * Synchronous errors of synchronous steps are thrown to the caller.
 *
 * @example
 * ```ts
 * const outcome = executeThen(plan, ex, { ok: (ex, value) => toAnswer(value, 200), err: (ex, error) => errorAnswer(error, ex.request, onError) })
 * ```
 */
export declare function executeThen<T>(plan: Plan, ex: Execution, k: Continuation<T>): MaybePromise<T>;
/**
 * The interpreter: the plan's steps in a loop, then its root. What runs
 * where code cannot be generated, and what the generated function is
 * checked against (`generate.test.ts`).
 *
 * @example
 * ```ts
 * const result = interpretPlan(plan, new Execution(request, plan.slotCount), { ok: (ex, v) => v, err: (ex, e) => { throw e } })
 * ```
 */
export declare function interpretPlan<T>(plan: Plan, ex: Execution, k: Continuation<T>): MaybePromise<T>;
/**
 * The rest of a plan once its step `i` turned out asynchronous (`pending`
 * is what {@link runStep} returned for it): the interpreter's continuation,
 * then the root. Where a generated plan hands over.
 *
 * @example
 * ```ts
 * if (isThenable(out)) return resumeAt(plan, ex, 3, out, k)
 * ```
 */
export declare function resumeAt<T>(plan: Plan, ex: Execution, i: number, pending: object, k: Continuation<T>): Promise<T>;
/**
 * What the handler returned, handed on: a refusal to `k.err`, a value to
 * `k.ok`, a thenable once it settles.
 *
 * @example
 * ```ts
 * return settleRoot(handler(args, ex), ex, k)
 * ```
 */
export declare function settleRoot<T>(value: unknown, ex: Execution, k: Continuation<T>): MaybePromise<T>;
/**
 * What a synchronous step gives back when it failed with an error that ends
 * resolution (a 401, a crash): the error waits in `ex.abort` and goes to the
 * caller's error continuation without being thrown again. An expected HTTP
 * outcome costs one `throw` (the dependency's own), not one per frame.
 */
export declare const ABORTED: unique symbol;
/**
 * An `anyOf` step from its alternative `from` on: each alternative whose
 * credential is there (its probe finds it) runs, and its value or its
 * refusal is the step's; one whose credential is missing is skipped (a
 * malformed one remembered); an overridden alternative has no probe, runs,
 * and counts as found when it gives a value. None found: `undefined` when
 * optional (and nothing was malformed), the step's not-authenticated error
 * otherwise. Returns what {@link runStep} returns; a promise once an
 * alternative turns out asynchronous.
 */
export declare function runAlternatives(step: Step, anyOf: AlternativesStep, ex: Execution, from: number, malformed: boolean): Promise<void> | typeof ABORTED | undefined;
/** A generator reached its `yield`: its value goes to the slot, its exit onto its stack. */
export declare function entered(step: Step, ex: Execution, r: IteratorResult<unknown>, exit: Exit): void;
export declare function store(step: Step, ex: Execution, value: unknown): void;
export declare function markFailed(ex: Execution, step: Step): void;
/** Validation problems are collected; anything else aborts resolution ({@link ABORTED}, the error in `ex.abort`). */
export declare function fault(error: unknown, step: Step, ex: Execution): typeof ABORTED | undefined;
