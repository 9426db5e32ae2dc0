/**
 * A runtime that allows code generation when the app starts and refuses it
 * later (Cloudflare Workers while serving a request): a plan compiled then
 * (overrides changed, a route added) is interpreted, and nothing is
 * generated from then on. The change of mode is module state, so this file
 * has it to itself.
 */
import { expect, test } from 'vitest';
import { DependsApp, depends, header } from '../index.js';
import { createRequestView } from '../request/view.js';
import { analyse } from '../model/analyse.js';
import { runPlan, type Outcome } from '../app/handle.js';
import { compileTree } from './compile.js';
import { canGenerateCode } from './plan.js';

test('code generation refused at first use: the plan is interpreted, the same answer, and nothing is generated from then on', async () => {
  const token = header('x-token');
  const user = depends({ token }, ({ token }) => ({ token }));
  const app = new DependsApp();
  const route = app.route('GET', '/', { user }, ({ user }) => user);
  expect(route.plan.run !== undefined).toBe(canGenerateCode); // compiled at registration where the runtime allows it
  const before = (await app.handle(route, createRequestView({ headers: { 'x-token': 't' } }))) as Outcome;

  const original = globalThis.Function;
  globalThis.Function = function refused() {
    throw new EvalError('Code generation from strings disallowed for this context');
  } as unknown as FunctionConstructor;
  try {
    // a plan whose only generated code would be its function (no step has inputs): generatePlan() meets the refusal
    const log: string[] = [];
    const audit = depends(() => void log.push('audit'));
    const plain = compileTree(analyse({ label: 'GET /plain', dependencies: [audit], inputs: {} }), () => 'plain', true);
    expect(plain.run).toBeUndefined();
    expect(canGenerateCode).toBe(false);
    const answered = (await runPlan(plain, createRequestView(), { status: 200, onError: () => {} })) as Outcome;
    expect([answered.answer.body, log]).toEqual(['"plain"', ['audit']]);
    // an override recompiles a plan while the runtime refuses code generation
    app.overrides.set(user, () => ({ token: 'fake' }));
    const overridden = (await app.handle(route, createRequestView({ headers: { 'x-token': 't' } }))) as Outcome;
    expect(app.planFor(route).run).toBeUndefined();
    expect(canGenerateCode).toBe(false);
    expect([overridden.answer.status, overridden.answer.body]).toEqual([200, '{"token":"fake"}']);
  } finally {
    globalThis.Function = original;
  }
  // remembered: the runtime allows it again, but nothing is generated any more
  app.overrides.clear();
  const again = app.route('GET', '/again', { user }, ({ user }) => user);
  expect(again.plan.run).toBeUndefined();
  const after = (await app.handle(again, createRequestView({ headers: { 'x-token': 't' } }))) as Outcome;
  expect([after.answer.status, after.answer.body]).toEqual([before.answer.status, before.answer.body]);
  expect(before.answer.body).toBe('{"token":"t"}');
});
