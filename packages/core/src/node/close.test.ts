import type { IncomingMessage, ServerResponse } from 'node:http';
import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { closeAfterAnswer, type CloseLimits } from './close.js';
import { rawUpload } from './test/raw-request.js';
import { listen, type TestServer } from './test/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const MiB = 1024 * 1024;

/** A server refusing every request at once with a 413, its body unread, through `closeAfterAnswer` (unless `plain`); the server-side sockets it saw close. */
async function refusing(limits?: CloseLimits, plain = false): Promise<{ port: number; closed: Socket[] }> {
  const closed: Socket[] = [];
  server = await listen((req, res) => {
    req.socket.once('close', () => closed.push(req.socket));
    res.statusCode = 413;
    res.setHeader('content-type', 'application/json');
    if (!plain) closeAfterAnswer(req, res, limits);
    res.end('{"detail":"Request body too large"}');
  });
  return { port: server.port, closed };
}

/** Sends `count` requests one after another on one keep-alive agent; how many went out on a reused connection. */
async function reused(port: number, count: number, method: string, body?: string): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let n = 0;
  try {
    for (let i = 0; i < count; i++)
      await new Promise<void>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method, agent }, (res) => {
          if (req.reusedSocket) n++;
          res.resume().on('end', resolve).on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      });
  } finally {
    agent.destroy();
  }
  return n;
}

const answered = (r: { status: number; complete: boolean; body: string }) => ({ status: r.status, complete: r.complete, body: r.body });
const TOO_LARGE = { status: 413, complete: true, body: '{"detail":"Request body too large"}' };

describe('closeAfterAnswer', () => {
  test('a client still sending that asked to close reads the whole answer; the connection closes without a reset once the body has arrived', async () => {
    const { port } = await refusing();
    const results = await Promise.all(Array.from({ length: 20 }, () => rawUpload(port, { target: '/', headers: ['Connection: close'], total: MiB })));
    for (const r of results) expect({ ...answered(r), error: r.error, sent: r.sent }).toEqual({ ...TOO_LARGE, error: undefined, sent: MiB });
    expect(results[0].headers.connection).toBe('close');
  });

  test('without it, Node resets such a connection under its answer (what it fixes)', async () => {
    const { port } = await refusing(undefined, true);
    const results = await Promise.all(Array.from({ length: 20 }, () => rawUpload(port, { target: '/', headers: ['Connection: close'], total: MiB })));
    expect(results.filter((r) => r.error !== undefined).length).toBeGreaterThan(0);
  });

  test('a keep-alive client still sending reads the answer; the server half-closes and the rest of the body is discarded', async () => {
    const { port, closed } = await refusing();
    const r = await rawUpload(port, { target: '/', total: MiB });
    expect({ ...answered(r), error: r.error, sent: r.sent }).toEqual({ ...TOO_LARGE, error: undefined, sent: MiB });
    await expect.poll(() => closed.length).toBe(1);
  });

  test('past maxBytes of discarded body, the connection is destroyed: a client that never stops has read its answer by then', async () => {
    const { port, closed } = await refusing({ maxBytes: 256 * 1024 });
    const r = await rawUpload(port, { target: '/', total: Infinity });
    expect(answered(r)).toEqual(TOO_LARGE);
    expect(r.error).toBeDefined(); // reset once the limit was reached
    expect(r.sent).toBeLessThan(32 * MiB); // what the server discarded, and what socket buffers hold
    await expect.poll(() => closed.length).toBe(1);
  });

  test('after maxMs, the connection is destroyed: a slow client that never stops has read its answer by then', async () => {
    const { port, closed } = await refusing({ maxMs: 100 });
    const r = await rawUpload(port, { target: '/', total: Infinity, chunk: 1024, interval: 5 });
    expect(answered(r)).toEqual(TOO_LARGE);
    await expect.poll(() => closed.length).toBe(1);
  });

  test('nothing changes when the whole request has arrived or has no body: keep-alive connections are reused', async () => {
    const answers: Array<(req: IncomingMessage, res: ServerResponse) => void> = [
      // answered at once, before Node has parsed the small body that came with the head
      (req, res) => {
        closeAfterAnswer(req, res);
        res.end('at once');
      },
      // answered once the body has been read
      (req, res) => {
        req.resume().on('end', () => {
          closeAfterAnswer(req, res);
          res.end('after the body');
        });
      },
    ];
    for (const answer of answers) {
      server = await listen(answer);
      expect(await reused(server.port, 3, 'POST', '{"title":"milk"}')).toBe(2);
      expect(await reused(server.port, 3, 'GET')).toBe(2);
      await server.close();
      server = undefined;
    }
  });
});
