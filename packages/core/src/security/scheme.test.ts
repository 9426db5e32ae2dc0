import { describe, expect, test } from 'vitest';
import { resolve } from '../app/app.js';
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
