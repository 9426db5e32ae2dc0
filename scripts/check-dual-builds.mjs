/**
 * The built ES module and CommonJS builds of the core loaded in one process,
 * as an ES module app gets them when a CommonJS package it uses requires
 * `@depends/core`: a refusal, an HTTPException and a reply made through the
 * CommonJS copy are answered by the ES module copy as themselves (never a
 * refusal taken for the user, a 401 answered as a 500, a reply sent as JSON
 * of its fields), and an ES module adapter given the CommonJS copy's app
 * serves that app. Run by `.ci/run` after `pnpm build`.
 */
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { DependsApp, depends, httpBearer } from '@depends/core';

const cjs = createRequire(import.meta.url)('@depends/core');
assert.notEqual(cjs.depends, depends, 'two copies of the core are loaded');

const app = new DependsApp({ onError: () => {} });
const user = depends({ auth: httpBearer() }, ({ auth }) => (auth.credentials === 'good' ? { name: 'alice' } : cjs.refuse(cjs.invalidToken())));
app.route('GET', '/refuse', { user }, ({ user }) => ({ user }));
app.route('GET', '/throw', {}, () => {
  throw new cjs.HTTPException(404, 'Item not found');
});
app.route('POST', '/reply', {}, () => cjs.reply({ id: 1 }, { status: 201 }));

const refused = await app.request({ url: '/refuse', headers: { authorization: 'Bearer bad' } });
assert.deepEqual([refused.status, refused.json()], [401, { detail: 'Could not validate credentials' }]);
const accepted = await app.request({ url: '/refuse', headers: { authorization: 'Bearer good' } });
assert.deepEqual([accepted.status, accepted.json()], [200, { user: { name: 'alice' } }]);
const thrown = await app.request({ url: '/throw' });
assert.deepEqual([thrown.status, thrown.json()], [404, { detail: 'Item not found' }]);
const replied = await app.request({ method: 'POST', url: '/reply' });
assert.deepEqual([replied.status, replied.json()], [201, { id: 1 }]);
assert.ok(new cjs.HTTPException(401) instanceof (await import('@depends/core')).HTTPException);

// an adapter (ES module) given the app of a CommonJS module serves that app: its title, routes and overrides
const { createDepends } = await import('@depends/hono');
const { Hono } = await import('hono');
const cjsApp = new cjs.DependsApp({ title: 'Notes' });
const me = cjs.depends({ auth: cjs.httpBearer() }, ({ auth }) => ({ name: auth.credentials }));
const api = new cjs.Router();
api.get('/me', { user: me }, ({ user }) => user);
const d = createDepends(cjsApp);
assert.equal(d.app, cjsApp);
const hono = new Hono();
d.mount(hono, api);
d.docs(hono);
cjsApp.overrides.set(me, () => ({ name: 'fake' }));
const overridden = await hono.request('/me', { headers: { authorization: 'Bearer alice' } });
assert.deepEqual([overridden.status, await overridden.json()], [200, { name: 'fake' }]);
const doc = await (await hono.request('/openapi.json')).json();
assert.equal(doc.info.title, 'Notes');
assert.ok(doc.paths['/me'].get);
console.log('the ES module and CommonJS builds share their classes');
