/**
 * The generated function of a plan against the interpreter: on generated
 * dependency graphs (sync, async, generator and async-generator
 * dependencies; shared cached nodes and `useCache: false` uses; throws,
 * refusals, validation failures, generators that do not yield or swallow
 * the error; overrides; request sources and `anyOf`)
 * both give the same answer, the same calls in the same order, the same
 * teardowns in the same order, the same errors reported, and stay
 * synchronous on the same requests.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { HTTPException, RequestValidationError, anyOf, apiKeyHeader, depends, header, httpBearer, query, refuse, use } from '../index.js';
import type { Dependency, Input } from '../dependency/types.js';
import { DependencyScopeError } from '../errors/catalogue.js';
import type { RouteTree } from '../model/tree.js';
import { runPlan, type Outcome } from '../app/handle.js';
import { analyse } from '../model/analyse.js';
import { Overrides } from '../overrides/overrides.js';
import { createRequestView, type RequestInit } from '../request/view.js';
import { compileTree } from './compile.js';
import { generatePlan, planSource } from './generate.js';
import { canGenerateCode, type Plan } from './plan.js';
import { isThenable } from '../util/thenable.js';

type Kind = 'sync' | 'async' | 'thenable' | 'generator' | 'asyncGenerator';
type Behaviour = 'value' | 'forbidden' | 'crash' | 'refuse' | 'invalid' | 'swallow' | 'undefined' | 'noYield' | 'disposable' | 'asyncDisposable' | 'callable';
interface NodeSpec {
  readonly kind: Kind;
  readonly behaviour: Behaviour;
  readonly scope: 'request' | 'function';
  /** Inputs: an index into the pool (sources first, then the nodes before this one), and whether the use is `useCache: false`. */
  readonly inputs: readonly { readonly to: number; readonly fresh: boolean }[];
  readonly overridden: false | 'sync' | 'async';
}
interface RouteSpec {
  readonly nodes: readonly NodeSpec[];
  readonly handlerInputs: readonly { readonly to: number; readonly fresh: boolean }[];
  readonly appDependencies: readonly number[];
  readonly handler: 'value' | 'async' | 'throw' | 'refuse';
  readonly request: RequestInit;
}

const kind = fc.constantFrom<Kind>('sync', 'async', 'thenable', 'generator', 'asyncGenerator');
const behaviour = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Behaviour>('value') },
  { weight: 1, arbitrary: fc.constantFrom<Behaviour>('forbidden', 'crash', 'refuse', 'invalid', 'swallow', 'undefined', 'noYield') },
  // values the resolver looks into: disposables (torn down in their scope) and functions (not thenables)
  { weight: 1, arbitrary: fc.constantFrom<Behaviour>('disposable', 'asyncDisposable', 'callable') },
);
const edges = fc.array(fc.record({ to: fc.nat(40), fresh: fc.boolean() }), { maxLength: 3 });
const node: fc.Arbitrary<NodeSpec> = fc.record({
  kind,
  behaviour,
  scope: fc.constantFrom<'request' | 'function'>('request', 'function'),
  inputs: edges,
  overridden: fc.oneof({ weight: 5, arbitrary: fc.constant<false>(false) }, { weight: 1, arbitrary: fc.constantFrom<'sync' | 'async'>('sync', 'async') }),
});
const request: fc.Arbitrary<RequestInit> = fc
  .record({
    q: fc.constantFrom(undefined, '5', 'abc', '0'),
    a: fc.constantFrom(undefined, 'x'),
    authorization: fc.constantFrom(undefined, 'Bearer t', 'Basic zz'),
    key: fc.constantFrom(undefined, 'k'),
  })
  .map(({ q, a, authorization, key }) => {
    const headers: Record<string, string> = {};
    if (a !== undefined) headers['x-a'] = a;
    if (authorization !== undefined) headers.authorization = authorization;
    if (key !== undefined) headers['x-key'] = key;
    return { url: q === undefined ? '/' : `/?q=${q}`, headers };
  });
const route: fc.Arbitrary<RouteSpec> = fc.record({
  nodes: fc.array(node, { minLength: 1, maxLength: 7 }),
  handlerInputs: fc.array(fc.record({ to: fc.nat(40), fresh: fc.boolean() }), { minLength: 1, maxLength: 4 }),
  appDependencies: fc.array(fc.nat(40), { maxLength: 2 }),
  handler: fc.constantFrom<RouteSpec['handler']>('value', 'value', 'async', 'throw', 'refuse'),
  request,
});

/** What one run of a route gives: everything that must not differ between the two ways. */
interface Observed {
  sync: boolean;
  status: number;
  headers: unknown;
  body: unknown;
  hasTeardown: boolean;
  /** Calls, setups and exits, with the answer and `finish()` marked in it. */
  log: string[];
  reported: string[];
}

/** The route's dependencies, built once per spec: both plans run the same functions, logging to one log. */
function build(spec: RouteSpec) {
  const log: string[] = [];
  const sources: Input[] = [
    query('q', z.number().int().min(1).default(3)),
    header('x-a'),
    httpBearer({ autoError: false }),
    anyOf(httpBearer(), apiKeyHeader({ name: 'x-key' })),
  ];
  const pool: Input[] = [...sources];
  const deps: Dependency<unknown>[] = [];
  const overrides = new Overrides();
  const describeValue = (v: unknown): string => (v === undefined ? 'u' : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
  spec.nodes.forEach((n, i) => {
    const name = `n${i}`;
    const inputs: Record<string, Input> = {};
    n.inputs.forEach((e, k) => {
      const target = pool[e.to % pool.length];
      inputs[`i${k}`] = e.fresh && isDep(target) ? use(target, { useCache: false }) : target;
    });
    const seen = (values: Record<string, unknown>) => Object.keys(values).map((k) => `${k}=${describeValue(values[k])}`).join(',');
    const outcome = (values: Record<string, unknown>): unknown => {
      log.push(`call ${name}(${seen(values)})`);
      switch (n.behaviour) {
        case 'forbidden':
          throw new HTTPException(403, `${name} forbids`);
        case 'crash':
          throw new Error(`${name} crashed`);
        case 'refuse':
          return refuse(new HTTPException(401, `${name} refuses`, { 'www-authenticate': 'Bearer' }));
        case 'invalid':
          throw new RequestValidationError([{ type: 'value_error', loc: ['query', name], msg: `${name} is invalid`, input: null }]);
        case 'undefined':
          return undefined;
        case 'disposable':
          return { name, [Symbol.dispose]: () => log.push(`dispose ${name}`) };
        case 'asyncDisposable':
          return { name, [Symbol.asyncDispose]: async () => (await null, log.push(`asyncDispose ${name}`)) };
        case 'callable':
          return Object.assign(() => name, { toString: () => `function ${name}` });
        default:
          return `${name}[${seen(values)}]`;
      }
    };
    const exit = (error: unknown) => {
      log.push(`exit ${name}${error === undefined ? '' : ` with ${String((error as Error).message ?? error)}`}`);
      if (error !== undefined && n.behaviour !== 'swallow') throw error;
    };
    let dep: Dependency<unknown>;
    const options = { name, scope: n.scope };
    switch (n.kind) {
      case 'sync':
        dep = depends(inputs, (v) => outcome(v), options);
        break;
      case 'async':
        dep = depends(inputs, async (v) => (await null, outcome(v)), options);
        break;
      case 'thenable':
        // not a native promise: adopted as the interpreter adopts it
        dep = depends(inputs, (v) => ({ then: (resolve: (x: unknown) => void, reject: (e: unknown) => void) => { try { resolve(outcome(v)); } catch (e) { reject(e); } } }) as never, options);
        break;
      case 'generator':
        dep = depends(
          inputs,
          function* (v) {
            const value = outcome(v);
            if (n.behaviour === 'noYield') return; // a generator that does not yield: a 500 naming it
            try {
              yield value;
            } catch (e) {
              exit(e);
              return;
            }
            exit(undefined);
          },
          options,
        );
        break;
      default:
        dep = depends(
          inputs,
          async function* (v) {
            await null;
            const value = outcome(v);
            if (n.behaviour === 'noYield') return;
            try {
              yield value;
            } catch (e) {
              exit(e);
              return;
            }
            exit(undefined);
          },
          options,
        );
    }
    if (n.overridden === 'sync') overrides.set(dep, () => (log.push(`override ${name}`), `fake ${name}`));
    else if (n.overridden === 'async') overrides.set(dep, async () => (log.push(`override ${name}`), await null, `fake ${name}`));
    deps.push(dep);
    pool.push(dep);
  });
  const handlerInputs: Record<string, Input> = {};
  spec.handlerInputs.forEach((e, k) => {
    const target = pool[e.to % pool.length];
    handlerInputs[`h${k}`] = e.fresh && isDep(target) ? use(target, { useCache: false }) : target;
  });
  const handler = (values: Record<string, unknown>) => {
    log.push(`handler(${Object.keys(values).join(',')})`);
    if (spec.handler === 'throw') throw new HTTPException(404, 'not here');
    if (spec.handler === 'refuse') return refuse(new HTTPException(409, 'conflict'));
    const body = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, describeValue(v)]));
    return spec.handler === 'async' ? Promise.resolve(body) : body;
  };
  const declaration = { label: 'GET /generated', dependencies: spec.appDependencies.map((d) => pool[d % pool.length]), inputs: handlerInputs };
  let tree: RouteTree;
  try {
    tree = analyse(declaration, overrides);
  } catch (error) {
    // a request-scoped dependency of a function-scoped one: refused at startup, nothing to run
    if (error instanceof DependencyScopeError) return undefined;
    throw error;
  }
  return { log, tree, handler };
}

function isDep(input: Input): input is Dependency<unknown> {
  return typeof input === 'object' && input !== null && 'fn' in input;
}

async function observe(plan: Plan, spec: RouteSpec, log: string[]): Promise<Observed> {
  log.length = 0;
  const reported: string[] = [];
  const view = createRequestView(spec.request);
  const result = runPlan(plan, view, { status: 200, onError: (e) => reported.push(`${(e as Error).constructor.name}: ${(e as Error).message}`), label: 'GET /generated' });
  const sync = !isThenable(result);
  const outcome: Outcome = await result;
  log.push(`answer ${outcome.answer.status}`);
  await outcome.finish();
  log.push('finished');
  const { status, headers, body } = outcome.answer;
  return { sync, status, headers, body, hasTeardown: outcome.hasTeardown, log: [...log], reported };
}

// Under --disallow-code-generation-from-strings (a CI step) no plan gets a function: both sides are then the interpreter.
describe('a plan compiled into one function gives the interpreter’s answers', () => {
  test('on generated dependency graphs: answers, calls, teardowns, reported errors, synchronous or not', async () => {
    await fc.assert(
      fc.asyncProperty(route, async (spec) => {
        const built = build(spec);
        fc.pre(built !== undefined);
        const { log, tree, handler } = built!;
        const interpreted = compileTree(tree, handler, false);
        const compiled = compileTree(tree, handler, true);
        expect(interpreted.run).toBeUndefined();
        expect(compiled.run !== undefined).toBe(canGenerateCode);
        const expected = await observe(interpreted, spec, log);
        const actual = await observe(compiled, spec, log);
        expect(actual).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  test('the generated source is straight-line code: one labelled block per step, a direct call of each step function', () => {
    const user = depends({ token: header('x-token') }, ({ token }) => token);
    const settings = depends(() => ({ prefix: 'p' }));
    const plan = compileTree(analyse({ label: 'GET /', dependencies: [], inputs: { user, settings } }), (v) => v, false);
    const source = planSource(plan);
    expect(source).toContain('o = S1.fn(a, ex);');
    expect(source).toContain('s2: {');
    expect(source).not.toMatch(/for \(|while \(/);
    // where the runtime refuses to compile it: no function, and the caller interprets the plan
    expect(generatePlan(plan) !== undefined).toBe(canGenerateCode);
  });

  test('a step that turns out asynchronous hands the rest of the plan to generated code (resumedPlan), not to the interpreter', () => {
    const service = depends(async () => ({ list: () => [] }));
    const tx = depends(async function* transaction() {
      yield 'tx';
    });
    const user = depends({ token: header('x-token') }, ({ token }) => token);
    const plan = compileTree(analyse({ label: 'GET /', dependencies: [], inputs: { service, tx, user } }), (v) => v, false);
    const source = planSource(plan);
    expect(source).toContain('const resumedPlan = async function resumedPlan(ex, k, from, pending)');
    expect(source).toMatch(/return resumedPlan\(ex, k, \d+, o\);/);
    expect(source).toContain('p = await o.next();'); // the async generator run to its yield in place
    expect(source).not.toContain('resumeAt');
  });
});

describe('without code generation', () => {
  test('a plan compiled without it has no function of its own, and the interpreter answers', async () => {
    const user = depends({ token: header('x-token') }, ({ token }) => ({ token }));
    const plan = compileTree(analyse({ label: 'GET /', dependencies: [], inputs: { user } }), ({ user }) => user, false);
    expect(plan.run).toBeUndefined();
    const outcome = (await runPlan(plan, createRequestView({ headers: { 'x-token': 't' } }), { status: 200, onError: () => {} })) as Outcome;
    expect([outcome.answer.status, outcome.answer.body]).toEqual([200, '{"token":"t"}']);
  });

  test('the runtime’s own default decides: compiled where code can be generated, interpreted where it cannot', () => {
    const plan = compileTree(analyse({ label: 'GET /', dependencies: [], inputs: {} }), () => 1);
    expect(plan.run !== undefined).toBe(canGenerateCode);
  });
});
