/**
 * Runs a compiled plan for one request. Steps run in order; each value goes
 * into its slot. Nothing is awaited unless a step returns a promise or is an
 * async generator: an all-sync tree resolves synchronously. Validation
 * errors are collected (a dependency whose inputs failed is not called);
 * any other error aborts resolution.
 */
import { Refusal } from '../dependency/refusal.js';
import type { CallContext, ServiceContainer } from '../dependency/types.js';
import { DependsError, ErrorCode, RequestValidationError, type ValidationIssue } from '../errors/catalogue.js';
import type { RequestView } from '../request/view.js';
import { readParsedBody, type ParsedBody } from '../request/body.js';
import type { Exit } from './exit-stack.js';
import { isThenable } from '../util/thenable.js';
import type { ReadResult } from '../security/scheme.js';
import { StepKind, type AlternativesStep, type Branch, type Continuation, type Plan, type Step } from './plan.js';

export type { Continuation } from './plan.js';

/** A value or a promise of it. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * The state of one request's resolution: slot values, collected 422
 * problems, and the two exit stacks (closed by the caller at the right
 * moments).
 */
export class Execution implements CallContext {
  readonly request: RequestView;
  body: ParsedBody | undefined = undefined;
  readonly values: unknown[];
  /** Slots whose inputs failed validation (allocated on the first failure). */
  failed: Uint8Array | undefined = undefined;
  /** Validation problems collected so far (one shared empty list until the first: most requests have none). */
  errors: ValidationIssue[] = NO_ISSUES;
  /** The error that ended resolution, when a synchronous step failed (see {@link ABORTED}). */
  abort: unknown = undefined;
  /** The name of the dependency whose error ended resolution (for messages). */
  abortedBy: string | undefined = undefined;
  /** Exits closed before the answer is produced (one shared empty list until the first exit: see {@link Execution.pushExit}). */
  functionStack: Exit[] = NO_EXITS;
  /** Exits closed after the answer has been sent (likewise). */
  requestStack: Exit[] = NO_EXITS;
  readonly container: ServiceContainer | undefined;

  constructor(request: RequestView, slotCount: number, container?: ServiceContainer) {
    this.request = request;
    this.values = new Array(slotCount);
    this.container = container;
  }

  /** Puts an exit on the stack of its scope, making that stack on its first exit. */
  pushExit(scope: Step['scope'], exit: Exit): void {
    if (scope === 'function') (this.functionStack === NO_EXITS ? (this.functionStack = []) : this.functionStack).push(exit);
    else (this.requestStack === NO_EXITS ? (this.requestStack = []) : this.requestStack).push(exit);
  }
}

/** The lists an execution starts with, shared and never added to (replaced on the first item). */
const NO_EXITS: Exit[] = [];
const NO_ISSUES: ValidationIssue[] = [];

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
export function execute(plan: Plan, ex: Execution): MaybePromise<unknown> {
  return executeThen(plan, ex, RESULT);
}

/** The handler's result as it is, and its error thrown. */
const RESULT: Continuation<unknown> = {
  ok: (_ex, value) => value,
  err: (_ex, error) => {
    throw error;
  },
};

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
export function executeThen<T>(plan: Plan, ex: Execution, k: Continuation<T>): MaybePromise<T> {
  if (plan.needsBody && ex.body === undefined) {
    const bodyError = plan.bodyError;
    return readParsedBody(ex.request, plan.bodyTypes).then(
      (parsed) => {
        ex.body = parsed;
        try {
          return runPlan(plan, ex, k);
        } catch (error) {
          return k.err(ex, error);
        }
      },
      (error) => k.err(ex, bodyError === undefined ? error : bodyError(error)),
    );
  }
  return runPlan(plan, ex, k);
}

/**
 * The steps, then the root: the plan's generated function where there is
 * one (see `generate.ts`), otherwise the interpreter below. No closure is
 * made unless a step turns out asynchronous.
 */
function runPlan<T>(plan: Plan, ex: Execution, k: Continuation<T>): MaybePromise<T> {
  const run = plan.run;
  if (run !== undefined) return run(ex, k);
  return interpretPlan(plan, ex, k);
}

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
export function interpretPlan<T>(plan: Plan, ex: Execution, k: Continuation<T>): MaybePromise<T> {
  const steps = plan.steps;
  for (let i = 0; i < steps.length; i++) {
    const pending = runStep(steps[i], ex);
    if (pending === undefined) continue;
    if (pending === ABORTED) return k.err(ex, ex.abort);
    return continueAsync(steps, ex, i, pending, plan, k) as Promise<T>;
  }
  return runRoot(plan, ex, k);
}

function runRoot<T>(plan: Plan, ex: Execution, k: Continuation<T>): MaybePromise<T> {
  if (ex.errors.length) return k.err(ex, new RequestValidationError(ex.errors));
  let value: unknown;
  try {
    value = plan.root.fn(plan.root.args(ex.values, ex.failed), ex);
  } catch (error) {
    return k.err(ex, error);
  }
  return settleRoot(value, ex, k);
}

/**
 * What the handler returned, handed on: a refusal to `k.err`, a value to
 * `k.ok`, a thenable once it settles.
 *
 * @example
 * ```ts
 * return settleRoot(handler(args, ex), ex, k)
 * ```
 */
export function settleRoot<T>(value: unknown, ex: Execution, k: Continuation<T>): MaybePromise<T> {
  // A handler that returned (or resolved to) `refuse(error)` is answered as if it had thrown `error`.
  if (isThenable(value)) {
    const settle = (v: unknown): MaybePromise<T> => (v instanceof Refusal ? k.err(ex, v.error) : k.ok(ex, v));
    // Any thenable other than a native promise (Bluebird, ORM queries) is adopted into one.
    return (value instanceof Promise ? value : Promise.resolve(value)).then(settle, (error) => k.err(ex, error));
  }
  return value instanceof Refusal ? k.err(ex, value.error) : k.ok(ex, value);
}

/**
 * What a synchronous step gives back when it failed with an error that ends
 * resolution (a 401, a crash): the error waits in `ex.abort` and goes to the
 * caller's error continuation without being thrown again. An expected HTTP
 * outcome costs one `throw` (the dependency's own), not one per frame.
 */
export const ABORTED: unique symbol = Symbol('aborted');

/** Runs steps from `index`; returns a promise only when a step is asynchronous, {@link ABORTED} when one failed. */
function runSteps(steps: readonly Step[], ex: Execution, index: number): void | Promise<void> | typeof ABORTED {
  for (let i = index; i < steps.length; i++) {
    const pending = runStep(steps[i], ex);
    if (pending !== undefined) return pending === ABORTED ? ABORTED : continueAsync(steps, ex, i, pending);
  }
}

/**
 * The rest of the steps once step `i` turned out asynchronous (`pending` is
 * its promise, or its async generator): one `await` per async step, and
 * synchronous steps in between still run without one. Given the `plan` (and
 * its continuations), the root runs here too, in the same async function,
 * and an error that ends resolution goes to `k.err`: no promise hop between
 * the last step and the handler. Without it (the steps of an `anyOf`
 * branch) the promise settles when the steps are done, or rejects.
 */
async function continueAsync<T>(
  steps: readonly Step[],
  ex: Execution,
  i: number,
  pending: object,
  plan?: Plan,
  k?: Continuation<T>,
): Promise<T | void> {
  let step = steps[i];
  try {
    steps: for (;;) {
      if (step.kind === StepKind.AsyncGenerator) {
        const gen = pending as AsyncGenerator<unknown, unknown, unknown>;
        let r: IteratorResult<unknown>;
        try {
          r = await gen.next();
        } catch (e) {
          r = undefined as never;
          collect(e, step, ex);
        }
        if (r !== undefined) entered(step, ex, r, { kind: 'asyncGenerator', name: step.name, gen });
      } else if (step.kind === StepKind.AnyOf) {
        // The chosen alternative's value is already in the step's slot.
        try {
          await (pending as Promise<void>);
        } catch (e) {
          collect(e, step, ex);
        }
      } else {
        let value: unknown;
        let ok = true;
        try {
          value = await (pending as PromiseLike<unknown>);
        } catch (e) {
          ok = false;
          collect(e, step, ex);
        }
        if (ok) {
          if (value instanceof Refusal) collect(value.error, step, ex);
          else store(step, ex, value);
        }
      }
      let next: object | typeof ABORTED | undefined;
      do {
        if (++i >= steps.length) break steps;
        step = steps[i];
        next = runStep(step, ex);
      } while (next === undefined);
      if (next === ABORTED) throw ex.abort;
      pending = next;
    }
  } catch (error) {
    if (plan === undefined) throw error;
    return k!.err(ex, error);
  }
  if (plan !== undefined) return runRoot(plan, ex, k!);
}

/**
 * Runs one step. Returns `undefined` when it is done, {@link ABORTED} when
 * it failed, or what must be awaited: the promise a plain step returned, or
 * an async generator (not yet started).
 */
function runStep(step: Step, ex: Execution): object | typeof ABORTED | undefined {
  if (step.kind === StepKind.Constant) {
    ex.values[step.slot] = step.constant;
    return undefined;
  }
  if (step.kind === StepKind.AnyOf) return runAlternatives(step, step.anyOf!, ex, 0, false);
  const args = step.args(ex.values, ex.failed);
  if (args === undefined) {
    markFailed(ex, step);
    return undefined;
  }
  let out: unknown;
  try {
    out = step.fn(args, ex);
  } catch (e) {
    return fault(e, step, ex);
  }
  switch (step.kind) {
    case StepKind.Plain:
      if (isThenable(out)) return out;
      if (out instanceof Refusal) return fault(out.error, step, ex);
      store(step, ex, out);
      return undefined;
    case StepKind.Owned:
      ex.values[step.slot] = out;
      return undefined;
    case StepKind.Generator: {
      const gen = out as Generator<unknown, unknown, unknown>;
      let r: IteratorResult<unknown>;
      try {
        r = gen.next();
      } catch (e) {
        return fault(e, step, ex);
      }
      entered(step, ex, r, { kind: 'generator', name: step.name, gen });
      return undefined;
    }
    default:
      return out as AsyncGenerator<unknown, unknown, unknown>;
  }
}

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
export function runAlternatives(step: Step, anyOf: AlternativesStep, ex: Execution, from: number, malformed: boolean): Promise<void> | typeof ABORTED | undefined {
  const { branches } = anyOf;
  for (let i = from; i < branches.length; i++) {
    const branch = branches[i];
    if (branch.probe !== undefined) {
      let read: ReadResult<unknown>;
      try {
        read = branch.probe(ex.request);
      } catch (e) {
        return fault(e, step, ex); // a credential header sent twice: 400
      }
      if (!read.ok) {
        if (read.malformed) malformed = true;
        continue;
      }
    }
    const pending = runSteps(branch.steps, ex, 0);
    if (pending === ABORTED) return ABORTED;
    if (pending !== undefined) return finishAlternatives(step, anyOf, ex, i, pending, malformed);
    if (chose(step, branch, ex)) return undefined;
  }
  if (anyOf.optional && !malformed) {
    ex.values[step.slot] = undefined;
    return undefined;
  }
  return fault(anyOf.notAuthenticated(), step, ex);
}

/** The rest of {@link runAlternatives} once alternative `i`'s steps turned out asynchronous. */
async function finishAlternatives(step: Step, anyOf: AlternativesStep, ex: Execution, i: number, pending: Promise<void>, malformed: boolean): Promise<void> {
  await pending;
  if (chose(step, anyOf.branches[i], ex)) return;
  const rest = runAlternatives(step, anyOf, ex, i + 1, malformed);
  if (rest === ABORTED) throw ex.abort;
  if (rest !== undefined) await rest;
}

/**
 * After a branch ran: whether it settles the `anyOf` (its value, now the
 * step's, or its failed inputs, now the step's). An overridden alternative
 * that gave `undefined` does not: its credential counts as missing.
 */
function chose(step: Step, branch: Branch, ex: Execution): boolean {
  if (ex.failed !== undefined && ex.failed[branch.slot] === 1) {
    markFailed(ex, step);
    return true;
  }
  const value = ex.values[branch.slot];
  if (value === undefined && branch.probe === undefined) return false;
  ex.values[step.slot] = value;
  return true;
}

/** A generator reached its `yield`: its value goes to the slot, its exit onto its stack. */
export function entered(step: Step, ex: Execution, r: IteratorResult<unknown>, exit: Exit): void {
  if (r.done) throw new DependsError(ErrorCode.GeneratorDidNotYield, `Dependency "${step.name}" is a generator that did not yield`);
  ex.pushExit(step.scope, exit);
  ex.values[step.slot] = r.value;
}

/** A step's value goes into its slot; a disposable one (`Symbol.asyncDispose`, else `Symbol.dispose`) also onto its exit stack. */
export function store(step: Step, ex: Execution, value: unknown): void {
  ex.values[step.slot] = value;
  if (value !== null && typeof value === 'object') {
    const asyncDispose = (value as { [Symbol.asyncDispose]?: () => unknown })[Symbol.asyncDispose];
    const dispose = asyncDispose ?? (value as { [Symbol.dispose]?: () => unknown })[Symbol.dispose];
    if (typeof dispose === 'function') disposing(step, ex, value, dispose);
  }
}

/** Puts a disposable value's `dispose` (its `Symbol.asyncDispose` or `Symbol.dispose` method) on the step's exit stack. */
export function disposing(step: Step, ex: Execution, value: object, dispose: () => unknown): void {
  ex.pushExit(step.scope, { kind: 'dispose', name: step.name, dispose: () => dispose.call(value) });
}

export function markFailed(ex: Execution, step: Step): void {
  (ex.failed ??= new Uint8Array(ex.values.length))[step.slot] = 1;
}

/** Validation problems are collected; anything else aborts resolution ({@link ABORTED}, the error in `ex.abort`). */
export function fault(error: unknown, step: Step, ex: Execution): typeof ABORTED | undefined {
  if (error instanceof RequestValidationError) {
    if (ex.errors === NO_ISSUES) ex.errors = [];
    for (const issue of error.errors) ex.errors.push(issue);
    markFailed(ex, step);
    return undefined;
  }
  ex.abort = error;
  ex.abortedBy = step.name;
  return ABORTED;
}

/** {@link fault}, throwing the error that aborts (in the asynchronous part). */
function collect(error: unknown, step: Step, ex: Execution): void {
  if (fault(error, step, ex) === ABORTED) throw error;
}
