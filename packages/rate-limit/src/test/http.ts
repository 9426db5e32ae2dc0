/**
 * The tests' servers: a router mounted on Express (behind a trusted
 * loopback proxy, so that a test says which client address a request comes
 * from with `X-Forwarded-For`, as a real proxy would), listening on
 * 127.0.0.1, called over real HTTP with undici.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { request } from 'undici';
import type { Router } from '@depends/core';
import { createDepends } from '@depends/express';

/** An answer, read whole, with how long it took. */
export interface Res {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: any;
  /** Milliseconds from sending the request to reading the whole answer. */
  readonly ms: number;
}

/** What a test request may carry. */
export interface CallInit {
  /** The client address the trusted proxy reports (`X-Forwarded-For`). */
  readonly from?: string;
  readonly headers?: Record<string, string>;
  /** Basic credentials for `Authorization`. */
  readonly basic?: readonly [string, string];
}

/** A running test server. */
export interface Served {
  readonly url: string;
  /** Unexpected errors the app reported (a 500 would be one). */
  readonly errors: unknown[];
  call(path: string, init?: CallInit): Promise<Res>;
  close(): Promise<void>;
}

/**
 * Serves a router on Express with `trust proxy` set to loopback (the
 * framework's own setting, which `clientIp` follows).
 *
 * @example
 * ```ts
 * const server = await serve(router)
 * const res = await server.call('/login', { from: '2001:db8::1', basic: ['alice', 'wonderland'] })
 * await server.close()
 * ```
 */
export async function serve(router: Router): Promise<Served> {
  const app = express();
  app.set('trust proxy', 'loopback');
  const errors: unknown[] = [];
  const d = createDepends({ title: 'rate-limit test', onError: (e) => errors.push(e) });
  d.mount(app, router);
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    errors,
    async call(path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.from) headers['x-forwarded-for'] = init.from;
      if (init.basic) headers.authorization = `Basic ${Buffer.from(init.basic.join(':'), 'utf8').toString('base64')}`;
      const started = performance.now();
      const res = await request(`${url}${path}`, { headers });
      const text = await res.body.text();
      const ms = performance.now() - started;
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: kept as text
      }
      return { status: res.statusCode, headers: res.headers, body, ms };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
