/**
 * Compiles a route's dependency tree into a {@link Plan}: FastAPI's
 * dependant tree, order, cache keys and scope propagation, checked once at
 * registration (cycles and the teardown scope rule fail here, naming the
 * route and the dependency).
 */
import { accumulateScopes, toUse } from '../dependency/use.js';
import { SecurityScopes } from '../dependency/builtins.js';
import type { Dependency, Input, Inputs, Use } from '../dependency/types.js';
import { DependencyCycleError, DependencyScopeError } from '../errors/catalogue.js';
import type { Overrides } from '../overrides/overrides.js';
import { StepKind, argBuilder, type Plan, type Step } from './plan.js';

/**
 * Whether a dependency "uses scopes" (FastAPI 0.123 cache rule): it is a
 * security scheme, takes `securityScopes`, requires scopes on an input, or
 * any input below does. Memoised per dependency; cycles count as false here
 * (they are reported by the compiler).
 */
export function usesScopes(dep: Dependency<any>, overrides: Overrides | undefined, memo = new Map<Dependency<any>, boolean>()): boolean {
  const hit = memo.get(dep);
  if (hit !== undefined) return hit;
  memo.set(dep, false);
  const impl = overrides?.get(dep) ?? dep;
  let result = dep.meta.security !== undefined || dep.meta.builtin === 'securityScopes' || dep.meta.enforcesScopes === true;
  if (!result) {
    for (const input of Object.values(impl.inputs)) {
      const occ = toUse(input);
      if (occ.scopes.length > 0 || usesScopes(occ.dependency, overrides, memo)) {
        result = true;
        break;
      }
    }
  }
  memo.set(dep, result);
  return result;
}

/** What to compile: the route's handler, its inputs, and its parameterless dependencies. */
export interface CompileInput {
  /** Label for messages, e.g. `GET /items`. */
  readonly label: string;
  readonly inputs: Inputs;
  /** App, router and route dependencies, outermost first; values discarded. */
  readonly dependencies: readonly Input[];
  readonly handler: (values: any, context: any) => unknown;
  readonly overrides?: Overrides;
}

/**
 * Compiles a route into a plan. Throws a {@link ConfigurationError} naming
 * the route for a cycle or a teardown scope violation.
 *
 * @example
 * ```ts
 * const plan = compile({ label: 'GET /me', inputs: { user }, dependencies: [], handler: ({ user }) => user })
 * ```
 */
export function compile(input: CompileInput): Plan {
  const { label, overrides } = input;
  const steps: Step[] = [];
  const keyed = new Map<Dependency<any>, Map<string, number>>();
  const memo = new Map<Dependency<any>, boolean>();
  let slotCount = 0;
  let needsBody = false;
  const stack: Dependency<any>[] = [];

  const visit = (occ: Use<any>, parentScopes: readonly string[]): number => {
    const original = occ.dependency;
    if (original.meta.builtin === 'securityScopes') {
      const slot = slotCount++;
      steps.push({
        slot,
        kind: StepKind.Constant,
        fn: noop,
        argNames: [],
        argSlots: [],
        args: argBuilder([], []),
        scope: 'request',
        name: original.name,
        constant: new SecurityScopes(parentScopes),
      });
      return slot;
    }
    const impl = overrides?.get(original) ?? original;
    const scopes = accumulateScopes(parentScopes, occ.scopes);
    const useCache = occ.useCache ?? original.useCache;
    const explicitScope = occ.scope ?? original.scope;
    const isGenerator = original.callKind !== 'plain';
    const computedScope = explicitScope ?? (isGenerator ? 'request' : undefined);
    const uses = occ.scopes.length > 0 || usesScopes(original, overrides, memo);
    const key = `${uses ? [...new Set(scopes)].sort().join(' ') : ''}|${computedScope ?? ''}`;
    let byKey = keyed.get(original);
    const cachedSlot = byKey?.get(key);
    if (useCache && cachedSlot !== undefined) return cachedSlot;

    if (stack.includes(original)) {
      const from = stack.indexOf(original);
      throw new DependencyCycleError(label, [...stack.slice(from), original].map((d) => d.name));
    }
    stack.push(original);
    const argNames: string[] = [];
    const argSlots: number[] = [];
    for (const [name, childInput] of fastApiOrder(impl.inputs)) {
      const child = toUse(childInput);
      const childScope = child.scope ?? child.dependency.scope;
      if (isGenerator && computedScope === 'request' && childScope === 'function') {
        throw new DependencyScopeError(label, original.name);
      }
      argNames.push(name);
      argSlots.push(visit(child, scopes));
    }
    stack.pop();

    const source = original.meta.source ?? impl.meta.source;
    if (source && (source.in === 'body' || source.in === 'form')) needsBody = true;
    const slot = slotCount++;
    steps.push({
      slot,
      kind:
        impl.meta.builtin === 'container'
          ? StepKind.Container
          : impl.callKind === 'asyncGenerator'
            ? StepKind.AsyncGenerator
            : impl.callKind === 'generator'
              ? StepKind.Generator
              : StepKind.Plain,
      fn: impl.fn,
      argNames,
      argSlots,
      args: argBuilder(argNames, argSlots),
      scope: computedScope ?? 'request',
      name: original.name,
    });
    if (!byKey) keyed.set(original, (byKey = new Map()));
    if (!byKey.has(key)) byKey.set(key, slot);
    return slot;
  };

  for (const dep of input.dependencies) visit(toUse(dep), []);
  const argNames: string[] = [];
  const argSlots: number[] = [];
  for (const [name, childInput] of fastApiOrder(input.inputs)) {
    argNames.push(name);
    argSlots.push(visit(toUse(childInput), []));
  }
  const root: Step = {
    slot: slotCount++,
    kind: StepKind.Plain,
    fn: input.handler,
    argNames,
    argSlots,
    args: argBuilder(argNames, argSlots),
    scope: 'function',
    name: label,
  };
  return { steps, slotCount, needsBody, root };
}

const SOURCE_RANK: Record<string, number> = { path: 1, query: 2, header: 3, cookie: 4, body: 5, form: 5 };

/**
 * FastAPI's order for one dependant: sub-dependencies first, in declaration
 * order, then its own request sources (path, query, header, cookie, body).
 * The order decides which runs first and how 422 problems are listed.
 */
function fastApiOrder(inputs: Inputs): [string, Input][] {
  const entries = Object.entries(inputs);
  const rank = (input: Input) => {
    const src = toUse(input).dependency.meta.source;
    return src ? SOURCE_RANK[src.in] : 0;
  };
  return entries.map((e, i) => [e, rank(e[1]), i] as const).sort((a, b) => a[1] - b[1] || a[2] - b[2]).map(([e]) => e);
}

function noop(): undefined {
  return undefined;
}
