/**
 * Existing apps that already produce their own OpenAPI document, with a
 * depends guard in front of their routes and the app's own error shape:
 * Express and Koa with a static file (OpenAPI 3.0.3, written by hand), Hono
 * with `@hono/zod-openapi` (its routes declare bodies and responses;
 * OpenAPI 3.1), Fastify with `@fastify/swagger` (route schemas; its default
 * OpenAPI 3.0.3). Each serves depends' docs with `base`: one document, the
 * app's own, with depends' security merged in. What the shared suite
 * `test/merged.test.ts` asks each the same way.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import express from 'express';
import type KoaClass from 'koa';
import { serve } from '@hono/node-server';
import { z } from 'zod';
import {
  HTTPException,
  depends,
  errorBody,
  header,
  invalidToken,
  oauth2PasswordBearer,
  refuse,
  withScopes,
  type DependsApp,
  type GuardOptions,
  type OpenAPIDocument,
} from '../../../packages/core/src/index.js';
import { createDepends as expressDepends } from '../../../packages/express/src/index.js';
import { createDepends as honoDepends } from '../../../packages/hono/src/index.js';
import { closer, everyFramework, listen } from './harness.js';

/** The app's own error shape, `{ message }`: its document calls it `AppError`, and so does depends'. */
export const AppError = z.object({ message: z.string() }).meta({ id: 'AppError' });
const appErrors = errorBody(AppError, (problem) => ({ message: problem.detail }));

const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { 'notes:read': 'Read notes', 'notes:write': 'Write notes' } });

/** Tokens and what they grant; `revoked` is refused by the app's dependency with a 401 it gives no challenge. */
export const TOKENS: Readonly<Record<string, readonly string[]>> = { reader: ['notes:read'], writer: ['notes:read', 'notes:write'] };

/** The caller: a 401 without a challenge for a revoked token (depends adds the route's `Bearer`), `invalidToken()` for an unknown one. */
const user = withScopes(
  depends({ token: oauth2 }, function currentUser({ token }) {
    if (token === 'revoked') throw new HTTPException(401, 'Token revoked');
    const scopes = TOKENS[token];
    return scopes ? { name: token, scopes: [...scopes] } : refuse(invalidToken());
  }),
  (u) => u.scopes,
);

/** A key checked by hand, refusing with a 401 it gives no challenge, on a route with no security scheme: a mistake. */
const legacyKey = depends({ key: header('x-legacy-key') }, function legacyKey({ key }) {
  if (key !== 'open-sesame') throw new HTTPException(401, 'Wrong key');
  return key;
});

const guardOptions: GuardOptions = {
  name: 'notes',
  scopes: ['notes:read'],
  routes: {
    'GET /status': { public: true },
    'GET /v1/legacy': { public: true },
    'POST /v1/notes': { scopes: ['notes:write'], status: 201 },
  },
};

const Note = z.object({ id: z.string(), text: z.string(), owner: z.string() });
const NewNote = z.object({ text: z.string().min(1) });

/** The notes an app keeps (per app). */
function store() {
  const notes = [{ id: '1', text: 'milk', owner: 'reader' }];
  return {
    list: () => notes,
    add: (text: string, owner: string) => {
      const note = { id: String(notes.length + 1), text, owner };
      notes.push(note);
      return note;
    },
  };
}

/** The static document of the Express and Koa apps. */
export function staticDocument(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('./notes.openapi.json', import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** A started app. */
export interface MergedApp {
  readonly name: string;
  readonly url: string;
  readonly d: { readonly app: DependsApp; openapi(): OpenAPIDocument };
  /** The title of the app's own document. */
  readonly title: string;
  /** What `onError` was given. */
  readonly errors: unknown[];
  close(): Promise<void>;
}

function expressApp(name: string, make: () => Promise<express.Express>): () => Promise<MergedApp> {
  return async () => {
    const errors: unknown[] = [];
    const notes = store();
    const app = await make();
    const d = expressDepends({ errorBody: appErrors, onError: (e) => errors.push(e) });
    const auth = d.guard({ user }, guardOptions);
    const legacy = d.guard({ key: legacyKey }, { name: 'legacy' });
    app.use(express.json());
    d.docs(app, { base: staticDocument() });
    app.use(auth);
    app.get('/status', (_req, res) => void res.json({ status: 'ok' }));
    app.get('/v1/notes', (_req, res) => void res.json(notes.list()));
    app.post('/v1/notes', (req, res) => void res.status(201).json(notes.add((req.body as { text: string }).text, auth.values(req).user.name)));
    app.get('/v1/notes/:noteId', (req, res) => void res.json(notes.list().find((n) => n.id === req.params.noteId)));
    app.get('/v1/legacy', legacy, (_req, res) => void res.json({ legacy: true }));
    const server = createServer(app).listen(0, '127.0.0.1');
    return { name, url: await listen(server), d, title: 'Notes API (static)', errors, close: closer(server) };
  };
}

const koaApp = (name: string, load: () => Promise<{ default: typeof KoaClass }>) => async (): Promise<MergedApp> => {
  const [{ default: Koa }, { Router: KoaRouter }, { createDepends: koaDepends }] = await Promise.all([load(), import('@koa/router'), import('../../../packages/koa/src/index.js')]);
  const errors: unknown[] = [];
  const notes = store();
  const app = new Koa();
  const d = koaDepends({ errorBody: appErrors, onError: (e) => errors.push(e) });
  const auth = d.guard({ user }, guardOptions);
  const legacy = d.guard({ key: legacyKey }, { name: 'legacy' });
  const router = new KoaRouter();
  router.use(auth);
  router.get('/status', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/v1/notes', (ctx) => {
    ctx.body = notes.list();
  });
  router.post('/v1/notes', async (ctx) => {
    // the app reads its own body
    let text = '';
    for await (const chunk of ctx.req) text += String(chunk);
    ctx.status = 201;
    ctx.body = notes.add((JSON.parse(text) as { text: string }).text, auth.values(ctx).user.name);
  });
  router.get('/v1/notes/:noteId', (ctx) => {
    ctx.body = notes.list().find((n) => n.id === ctx.params.noteId);
  });
  router.get('/v1/legacy', legacy, (ctx) => {
    ctx.body = { legacy: true };
  });
  d.docs(router, { base: staticDocument() });
  app.use(router.routes());
  const server = createServer(app.callback()).listen(0, '127.0.0.1');
  return { name, url: await listen(server), d, title: 'Notes API (static)', errors, close: closer(server) };
};

async function honoApp(): Promise<MergedApp> {
  const { OpenAPIHono, createRoute } = await import('@hono/zod-openapi');
  const errors: unknown[] = [];
  const notes = store();
  const app = new OpenAPIHono();
  const d = honoDepends({ errorBody: appErrors, onError: (e) => errors.push(e) });
  const auth = d.guard({ user }, guardOptions);
  const legacy = d.guard({ key: legacyKey }, { name: 'legacy' });
  const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });
  app.use(auth);
  app.openapi(createRoute({ method: 'get', path: '/status', responses: { 200: json(z.object({ status: z.string() }), 'Up') } }), (c) => c.json({ status: 'ok' }, 200));
  app.openapi(createRoute({ method: 'get', path: '/v1/notes', tags: ['notes'], responses: { 200: json(z.array(Note.meta({ id: 'Note' })), 'The notes') } }), (c) => c.json(notes.list(), 200));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/notes',
      tags: ['notes'],
      request: { body: { required: true, content: { 'application/json': { schema: NewNote.meta({ id: 'NewNote' }) } } } },
      responses: { 201: json(Note, 'Added'), 400: json(AppError, 'Not a note') },
    }),
    (c) => c.json(notes.add(c.req.valid('json').text, auth.values(c).user.name), 201),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/v1/notes/{noteId}', tags: ['notes'], request: { params: z.object({ noteId: z.string() }) }, responses: { 200: json(Note, 'One note') } }),
    (c) => c.json(notes.list().find((n) => n.id === c.req.valid('param').noteId)!, 200),
  );
  app.get('/v1/legacy', legacy, (c) => c.json({ legacy: true }));
  d.docs(app, { base: () => app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Notes API (zod-openapi)', version: '3.0.0' } }) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as HttpServer;
  return { name: 'hono', url: await listen(server), d, title: 'Notes API (zod-openapi)', errors, close: closer(server) };
}

async function fastifyApp(): Promise<MergedApp> {
  const [{ default: Fastify }, { default: swagger }, { createDepends: fastifyDepends }] = await Promise.all([
    import('fastify'),
    import('@fastify/swagger'),
    import('../../../packages/fastify/src/index.js'),
  ]);
  const errors: unknown[] = [];
  const notes = store();
  const app = Fastify();
  await app.register(swagger, { openapi: { info: { title: 'Notes API (@fastify/swagger)', version: '4.0.0' } } });
  const d = fastifyDepends({ errorBody: appErrors, onError: (e) => errors.push(e) });
  const auth = d.guard({ user }, guardOptions);
  const legacy = d.guard({ key: legacyKey }, { name: 'legacy' });
  d.docs(app, { base: () => app.swagger() });
  app.addHook('preHandler', auth);
  const note = z.toJSONSchema(Note, { target: 'openapi-3.0' });
  app.get('/status', { schema: { response: { 200: { description: 'Up', type: 'object', properties: { status: { type: 'string' } } } } } }, async () => ({ status: 'ok' }));
  app.get('/v1/notes', { schema: { tags: ['notes'], response: { 200: { description: 'The notes', type: 'array', items: note } } } }, async () => notes.list());
  app.post(
    '/v1/notes',
    { schema: { tags: ['notes'], body: z.toJSONSchema(NewNote, { target: 'openapi-3.0' }), response: { 201: { description: 'Added', ...note } } } },
    async (request, reply) => reply.code(201).send(notes.add((request.body as { text: string }).text, auth.values(request).user.name)),
  );
  app.get('/v1/notes/:noteId', { schema: { tags: ['notes'], response: { 200: { description: 'One note', ...note } } } }, async (request) =>
    notes.list().find((n) => n.id === (request.params as { noteId: string }).noteId),
  );
  app.get('/v1/legacy', { preHandler: [legacy] }, async () => ({ legacy: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { name: 'fastify', url: await listen(app.server), d, title: 'Notes API (@fastify/swagger)', errors, close: closer(app.server) };
}

/** Every app the merged-document suite runs against (`DEPENDS_ADAPTERS` picks some). */
export const mergedApps: readonly { name: string; start(): Promise<MergedApp> }[] = everyFramework({ express: expressApp, koa: koaApp, hono: honoApp, fastify: fastifyApp });
