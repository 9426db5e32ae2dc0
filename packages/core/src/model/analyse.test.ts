import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { securityScopes, SecurityScopes } from '../dependency/builtins.js';
import { depends, security, use } from '../dependency/depends.js';
import { DependencyCycleError, DependencyScopeError } from '../errors/catalogue.js';
import { Overrides } from '../overrides/overrides.js';
import { httpBearer } from '../security/http.js';
import { anyOf } from '../security/any-of.js';
import { header, query } from '../sources/params.js';
import { analyse } from './analyse.js';

const route = (inputs: Parameters<typeof analyse>[0]['inputs'], dependencies: Parameters<typeof analyse>[0]['dependencies'] = []) =>
  analyse({ label: 'GET /x', dependencies, inputs });

describe('analyse(): one tree per route', () => {
  test('a dependency used twice with the same cache key is one node; useCache: false gets its own', () => {
    const shared = depends(() => 1);
    const a = depends({ shared }, ({ shared }) => shared);
    const tree = route({ a, b: shared, fresh: use(shared, { useCache: false }) });
    const [ea, eb, ef] = tree.inputs;
    expect(ea.node.children[0].node).toBe(eb.node);
    expect(ef.node).not.toBe(eb.node);
    expect(ef.node.useCache).toBe(false);
  });

  test('children keep declaration order; the dependency and the source are recorded', () => {
    const q = query('q', z.string());
    const dep = depends({ q, first: depends(() => 1) }, () => 2);
    const node = route({ dep }).inputs[0].node;
    expect(node.children.map((e) => e.name)).toEqual(['q', 'first']);
    expect(node.children[0].node.source).toMatchObject({ in: 'query', name: 'q' });
    expect(node.dependency).toBe(dep);
  });

  test('scopes accumulate down the tree and split the cache key of what uses them', () => {
    const bearer = httpBearer();
    const user = depends({ token: bearer, required: securityScopes }, ({ token }) => token);
    const tree = route({ a: security(user, { scopes: ['me'] }), b: security(user, { scopes: ['items', 'me'] }) });
    const [a, b] = tree.inputs.map((e) => e.node);
    expect(a.scopes).toEqual(['me']);
    expect(b.scopes).toEqual(['items', 'me']);
    expect(a).not.toBe(b);
    expect(a.children[0].node.security).toMatchObject({ kind: 'scheme' });
    expect(a.children[1].node.constant).toEqual(new SecurityScopes(['me']));
  });

  test('overrides set the implementation; the dependency stays the declared one', () => {
    const real = depends({ h: header('x_token') }, ({ h }) => h);
    const overrides = new Overrides().set(real, () => 'fake');
    const node = analyse({ label: 'GET /x', dependencies: [], inputs: { real } }, overrides).inputs[0].node;
    expect(node.dependency).toBe(real);
    expect(node.impl).not.toBe(real);
    expect(node.children).toEqual([]);
  });

  test('teardown scope: generators default to request; explicit scopes are kept', () => {
    const gen = depends(function* () {
      yield 1;
    });
    const fn = depends(() => 1, { scope: 'function' });
    const [g, f] = route({ gen, fn }).inputs.map((e) => e.node);
    expect([g.teardown, f.teardown]).toEqual(['request', 'function']);
  });

  test('anyOf alternatives are analysed at its place', () => {
    const bearer = httpBearer();
    const node = route({ who: security(anyOf(bearer), { scopes: ['x'] }) }).inputs[0].node;
    expect(node.alternatives?.map((n) => [n.dependency, n.scopes])).toEqual([[bearer, ['x']]]);
  });

  test('cycles and the teardown scope rule fail naming the route', () => {
    const fn = depends(() => 1, { scope: 'function', name: 'fn' });
    const session = depends({ fn }, function* () {
      yield 1;
    }, { name: 'session' });
    expect(() => route({ session })).toThrow(DependencyScopeError);
    expect(() => route({ session })).toThrow(/GET \/x.*session/);
    // Declarations are frozen, so a cycle comes through an override.
    const loop = new Overrides();
    const x = depends(() => 1, { name: 'x' });
    const y = depends({ x }, () => 1, { name: 'y' });
    loop.set(x, depends({ y }, () => 1));
    expect(() => analyse({ label: 'GET /x', dependencies: [], inputs: { y } }, loop)).toThrow(DependencyCycleError);
    expect(() => analyse({ label: 'GET /x', dependencies: [], inputs: { y } }, loop)).toThrow(/GET \/x: y -> x -> y/);
  });
});
