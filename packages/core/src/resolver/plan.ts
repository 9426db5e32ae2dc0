/**
 * The flat plan a route's dependency tree compiles to, once, at
 * registration: an ordered list of steps (post-order) writing into
 * numbered slots. Dependencies used more than once with the same cache key
 * share one slot, so the per-request cache is resolved at compile time.
 */
import type { CallContext, TeardownScope } from '../dependency/types.js';

/** How a step produces its value. */
export const enum StepKind {
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
}

/** A compiled route: steps, then the handler reading the root slots. */
export interface Plan {
  readonly steps: readonly Step[];
  readonly slotCount: number;
  /** Whether a body or form source is reached: the body is read first. */
  readonly needsBody: boolean;
  /** The media types the route's body sources declare: a body of another type is a 415. */
  readonly bodyTypes: readonly string[];
  /** The handler as the final step (it is never cached or torn down). */
  readonly root: Step;
}

/** Builds a step's input object from the slot values and the failed-slot marks. */
export type ArgBuilder = (values: unknown[], failed: Uint8Array | undefined) => Record<string, unknown> | undefined;

const NO_ARGS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;
const noArgs: ArgBuilder = () => NO_ARGS;

/**
 * Generates, once per step, the function that builds its input object: an
 * object literal with fixed keys (one hidden class, no loop per request).
 *
 * @example
 * ```ts
 * argBuilder(['user', 'q'], [3, 5])(values, undefined) // { user: values[3], q: values[5] }
 * ```
 */
export function argBuilder(names: readonly string[], slots: readonly number[]): ArgBuilder {
  if (names.length === 0) return noArgs;
  const check = slots.map((s) => `f[${s}] === 1`).join(' || ');
  const fields = names.map((n, i) => `${JSON.stringify(n)}: v[${slots[i]}]`).join(', ');
  // eslint-disable-next-line no-new-func
  return new Function('v', 'f', `if (f !== undefined && (${check})) return undefined;\nreturn { ${fields} };`) as ArgBuilder;
}
