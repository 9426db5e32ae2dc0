import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { DependsApp, depends, header, query } from '../index.js';
import { compile } from '../resolver/compile.js';
import { createRequestView } from '../request/view.js';
import { execute, Execution } from '../resolver/execute.js';

describe('synchronous trees stay synchronous', () => {
  const token = header('x_token');
  const user = depends({ token }, ({ token }) => ({ name: token.slice(7) }));
  const limit = query('limit', z.number().int().default(10));

  test('execute() returns the value itself, not a promise, when nothing is async', () => {
    const plan = compile({ label: 'GET /', inputs: { user, limit }, dependencies: [], handler: (v) => v });
    const ex = new Execution(createRequestView({ url: '/?limit=5', headers: { 'x-token': 'Bearer john' } }), plan.slotCount);
    const out = execute(plan, ex);
    expect(out).not.toBeInstanceOf(Promise);
    expect(out).toEqual({ user: { name: 'john' }, limit: 5 });
  });

  test('app.handle() answers synchronously for an all-sync route', () => {
    const app = new DependsApp();
    const route = app.route('GET', '/', { user }, ({ user }) => user);
    const outcome = app.handle(route, createRequestView({ headers: { 'x-token': 'Bearer ann' } }));
    expect(outcome).not.toBeInstanceOf(Promise);
    expect((outcome as { answer: { body: string } }).answer.body).toBe('{"name":"ann"}');
    expect((outcome as { hasTeardown: boolean }).hasTeardown).toBe(false);
  });

  test('one async dependency makes the route async, and the rest still runs in order', async () => {
    const log: string[] = [];
    const a = depends(() => void log.push('a'));
    const b = depends(async () => void log.push('b'));
    const c = depends(() => void log.push('c'));
    const app = new DependsApp();
    const route = app.route('GET', '/', { a, b, c }, () => log);
    const outcome = app.handle(route, createRequestView());
    expect(outcome).toBeInstanceOf(Promise);
    expect((await outcome).answer.body).toBe('["a","b","c"]');
  });
});
