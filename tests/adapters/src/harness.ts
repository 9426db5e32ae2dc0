/**
 * One harness per adapter: start a real server on 127.0.0.1 (random port)
 * serving the given core routers (`d.mount`), single handlers (`d.handler`
 * on the framework's own router) and docs (`d.docs`). A fourth adapter
 * plugs into the shared suite by adding a harness to {@link harnesses}.
 */
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type Koa from 'koa';
import { Hono, type Context as HonoContext } from 'hono';
import { serve } from '@hono/node-server';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppOptions, DependsApp, OpenAPIDocument, Router } from '../../../packages/core/src/index.js';
import type { AdapterOptions } from '../../../packages/core/src/adapter/index.js';
import type { DocsOptions } from '../../../packages/core/src/docs/index.js';
import { createDepends as expressDepends } from '../../../packages/express/src/index.js';
import { createDepends as honoDepends } from '../../../packages/hono/src/index.js';
import type { SingleHandler } from './api.js';

/** What a harness serves. */
export interface Setup {
  /** Options of the core app (title, `onError`, app-level dependencies). */
  readonly app?: AppOptions;
  /** Core routers, mounted with `d.mount()`. */
  readonly routers?: readonly Router[];
  /** Single handlers, wrapped with `d.handler()` on the framework's router. */
  readonly handlers?: readonly SingleHandler[];
  /** Docs options; when set, `d.docs()` is called (after the routes). */
  readonly docs?: { openapiPath?: string; docsPath?: string; title?: string; resourceMetadata?: DocsOptions['resourceMetadata'] };
  /** Adapter options (`bodyLimit`). */
  readonly adapter?: AdapterOptions;
  /**
   * Serve everything under this path, the framework's usual way: Express
   * mounts the app on an outer app (`outer.use(mount, app)`), Koa gives the
   * router a `prefix`, Hono routes an outer app to it (`outer.route(mount,
   * app)`), Fastify registers the routes in a plugin with a `prefix`.
   */
  readonly mount?: string;
  /** Turn on the framework's trust-proxy setting (Express `trust proxy`, Koa `app.proxy`, Fastify `trustProxy`; Hono has none). */
  readonly trustProxy?: boolean;
}

/** A started server. */
export interface Started {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** The adapter (its core app, for overrides; its document). */
  readonly d: { readonly app: DependsApp; openapi(): OpenAPIDocument };
  close(): Promise<void>;
}

/** Starts servers for one adapter. */
export interface Harness {
  readonly name: string;
  start(setup: Setup): Promise<Started>;
  /** Whether the response of the request behind a framework request object (`view.native`) has been sent. */
  sent(native: unknown): boolean;
}

/** Resolves with `http://127.0.0.1:<port>` once the server listens. */
export function listen(server: HttpServer): Promise<string> {
  return new Promise((resolve) => {
    if (server.listening) resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    else server.once('listening', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

/** A listening server of a suite's own app: its URL, and how to close it. */
export type Listening = Pick<Started, 'url' | 'close'>;

/** A Node server once it listens, as a suite's app: its URL and its closer. */
export async function listening(server: HttpServer): Promise<Listening> {
  return { url: await listen(server), close: closer(server) };
}

/** Closes the server and every connection still open. */
export function closer(server: HttpServer): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
}

const finished = (res: ServerResponse | undefined): boolean => res?.writableFinished === true;

/** Express (5, or 4 through the `express4` alias): routes on the app itself. */
function expressHarnessOf(name: string, createApp: () => Promise<express.Express>): Harness {
  return {
    name,
    async start(setup) {
      const app = await createApp();
      const d = expressDepends(setup.app, setup.adapter);
      for (const router of setup.routers ?? []) d.mount(app, router);
      for (const h of setup.handlers ?? []) app[h.method.toLowerCase() as 'get'](h.path, d.handler(h.inputs, h.fn, h.options));
      if (setup.docs) d.docs(app, setup.docs);
      let outer = app;
      if (setup.mount) {
        outer = await createApp();
        outer.use(setup.mount, app);
      }
      if (setup.trustProxy) for (const a of [outer, app]) a.set('trust proxy', true);
      const server = createServer(outer).listen(0, '127.0.0.1');
      return { url: await listen(server), d, close: closer(server) };
    },
    sent: (native) => finished((native as express.Request).res),
  };
}

/** Express 5. */
export const expressHarness: Harness = expressHarnessOf('express', async () => express());

/** Express 4: the same adapter on the previous major version. */
export const express4Harness: Harness = expressHarnessOf('express4', async () => (await import('express4')).default());

/** Koa (3, or 2 through the `koa2` alias) with a @koa/router router. */
function koaHarnessOf(name: string, load: () => Promise<typeof Koa>): Harness {
  return {
    name,
    async start(setup) {
      // Imported on first use: Koa's dependencies compile code from strings when they load (see `only`).
      const [Koa, { Router: KoaRouter }, { createDepends: koaDepends }] = await Promise.all([load(), import('@koa/router'), import('../../../packages/koa/src/index.js')]);
      const app = new Koa();
      if (setup.trustProxy) app.proxy = true;
      const router = new KoaRouter(setup.mount ? { prefix: setup.mount } : {});
      const d = koaDepends(setup.app, setup.adapter);
      for (const r of setup.routers ?? []) d.mount(router, r);
      for (const h of setup.handlers ?? []) router.register(h.path, [h.method], d.handler(h.inputs, h.fn, h.options));
      if (setup.docs) d.docs(router, setup.docs);
      app.use(router.routes());
      const server = createServer(app.callback()).listen(0, '127.0.0.1');
      return { url: await listen(server), d, close: closer(server) };
    },
    sent: (native) => finished((native as Koa.Context).res),
  };
}

/** Koa 3 with a @koa/router router. */
export const koaHarness: Harness = koaHarnessOf('koa', async () => (await import('koa')).default);

/** Koa 2: the same adapter on the previous major version. */
export const koa2Harness: Harness = koaHarnessOf('koa2', async () => (await import('koa2')).default as unknown as typeof Koa);

/** Hono 4 on @hono/node-server. */
export const honoHarness: Harness = {
  name: 'hono',
  async start(setup) {
    const app = new Hono();
    const d = honoDepends(setup.app, setup.adapter);
    for (const r of setup.routers ?? []) d.mount(app, r);
    for (const h of setup.handlers ?? []) app.on(h.method, h.path, d.handler(h.inputs, h.fn, h.options));
    if (setup.docs) d.docs(app, setup.docs);
    const outer = setup.mount ? new Hono().route(setup.mount, app) : app;
    const server = serve({ fetch: outer.fetch, port: 0, hostname: '127.0.0.1' }) as HttpServer;
    return { url: await listen(server), d, close: closer(server) };
  },
  sent: (native) => finished((native as HonoContext<{ Bindings: { incoming: IncomingMessage; outgoing: ServerResponse } }>).env.outgoing),
};


/** Fastify 5: docs first (its `onRoute` hook then sees the wrapped handlers), routers mounted on the root instance. */
export const fastifyHarness: Harness = {
  name: 'fastify',
  async start(setup) {
    // Imported on first use: Fastify compiles code from strings (see `only`).
    const [{ default: Fastify }, { createDepends: fastifyDepends }] = await Promise.all([import('fastify'), import('../../../packages/fastify/src/index.js')]);
    const app = Fastify({ trustProxy: setup.trustProxy === true });
    const d = fastifyDepends(setup.app, setup.adapter);
    const populate = (target: FastifyInstance) => {
      if (setup.docs) d.docs(target, setup.docs);
      for (const r of setup.routers ?? []) d.mount(target, r);
      // wrapped handlers in a context whose bodies depends reads (as on Express and Koa without a body parser)
      target.register(async (scope) => {
        d.bodies(scope);
        for (const h of setup.handlers ?? []) scope.route({ method: h.method, url: h.path, handler: d.handler(h.inputs, h.fn, h.options) });
      });
    };
    if (setup.mount) app.register(async (scope) => populate(scope), { prefix: setup.mount });
    else populate(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const server = app.server;
    return { url: await listen(server), d, close: closer(server) };
  },
  sent: (native) => finished((native as FastifyReply).raw),
};

const all: readonly Harness[] = [expressHarness, express4Harness, koaHarness, koa2Harness, honoHarness, fastifyHarness];

/**
 * The entries named in `DEPENDS_ADAPTERS` (comma-separated), or all. The
 * CI step that runs the suite under `--disallow-code-generation-from-strings`
 * leaves Koa and Express 4 out (their dependency `depd` compiles code from
 * strings when it loads) and Fastify (it compiles its serialisers and router
 * code); each is imported on first use.
 */
export function pickAdapters<T extends { readonly name: string }>(all: readonly T[], names: string | undefined = process.env.DEPENDS_ADAPTERS): readonly T[] {
  if (!names) return all;
  const wanted = names.split(',').map((n) => n.trim());
  const unknown = wanted.filter((n) => !all.some((h) => h.name === n) && !KNOWN.includes(n));
  if (unknown.length) throw new Error(`DEPENDS_ADAPTERS: unknown adapter ${unknown.join(', ')} (known: ${KNOWN.join(', ')})`);
  return all.filter((h) => wanted.includes(h.name));
}

const KNOWN = ['express', 'express4', 'koa', 'koa2', 'hono', 'fastify'];

/** Every adapter the shared suite runs against (`DEPENDS_ADAPTERS` picks some). */
export const harnesses: readonly Harness[] = pickAdapters(all);

/** How one suite builds its app on each framework: Express from an app, Koa from its module (Express 4 and Koa 2 are the `express4` and `koa2` aliases). */
export interface FrameworkApps<T> {
  express(name: string, make: () => Promise<express.Express>): () => Promise<T>;
  koa(name: string, load: () => Promise<{ default: typeof Koa }>): () => Promise<T>;
  hono(): Promise<T>;
  fastify(): Promise<T>;
}

/**
 * A suite's app on Express 5 and 4, Koa 3 and 2, Hono and Fastify, as
 * `DEPENDS_ADAPTERS` picks them; Express 4 and Koa are loaded only when
 * picked (they compile code from strings when they load).
 */
export function everyFramework<T>(apps: FrameworkApps<T>): readonly { name: string; start(): Promise<T> }[] {
  return pickAdapters([
    { name: 'express', start: apps.express('express', async () => express()) },
    { name: 'express4', start: apps.express('express4', async () => (await import('express4')).default() as unknown as express.Express) },
    { name: 'koa', start: apps.koa('koa', () => import('koa')) },
    { name: 'koa2', start: apps.koa('koa2', () => import('koa2')) },
    { name: 'hono', start: () => apps.hono() },
    { name: 'fastify', start: () => apps.fastify() },
  ]);
}
