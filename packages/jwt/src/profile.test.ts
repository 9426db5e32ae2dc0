import { afterAll, describe, expect, test } from 'vitest';
import { ConfigurationError, DependsApp } from '@depends/core';
import { jwtBearer } from './jwt-bearer.js';
import { AUDIENCE, startIssuer } from './test/issuer.js';

// RFC 9068 §4: what a resource server checks of a JWT access token, each failure a 401 invalid_token naming it.
const idp = await startIssuer();
afterAll(() => idp.close());

const token = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE, profile: 'rfc9068' });
const app = new DependsApp();
app.route('GET', '/me', { auth: token }, ({ auth }) => ({ sub: auth.claims.sub, client: auth.claims.client_id, acr: auth.claims.acr ?? null, amr: auth.claims.amr ?? null }));
const get = async (jwt: string) => app.request({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${jwt}` } });
const refused = (description: string) => `Bearer error="invalid_token", error_description="${description}"`;
/** The claims RFC 9068 §2.2 requires (iss, aud, iat and exp are added by the test issuer). */
const complete = { sub: 'alice', client_id: 'web', jti: 'j-1' };

describe("jwtBearer({ profile: 'rfc9068' })", () => {
  test('an access token as RFC 9068 defines it is accepted, typ at+jwt or application/at+jwt; auth_time, acr and amr read', async () => {
    const now = Math.floor(Date.now() / 1000);
    const res = await get(await idp.sign({ ...complete, auth_time: now, acr: 'urn:example:mfa', amr: ['pwd', 'otp'] }));
    expect([res.status, res.json()]).toEqual([200, { sub: 'alice', client: 'web', acr: 'urn:example:mfa', amr: ['pwd', 'otp'] }]);
    const media = await get(await idp.sign(complete, { header: { typ: 'application/at+jwt' } }));
    expect([media.status, media.json()]).toEqual([200, { sub: 'alice', client: 'web', acr: null, amr: null }]);
  });

  test.each([
    ['typ JWT (an ID token, say)', { header: { typ: 'JWT' } }, {}, 'The token is not an access token'],
    ['no typ', { header: { typ: undefined } }, {}, 'The token is not an access token'],
    ['no sub', {}, { sub: undefined }, 'The token has no \\"sub\\" claim'],
    ['no client_id', {}, { client_id: undefined }, 'The token has no \\"client_id\\" claim'],
    ['no jti', {}, { jti: undefined }, 'The token has no \\"jti\\" claim'],
    ['no iat', {}, { iat: undefined }, 'The token has no \\"iat\\" claim'],
    ['client_id a number', {}, { client_id: 7 }, "The token's client_id claim is not a string"],
    ['sub empty', {}, { sub: '' }, "The token's sub claim is not a string"],
    ['auth_time a string', {}, { auth_time: '1700000000' }, "The token's auth_time claim is not a number"],
    ['acr a list', {}, { acr: ['urn:example:mfa'] }, "The token's acr claim is not a string"],
    ['amr a string', {}, { amr: 'pwd' }, "The token's amr claim is not a list of strings"],
    ['amr with a number', {}, { amr: ['pwd', 2] }, "The token's amr claim is not a list of strings"],
  ])('%s: 401 invalid_token saying so', async (_name, options, claims, description) => {
    const res = await get(await idp.sign({ ...complete, ...claims } as never, options as never));
    expect([res.status, res.header('www-authenticate'), res.json()]).toEqual([401, refused(description), { detail: 'Could not validate credentials' }]);
  });

  test('without the profile none of it is required (the checks are opt-in)', async () => {
    const plain = jwtBearer({ issuer: idp.issuer, audience: AUDIENCE });
    const loose = new DependsApp();
    loose.route('GET', '/me', { auth: plain }, ({ auth }) => ({ sub: auth.claims.sub ?? null }));
    const res = await loose.request({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${await idp.sign({ amr: 'pwd' }, { header: { typ: 'JWT' } })}` } });
    expect([res.status, res.json()]).toEqual([200, { sub: null }]);
  });

  test('per issuer: the entry with the profile checks it, the other does not; the top-level profile applies to every entry', async () => {
    const other = await startIssuer();
    try {
      const several = jwtBearer({ issuers: [{ issuer: idp.issuer, audience: AUDIENCE, profile: 'rfc9068' }, { issuer: other.issuer, audience: AUDIENCE }] });
      const everyone = jwtBearer({ issuers: [{ issuer: idp.issuer, audience: AUDIENCE }, { issuer: other.issuer, audience: AUDIENCE }], profile: 'rfc9068' });
      const two = new DependsApp();
      two.route('GET', '/one', { auth: several }, ({ auth }) => ({ issuer: auth.issuer }));
      two.route('GET', '/all', { auth: everyone }, ({ auth }) => ({ issuer: auth.issuer }));
      const call = async (url: string, jwt: string) => two.request({ method: 'GET', url, headers: { authorization: `Bearer ${jwt}` } });
      expect((await call('/one', await idp.sign({ sub: 'alice', jti: 'j' }))).header('www-authenticate')).toBe(refused('The token has no \\"client_id\\" claim'));
      expect((await call('/one', await other.sign({ sub: 'bob' }))).status).toBe(200);
      expect((await call('/all', await other.sign({ sub: 'bob', jti: 'j' }))).header('www-authenticate')).toBe(refused('The token has no \\"client_id\\" claim'));
      expect((await call('/all', await other.sign({ ...complete }))).json()).toEqual({ issuer: other.issuer });
    } finally {
      await other.close();
    }
  });

  test.each([
    ["a typ that contradicts it", () => jwtBearer({ issuer: 'https://a.example', audience: 'api://x', profile: 'rfc9068', typ: 'JWT' }), 'typ "JWT" contradicts profile \'rfc9068\''],
    ['a profile that does not exist', () => jwtBearer({ issuer: 'https://a.example', audience: 'api://x', profile: 'rfc7519' as never }), "profile must be 'rfc9068'"],
  ])('startup error: %s', (_name, make, message) => {
    expect(make).toThrow(ConfigurationError);
    expect(make).toThrow(message);
  });

  test("typ 'at+jwt' given with the profile is fine", () => {
    expect(() => jwtBearer({ issuer: 'https://a.example', audience: 'api://x', profile: 'rfc9068', typ: 'application/at+jwt' })).not.toThrow();
  });
});
