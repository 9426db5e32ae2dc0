import { describe, expect, test } from 'vitest';
import { DependsApp } from '../app/app.js';
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
import { buildDocument } from './document.js';
import { checkPublicOrigin, documentServers, mountPrefix, serversFromRequest } from './servers.js';
import { validateOpenApi } from './test/validate.js';

describe('publicOrigin', () => {
  test.each([
    ['https://api.example.com', 'https://api.example.com'],
    ['https://API.example.com/', 'https://api.example.com'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['https://api.example.com:443', 'https://api.example.com'],
    ['https://example.com/api/', 'https://example.com/api'],
    ['http://[::1]:8080/v1', 'http://[::1]:8080/v1'],
  ])('%s → %s', (given, normalised) => {
    expect(checkPublicOrigin(given)).toBe(normalised);
  });

  test.each([
    ['/api', 'is not an absolute URL'],
    ['api.example.com', 'is not an absolute URL'],
    ['ftp://api.example.com', 'is not an http or https URL'],
    ['https://user:secret@api.example.com', 'holds credentials'],
    ['https://api.example.com/?v=1', 'has a query or a fragment'],
    ['https://api.example.com/#top', 'has a query or a fragment'],
    [42, 'is not an absolute URL'],
  ])('%j is refused at startup: %s', (given, why) => {
    const make = () => new DependsApp({ publicOrigin: given as string });
    expect(make).toThrow(ConfigurationError);
    expect(make).toThrow(why);
    try {
      make();
    } catch (error) {
      expect((error as ConfigurationError).code).toBe(ErrorCode.InvalidDocumentOption);
    }
  });

  test('publicOrigin and servers together are refused (publicOrigin is the one server)', () => {
    const options = { publicOrigin: 'https://a.example', servers: [{ url: 'https://b.example' }] };
    expect(() => new DependsApp(options)).toThrow('give publicOrigin or servers, not both');
    expect(() => buildDocument([], options)).toThrow(ConfigurationError);
  });
});

describe('documentServers', () => {
  test('servers given: as they are, whatever the request', () => {
    const servers = [{ url: '/api', description: 'relative, on purpose' }];
    expect(documentServers({ servers }, { origin: 'http://h.example', prefix: '/x' })).toEqual(servers);
    expect(serversFromRequest({ servers })).toBe(false);
  });

  test('publicOrigin, plus the mount prefix when served', () => {
    expect(documentServers({ publicOrigin: 'https://api.example.com/' })).toEqual([{ url: 'https://api.example.com' }]);
    expect(documentServers({ publicOrigin: 'https://example.com/api' }, { origin: 'http://evil.example', prefix: '/v1/' })).toEqual([{ url: 'https://example.com/api/v1' }]);
    expect(serversFromRequest({ publicOrigin: 'https://api.example.com' })).toBe(false);
  });

  test('neither: the request origin and prefix; not served, "/"', () => {
    expect(serversFromRequest({})).toBe(true);
    expect(documentServers({})).toEqual([{ url: '/' }]);
    expect(documentServers({}, { origin: 'http://127.0.0.1:3000' })).toEqual([{ url: 'http://127.0.0.1:3000' }]);
    expect(documentServers({}, { origin: 'https://API.example.com:443', prefix: '/api' })).toEqual([{ url: 'https://api.example.com/api' }]);
    expect(documentServers({}, { prefix: '/api' })).toEqual([{ url: '/api' }]);
  });

  test.each([
    'http://user@evil.example',
    'http://evil.example/path',
    'http://evil.example?x',
    'javascript://evil.example',
    'http://evil example',
    'http://evil.example:99999',
    'http://',
  ])('an origin that is not a plain http(s) host is never put in the document: %s', (origin) => {
    expect(documentServers({}, { origin })).toEqual([{ url: '/' }]);
  });

  test.each(['//evil.example', 'http://evil.example', '/a b', '/a"b', '/a\\b'])('a prefix that is not a plain path is left out: %s', (prefix) => {
    expect(documentServers({}, { origin: 'http://h.example', prefix })).toEqual([{ url: 'http://h.example' }]);
  });
});

test('mountPrefix: what the request path has before the route path', () => {
  expect(mountPrefix('/api/openapi.json', '/openapi.json')).toBe('/api');
  expect(mountPrefix('/api/v1/openapi.json?pretty#x', '/v1/openapi.json')).toBe('/api');
  expect(mountPrefix('/openapi.json', '/openapi.json')).toBe('');
  expect(mountPrefix('/elsewhere', '/openapi.json')).toBe('');
});

describe('DependsApp.openapi(at)', () => {
  const app = new DependsApp({ title: 'Served' });
  app.route('GET', '/status', {}, () => ({ ok: true }));

  test('not served: "/"; served: the request origin, one object per server URL, the rest shared', async () => {
    const base = app.openapi();
    expect(base.servers).toEqual([{ url: '/' }]);
    const served = app.openapi({ origin: 'http://127.0.0.1:3000' });
    expect(served.servers).toEqual([{ url: 'http://127.0.0.1:3000' }]);
    expect(served.paths).toBe(base.paths);
    expect(app.openapi({ origin: 'http://127.0.0.1:3000' })).toBe(served);
    expect(app.openapi({})).toBe(base);
    expect((await validateOpenApi(structuredClone(served))).valid).toBe(true);
  });

  test('a route added: the served document follows', () => {
    const before = app.openapi({ origin: 'http://127.0.0.1:3000' });
    app.route('GET', '/later', {}, () => ({}));
    const after = app.openapi({ origin: 'http://127.0.0.1:3000' });
    expect(after).not.toBe(before);
    expect(Object.keys(after.paths)).toContain('/later');
  });

  test('many hosts: a few served documents are kept, not one per host', () => {
    const docs = Array.from({ length: 50 }, (_, i) => app.openapi({ origin: `http://h${i}.example` }));
    expect(docs.at(-1)!.servers).toEqual([{ url: 'http://h49.example' }]);
    expect(app.openapi({ origin: 'http://h49.example' })).toBe(docs.at(-1));
    expect(app.openapi({ origin: 'http://h0.example' })).not.toBe(docs[0]);
  });

  test('publicOrigin: the same document for every host', () => {
    const configured = new DependsApp({ publicOrigin: 'https://api.example.com' });
    expect(configured.openapi().servers).toEqual([{ url: 'https://api.example.com' }]);
    expect(configured.openapi({ origin: 'http://evil.example' })).toBe(configured.openapi());
    expect(configured.serversFromRequest).toBe(false);
    expect(app.serversFromRequest).toBe(true);
  });
});
