/**
 * Servers for `bench/throw.bench.ts` (plain JavaScript: no transpiler
 * wrapper between V8 and the code measured). `node throw-servers.mjs
 * <case>` listens on 127.0.0.1 (random port), prints `PORT <n>`, and
 * answers every request with the same 401 (`WWW-Authenticate`,
 * `Cache-Control`, JSON body) after a token lookup that fails. Only how
 * the refusal travels from the lookup to the answer differs:
 *
 * - `returned`: the lookup returns a refusal object, no `throw`;
 * - `thrown`: the lookup throws an object without a stack (as depends'
 *   HTTP exceptions are in production), caught two frames up, in the
 *   synchronous call from Node's `request` event (where Express, Koa,
 *   Hono on node-server and Fastify run a route);
 * - `thrown-in-microtask`: the same throw, once the request has gone
 *   through one promise continuation;
 * - `thrown-error`: an `Error` with its stack trace (a hand-written
 *   `HTTPException` with a stack), caught the same way.
 *
 * Answers any IPC message with its `process.cpuUsage()`.
 */
import { createServer } from 'node:http';

const users = new Map([['token-1', { id: 1 }]]);
const BODY = '{"detail":"Could not validate credentials"}';
const HEADERS = { 'content-type': 'application/json', 'www-authenticate': 'Bearer error="invalid_token"', 'cache-control': 'no-store' };

class Refusal {
  constructor(status) {
    this.status = status;
  }
}
const REFUSAL = Object.create(Refusal.prototype);
const stackless = () => Object.assign(Object.create(Refusal.prototype), { status: 401 });

function lookupReturning(token) {
  return users.get(token) ?? REFUSAL;
}
function lookupThrowing(token) {
  const user = users.get(token);
  if (!user) throw stackless();
  return user;
}
function lookupThrowingError(token) {
  const user = users.get(token);
  if (!user) throw Object.assign(new Error('Could not validate credentials'), { status: 401 });
  return user;
}
function resolve(lookup, token) {
  try {
    return lookup(token);
  } catch (error) {
    return error;
  }
}
function answer(res, outcome) {
  if (outcome instanceof Refusal || outcome instanceof Error) {
    res.writeHead(401, HEADERS);
    res.end(BODY);
  } else res.end(JSON.stringify(outcome));
}
const token = (req) => (req.headers.authorization ?? '').slice(7);

const cases = {
  returned: (req, res) => answer(res, lookupReturning(token(req))),
  thrown: (req, res) => answer(res, resolve(lookupThrowing, token(req))),
  'thrown-in-microtask': (req, res) => void Promise.resolve().then(() => answer(res, resolve(lookupThrowing, token(req)))),
  'thrown-error': (req, res) => answer(res, resolve(lookupThrowingError, token(req))),
};

const name = process.argv[2];
if (!cases[name]) {
  console.error(`unknown case ${name}; one of ${Object.keys(cases).join(', ')}`);
  process.exit(2);
}
const server = createServer(cases[name]);
server.listen(0, '127.0.0.1', () => console.log(`PORT ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('message', () => process.send?.(process.cpuUsage()));
