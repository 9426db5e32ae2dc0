import { describe, expect, test } from 'vitest';
import { depends } from '../dependency/depends.js';
import { Router, routeDef } from './router.js';

const handler = () => 'ok';

describe('Router', () => {
  test('method helpers record routes with upper-case methods and their options', () => {
    const r = new Router();
    r.get('/a', {}, handler, { summary: 'A' });
    r.post('/b', {}, handler);
    r.put('/c', {}, handler);
    r.patch('/d', {}, handler);
    r.delete('/e', {}, handler);
    r.route('options', '/f', {}, handler);
    expect(r.routes().map((d) => `${d.method} ${d.path}`)).toEqual(['GET /a', 'POST /b', 'PUT /c', 'PATCH /d', 'DELETE /e', 'OPTIONS /f']);
    expect(r.routes()[0].options.summary).toBe('A');
  });

  test('prefix, dependencies and tags apply outermost first, through included routers', () => {
    const outerDep = depends(() => 1, { name: 'outer' });
    const includeDep = depends(() => 2, { name: 'include' });
    const innerDep = depends(() => 3, { name: 'inner' });
    const routeDep = depends(() => 4, { name: 'route' });
    const inner = new Router({ prefix: '/items', dependencies: [innerDep], tags: ['items'] });
    inner.get('/{id}', {}, handler, { dependencies: [routeDep], tags: ['items', 'read'] });
    const outer = new Router({ prefix: '/api', dependencies: [outerDep], tags: ['api'] });
    outer.include(inner, { prefix: '/v1', dependencies: [includeDep], tags: ['v1'] });
    const [def] = outer.routes();
    expect(def.path).toBe('/api/v1/items/{id}');
    expect(def.dependencies.map((d) => (d as { name: string }).name)).toEqual(['outer', 'include', 'inner', 'route']);
    expect(def.tags).toEqual(['api', 'v1', 'items', 'read']);
  });

  test('routes() is computed on each call: routes added later are listed', () => {
    const r = new Router();
    expect(r.routes()).toEqual([]);
    r.get('/late', {}, handler);
    expect(r.routes()).toHaveLength(1);
  });

  test('routeDef() builds one declaration without a router', () => {
    const dep = depends(() => 1);
    const def = routeDef('get', '/x', { dep }, handler, { dependencies: [dep], tags: ['t'] });
    expect(def).toMatchObject({ method: 'GET', path: '/x', inputs: { dep }, dependencies: [dep], tags: ['t'] });
  });
});
