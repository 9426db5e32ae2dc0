/**
 * The flat plan a route's dependency tree compiles to, once, at
 * registration: an ordered list of steps (post-order) writing into
 * numbered slots. Dependencies used more than once with the same cache key
 * share one slot, so the per-request cache is resolved at compile time.
 */
import type { CallContext, TeardownScope } from '../dependency/types.js';
import type { RequestView } from '../request/view.js';
import type { ReadResult } from '../security/scheme.js';
/** How a step produces its value. */
export declare const enum StepKind {
    /** Plain or async function (a returned promise is awaited). */
    Plain = 0,
    /** Sync generator: run to its `yield`, close at teardown. */
    Generator = 1,
    /** Async generator: run to its `yield`, close at teardown. */
    AsyncGenerator = 2,
    /** A value fixed at compile time (`securityScopes`). */
    Constant = 3,
    /** A value owned elsewhere, e.g. by a service container: stored as is, never awaited or disposed. */
    Owned = 4,
    /** `anyOf`: its alternatives' branches, tried in order; the first whose credential is there gives the value. */
    AnyOf = 5
}
/**
 * One alternative of an `anyOf` step: how to tell whether its credential is
 * there, and the steps that produce its value (run only when it is chosen).
 */
export interface Branch {
    /**
     * Reads the alternative's credential without checking it (its scheme's
     * credential reader); `undefined` for an overridden alternative, which
     * is run instead and counts as found when it gives a value.
     */
    readonly probe: ((request: RequestView) => ReadResult<unknown>) | undefined;
    /** The alternative's steps (post-order), writing into the plan's slots. */
    readonly steps: readonly Step[];
    /** The slot of the alternative's value. */
    readonly slot: number;
}
/** What an `anyOf` step knows besides its branches. */
export interface AlternativesStep {
    readonly branches: readonly Branch[];
    /** No credential at all gives `undefined` (`autoError: false`, or an optional alternative). */
    readonly optional: boolean;
    /** The error when no alternative finds a credential (one 401 with every challenge, or the `anyOf`'s own). */
    readonly notAuthenticated: () => unknown;
}
/** One step of a plan. */
export interface Step {
    readonly slot: number;
    readonly kind: StepKind;
    readonly fn: (values: any, context: CallContext) => unknown;
    /** Input names, and the slots their values are read from. */
    readonly argNames: readonly string[];
    readonly argSlots: readonly number[];
    /**
     * Builds the input object from the slot values, or `undefined` when an
     * input failed validation (generated once per step, see `argBuilder`).
     */
    readonly args: ArgBuilder;
    /** Teardown scope for generators and disposables. */
    readonly scope: TeardownScope;
    readonly name: string;
    readonly constant?: unknown;
    /** {@link StepKind.AnyOf}: the alternatives. */
    readonly anyOf?: AlternativesStep;
}
/** A compiled route: steps, then the handler reading the root slots. */
export interface Plan {
    readonly steps: readonly Step[];
    readonly slotCount: number;
    /** Whether a body or form source is reached: the body is read first. */
    readonly needsBody: boolean;
    /** The media types the route's body sources declare: a body of another type is a 415. */
    readonly bodyTypes: readonly string[];
    /** Turns an error met while reading the body into the route's answer (a token endpoint's OAuth 2 errors). */
    readonly bodyError?: (error: unknown) => unknown;
    /** Header lines every answer of the route carries unless it sets them (a token endpoint's `Cache-Control: no-store`). */
    readonly answerHeaders?: readonly (readonly [string, string | (() => string)])[];
    /** The `WWW-Authenticate` challenges of the route's security schemes, when it has any: what a 401 refused without one gets. */
    readonly challenges?: readonly string[];
    /** The handler as the final step (it is never cached or torn down). */
    readonly root: Step;
    /**
     * The plan compiled into one function (`generate.ts`), where the runtime
     * compiles code from strings; without it the interpreter runs the plan.
     * Both give the same answers.
     */
    readonly run?: CompiledPlan;
}
/**
 * A plan compiled into one function: runs the steps and the root for one
 * request's `Execution` (see `execute.ts`; typed here by the context it
 * is, as this module is below the interpreter), then hands the root's
 * result to `k.ok` (any error to `k.err`), exactly as the interpreter does.
 */
export type CompiledPlan = <T>(ex: CallContext, k: Continuation<T>) => T | Promise<T>;
/**
 * What follows a plan's resolution: `ok` with the handler's result, or
 * `err` with the error that ended it. One object per route and plan (not
 * per request): the request's state travels in its execution (the
 * `CallContext` the steps are given; `Execution` in `execute.ts`).
 *
 * @example
 * ```ts
 * const answering: Continuation<Answer> = { ok: (ex, value) => toAnswer(value, 200), err: (ex, error) => errorAnswer(error, ex.request, onError) }
 * ```
 */
export interface Continuation<T> {
    ok(ex: CallContext, value: unknown): T | Promise<T>;
    err(ex: CallContext, error: unknown): T | Promise<T>;
}
/** Builds a step's input object from the slot values and the failed-slot marks. */
export type ArgBuilder = (values: unknown[], failed: Uint8Array | undefined) => Record<string, unknown> | undefined;
/**
 * Whether this runtime compiles code from strings. It does not under
 * `node --disallow-code-generation-from-strings` or under a
 * Content-Security-Policy without `unsafe-eval`. Checked once, when this
 * module loads; Cloudflare Workers allow it then but refuse it while
 * serving a request, so a refusal later is remembered too (see
 * {@link argBuilder}).
 */
export declare let canGenerateCode: boolean;
/**
 * Makes, once per step, the function that builds its input object. Where
 * the runtime compiles code from strings it is generated: an object literal
 * with fixed keys (one hidden class, no loop per request); elsewhere
 * ({@link canGenerateCode} is false, `generate` is false, or the runtime
 * refuses now) a closure that builds the same object.
 *
 * @example
 * ```ts
 * argBuilder(['user', 'q'], [3, 5])(values, undefined) // { user: values[3], q: values[5] }
 * argBuilder(['user'], [3])(values, failed)            // undefined when failed[3] === 1
 * ```
 */
export declare function argBuilder(names: readonly string[], slots: readonly number[], generate?: boolean): ArgBuilder;
/**
 * Remembers that the runtime refused to compile code from strings (a
 * Worker serving a request): nothing is generated from now on.
 *
 * @example
 * ```ts
 * try { new Function(source) } catch (e) { if (e instanceof EvalError) codeGenerationRefused() }
 * ```
 */
export declare function codeGenerationRefused(): void;
