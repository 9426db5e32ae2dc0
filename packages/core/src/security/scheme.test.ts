import { describe, expect, test } from 'vitest';
import { DependsApp, resolve } from '../app/app.js';
import { security } from '../dependency/depends.js';
import { refuse } from '../dependency/refusal.js';
import { apiKeyHeader } from './api-key.js';
import { readAuthorization } from './authorization.js';
import { insufficientScope, invalidToken } from './errors.js';
import { safeEqual } from './compare.js';
import { createRequestView } from '../request/view.js';
import { HTTPException } from '../errors/catalogue.js';
import { anyOf } from './any-of.js';
import { httpBearer } from './http.js';
import { credentialReader, defineScheme, found, MALFORMED, MISSING } from './scheme.js';

describe('defineScheme', () => {
  const teamToken = defineScheme<string>({
    defaultName: 'TeamToken',
    options: { description: 'Team token' },
    openapi: { type: 'apiKey', in: 'header', name: 'x-team-token' },
    challenge: 'APIKey',
    consumes: [{ in: 'header', name: 'x-team-token' }],
    bearerChallenges: false,
    read: (request) => {
      const value = request.header('x-team-token');
      if (!value) return MISSING;
      return value.startsWith('team-') ? found(value.slice(5)) : MALFORMED;
    },
  });

  test('reads, fails, and carries its info', async () => {
    expect(await resolve(teamToken, { headers: { 'x-team-token': 'team-a' } })).toBe('a');
    await expect(resolve(teamToken, {})).rejects.toMatchObject({ status: 401, headers: { 'www-authenticate': 'APIKey' } });
    await expect(resolve(teamToken, { headers: { 'x-team-token': 'nope' } })).rejects.toMatchObject({ status: 401 });
    expect(teamToken.meta.security.scheme).toEqual({
      name: 'TeamToken',
      openapi: { type: 'apiKey', description: 'Team token', in: 'header', name: 'x-team-token' },
      challenge: 'APIKey',
      consumes: [{ in: 'header', name: 'x-team-token' }],
      optional: false,
      bearerChallenges: false,
    });
  });

  test('a custom scheme works inside anyOf', async () => {
    expect(await resolve(anyOf(httpBearer(), teamToken), { headers: { 'x-team-token': 'team-b' } })).toBe('b');
  });

  test('the info is frozen', () => {
    expect(Object.isFrozen(teamToken.meta.security.scheme)).toBe(true);
    expect(Object.isFrozen(teamToken.meta.security.scheme.openapi)).toBe(true);
  });

  test('credentialReader never throws for a missing credential', () => {
    const reader = credentialReader(httpBearer())!;
    expect(reader.read(createRequestView())).toEqual({ ok: false, malformed: false });
    expect(reader.read(createRequestView({ headers: { authorization: 'Bearer x' } }))).toEqual({ ok: true, value: { scheme: 'Bearer', credentials: 'x' } });
    expect(reader.challenges).toEqual(['Bearer']);
    expect(credentialReader(teamToken)?.optional).toBe(false);
  });

  test('the custom error builder receives the scheme info', async () => {
    const seen: string[] = [];
    const bearer = httpBearer({
      schemeName: 'HTTPBearer403',
      notAuthenticated: (scheme) => {
        seen.push(scheme.name);
        return new HTTPException(403, 'Not authenticated');
      },
    });
    await expect(resolve(bearer, {})).rejects.toMatchObject({ status: 403, detail: 'Not authenticated', headers: undefined });
    expect(seen).toEqual(['HTTPBearer403']);
  });

  test('an empty schemeName is a startup error', () => {
    expect(() => httpBearer({ schemeName: '' })).toThrow(/schemeName/);
  });
});

describe('defineScheme with verify: a credential found is checked, and the scheme still composes', () => {
  const TEAMS = [{ token: 'red-token', team: 'red', scopes: ['read', 'write'] }, { token: 'blue-token', team: 'blue', scopes: ['read'] }];
  const calls: string[] = [];
  const team = defineScheme({
    defaultName: 'TeamBearer',
    options: {},
    openapi: { type: 'http', scheme: 'bearer' },
    challenge: 'Bearer',
    consumes: [{ in: 'header', name: 'authorization' }],
    bearerChallenges: true,
    read: (request) => {
      const parts = readAuthorization(request, 'bearer');
      return parts ? found(parts.credentials) : MISSING;
    },
    verify: async (token, { required }) => {
      calls.push(token);
      let match: (typeof TEAMS)[number] | undefined;
      for (const entry of TEAMS) if (safeEqual(token, entry.token)) match = entry;
      if (!match) return refuse(invalidToken('Unknown team token'));
      if (required.scopes.some((s) => !match.scopes.includes(s))) throw insufficientScope(required);
      return { team: match.team };
    },
    enforcesScopes: true,
    responses: [503],
  });
  const apiKey = apiKeyHeader({ name: 'x-api-key' });

  function appWith() {
    const app = new DependsApp();
    app.route('GET', '/team', { who: team }, ({ who }) => who);
    app.route('GET', '/write', { who: security(team, { scopes: ['write'] }) }, ({ who }) => who);
    app.route('GET', '/either', { who: security(anyOf(team, apiKey), { scopes: ['read'] }) }, ({ who }) => (typeof who === 'string' ? { key: who } : who));
    return app;
  }
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  test('verify gives the value; a refusal from it is the answer; a missing credential never reaches it', async () => {
    const app = appWith();
    calls.length = 0;
    expect((await app.request({ url: '/team', headers: bearer('red-token') })).json()).toEqual({ team: 'red' });
    const unknown = await app.request({ url: '/team', headers: bearer('nope') });
    expect([unknown.status, unknown.header('www-authenticate')]).toEqual([401, 'Bearer error="invalid_token", error_description="Unknown team token"']);
    const missing = await app.request({ url: '/team' });
    expect([missing.status, missing.header('www-authenticate')]).toEqual([401, 'Bearer']);
    expect(calls).toEqual(['red-token', 'nope']);
  });

  test('verify receives the scopes required down to its use (403 when not granted)', async () => {
    const app = appWith();
    expect((await app.request({ url: '/write', headers: bearer('red-token') })).json()).toEqual({ team: 'red' });
    const denied = await app.request({ url: '/write', headers: bearer('blue-token') });
    expect([denied.status, denied.header('www-authenticate')]).toEqual([403, 'Bearer error="insufficient_scope", scope="write"']);
  });

  test('inside anyOf: the credential sent is checked by its scheme, no fall-back when it is refused', async () => {
    const app = appWith();
    expect((await app.request({ url: '/either', headers: bearer('blue-token') })).json()).toEqual({ team: 'blue' });
    expect((await app.request({ url: '/either', headers: { 'x-api-key': 'k' } })).json()).toEqual({ key: 'k' });
    const refused = await app.request({ url: '/either', headers: { ...bearer('nope'), 'x-api-key': 'k' } });
    expect([refused.status, refused.header('www-authenticate')]).toEqual([401, 'Bearer error="invalid_token", error_description="Unknown team token"']);
    const none = await app.request({ url: '/either' });
    expect(none.headers.filter(([n]) => n === 'www-authenticate').map(([, v]) => v)).toEqual(['Bearer', 'APIKey']);
  });

  test('autoError: false: undefined without a credential, verify still refuses a bad one', async () => {
    const maybe = defineScheme({
      defaultName: 'Maybe',
      options: { autoError: false },
      openapi: { type: 'apiKey', in: 'header', name: 'x-maybe' },
      challenge: 'APIKey',
      consumes: [{ in: 'header', name: 'x-maybe' }],
      bearerChallenges: false,
      read: (request) => {
        const value = request.header('x-maybe');
        return value ? found(value) : MISSING;
      },
      verify: (value) => (value === 'ok' ? value.length : refuse(new HTTPException(401, 'Bad key', { 'www-authenticate': 'APIKey' }))),
    });
    expect(await resolve(maybe, {})).toBeUndefined();
    expect(await resolve(maybe, { headers: { 'x-maybe': 'ok' } })).toBe(2);
    await expect(resolve(maybe, { headers: { 'x-maybe': 'no' } })).rejects.toMatchObject({ status: 401, detail: 'Bad key' });
  });

  test('the document: 403 and the other statuses verify may answer', () => {
    const doc = appWith().openapi();
    expect(Object.keys(doc.paths['/write'].get!.responses ?? {})).toEqual(expect.arrayContaining(['401', '403', '503']));
    expect(doc.paths['/either'].get!.security).toEqual([{ TeamBearer: ['read'] }, { APIKeyHeader: ['read'] }]);
    expect(team.meta.enforcesScopes).toBe(true);
  });

  test('verify must be a function', () => {
    expect(() => defineScheme({ ...TEAM_DEFINITION, verify: 'nope' as never })).toThrow(/verify must be a function/);
  });
});

const TEAM_DEFINITION = {
  defaultName: 'T',
  options: {},
  openapi: { type: 'apiKey', in: 'header', name: 'x-t' },
  challenge: 'APIKey',
  consumes: [{ in: 'header' as const, name: 'x-t' }],
  bearerChallenges: false,
  read: () => MISSING,
};
