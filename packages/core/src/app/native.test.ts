import { describe, expect, test } from 'vitest';
import { DependsApp } from './app.js';
import { depends } from '../dependency/depends.js';
import { createRequestView } from '../request/view.js';

/** A Bluebird-like thenable: not a native promise. */
const thenable = <T,>(value: T, fail = false) => ({
  then(resolve: (v: T) => unknown, reject: (e: unknown) => unknown) {
    setTimeout(() => (fail ? reject(Object.assign(new Error('Gone'), { status: 410, expose: true })) : resolve(value)), 1);
  },
});

describe('what handlers and dependencies return', () => {
  test('a framework-native result passes through untouched (the adapter says which)', async () => {
    const app = new DependsApp();
    const native = { kind: 'Response' };
    const route = app.route('GET', '/', {}, () => native);
    const outcome = await app.handle(route, createRequestView({}), (value) => value === native);
    expect(outcome.native).toEqual({ value: native });
    const plain = await app.handle(app.route('GET', '/plain', {}, () => ({ ok: true })), createRequestView({}), (value) => value === native);
    expect([plain.native, plain.answer.body]).toEqual([undefined, '{"ok":true}']);
  });

  test('any thenable is awaited, from a handler or a dependency; a rejected one answers as its error', async () => {
    const app = new DependsApp({ onError: () => {} });
    const slow = depends(() => thenable('from a dependency'));
    app.route('GET', '/handler', {}, () => thenable({ ok: true }));
    app.route('GET', '/dependency', { slow }, ({ slow }) => ({ slow }));
    app.route('GET', '/rejected', {}, () => thenable(null, true));
    expect((await app.request({ url: '/handler' })).json()).toEqual({ ok: true });
    expect((await app.request({ url: '/dependency' })).json()).toEqual({ slow: 'from a dependency' });
    const gone = await app.request({ url: '/rejected' });
    expect([gone.status, gone.json()]).toEqual([410, { detail: 'Gone' }]);
  });
});
