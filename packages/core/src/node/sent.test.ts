import { request } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { afterSent } from './sent.js';
import { listen, type TestServer } from './test/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('afterSent', () => {
  test('runs once the response has been sent, not before', async () => {
    const events: string[] = [];
    server = await listen((_req, res) => {
      afterSent(res, () => events.push('after'));
      events.push('registered');
      res.on('finish', () => events.push('finish'));
      res.end('ok');
    });
    await server.send({});
    await expect.poll(() => events).toEqual(['registered', 'finish', 'after']);
  });

  test('runs at once on a response that is already over', async () => {
    const events: string[] = [];
    server = await listen((_req, res) => {
      res.end('ok');
      res.once('close', () => {
        afterSent(res, () => events.push('at once'));
        events.push('later');
      });
    });
    await server.send({});
    await expect.poll(() => events).toEqual(['at once', 'later']);
  });

  test('runs when the client goes away before any answer', async () => {
    let ran = 0;
    server = await listen((_req, res) => {
      afterSent(res, () => ran++); // never answered
    });
    const req = request({ host: '127.0.0.1', port: server.port });
    req.on('error', () => {});
    req.end();
    await tick();
    req.destroy();
    await expect.poll(() => ran).toBe(1);
    await tick();
    expect(ran).toBe(1);
  });
});
