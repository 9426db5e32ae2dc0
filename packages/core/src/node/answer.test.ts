import { afterEach, describe, expect, test } from 'vitest';
import { jsonAnswer, type Answer } from '../response/reply.js';
import { writeNodeAnswer } from './answer.js';
import { linesOf, listen, type TestServer } from './test/server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const serving = async (answer: Answer) => (server = await listen((_req, res) => writeNodeAnswer(res, answer)));

describe('writeNodeAnswer', () => {
  test('status, headers and body as the answer has them', async () => {
    const s = await serving(jsonAnswer(404, { detail: 'Not Found' }));
    const reply = await s.send({});
    expect(reply.status).toBe(404);
    expect(linesOf(reply, 'content-type')).toEqual(['application/json']);
    expect(reply.body).toBe('{"detail":"Not Found"}');
  });

  test('a repeated header name goes out as separate lines, in order', async () => {
    const s = await serving(jsonAnswer(401, { detail: 'Not authenticated' }, { 'www-authenticate': ['Bearer', 'Basic realm="x"'], 'set-cookie': ['a=1', 'b=2'] }));
    const reply = await s.send({});
    expect(linesOf(reply, 'www-authenticate')).toEqual(['Bearer', 'Basic realm="x"']);
    expect(linesOf(reply, 'set-cookie')).toEqual(['a=1', 'b=2']);
  });

  test('a body-less answer gets no content-type; bytes are sent as they are', async () => {
    const empty = await serving({ status: 204, headers: [], body: undefined });
    const none = await empty.send({});
    expect(none.status).toBe(204);
    expect(linesOf(none, 'content-type')).toEqual([]);
    await empty.close();
    const bytes = await serving({ status: 200, headers: [['content-type', 'application/octet-stream']], body: new Uint8Array([104, 105]) });
    expect((await bytes.send({})).body).toBe('hi');
  });
});
