/**
 * A scheme's `answerHeaders` (a DPoP scheme's rotating `DPoP-Nonce`): every
 * answer of a route using it carries them — a function read for each
 * answer — unless the answer sets the header itself; an overridden scheme
 * adds none.
 */
import { describe, expect, test } from 'vitest';
import { DependsApp, HTTPException, defineScheme, reply } from '../index.js';
import { found, MISSING } from './scheme.js';

describe('defineScheme({ answerHeaders })', () => {
  let counter = 0;
  const scheme = defineScheme({
    defaultName: 'Nonced',
    options: {},
    openapi: { type: 'apiKey', in: 'header', name: 'x-key' },
    challenge: 'APIKey',
    consumes: [{ in: 'header', name: 'x-key' }],
    bearerChallenges: false,
    read: (request) => {
      const key = request.header('x-key');
      return key ? found(key) : MISSING;
    },
    verify: (key) => (key === 'good' ? key : Promise.reject(new HTTPException(401, 'Bad key', { 'www-authenticate': 'APIKey' }))),
    answerHeaders: { 'X-Nonce': () => `n${++counter}`, 'x-fixed': 'yes' },
  });
  const app = new DependsApp();
  app.route('GET', '/a', { key: scheme }, ({ key }) => ({ key }));
  app.route('GET', '/own', { key: scheme }, () => reply({ own: true }, { headers: { 'x-nonce': 'mine' } }));
  app.route('GET', '/none', {}, () => ({ ok: true }));

  test('each answer reads the function again; fixed values as given; the refusals carry them too', async () => {
    const first = await app.request({ method: 'GET', url: '/a', headers: { 'x-key': 'good' } });
    const second = await app.request({ method: 'GET', url: '/a', headers: { 'x-key': 'good' } });
    expect([first.status, first.header('x-nonce'), first.header('x-fixed')]).toEqual([200, 'n1', 'yes']);
    expect(second.header('x-nonce')).toBe('n2');
    const refused = await app.request({ method: 'GET', url: '/a', headers: { 'x-key': 'bad' } });
    expect([refused.status, refused.header('x-nonce')]).toEqual([401, 'n3']);
    const missing = await app.request({ method: 'GET', url: '/a' });
    expect([missing.status, missing.header('x-nonce')]).toEqual([401, 'n4']);
  });

  test('an answer that sets the header keeps its own value (the function is not read); a route without the scheme has none', async () => {
    const before = counter;
    const own = await app.request({ method: 'GET', url: '/own', headers: { 'x-key': 'good' } });
    expect(own.headers.filter(([n]) => n === 'x-nonce')).toEqual([['x-nonce', 'mine']]);
    expect(counter).toBe(before);
    expect((await app.request({ method: 'GET', url: '/none' })).header('x-nonce')).toBeUndefined();
  });

  test('an overridden scheme adds none', async () => {
    const overridden = new DependsApp();
    overridden.route('GET', '/a', { key: scheme }, ({ key }) => ({ key }));
    overridden.overrides.set(scheme, () => 'fake');
    const res = await overridden.request({ method: 'GET', url: '/a' });
    expect([res.status, res.json(), res.header('x-nonce'), res.header('x-fixed')]).toEqual([200, { key: 'fake' }, undefined, undefined]);
  });
});
