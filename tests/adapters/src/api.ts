/**
 * The scenario API, declared once with the core and served by every
 * adapter: one route per behaviour the shared suite checks. A {@link Probe}
 * collects what happened on the server side (teardown events, errors) and
 * holds gates the tests open and close.
 */
import { z } from 'zod';
import {
  HTTPException,
  OAuth2Error,
  Router,
  anyOf,
  apiKeyCookie,
  apiKeyHeader,
  apiKeyQuery,
  body,
  cookie,
  depends,
  form,
  header,
  httpBasic,
  httpBearer,
  invalidToken,
  oauth2PasswordBearer,
  oauth2PasswordForm,
  path,
  query,
  refuse,
  reply,
  requestView,
  security,
  withScopes,
  type Inputs,
  type RouteOptions,
} from '../../../packages/core/src/index.js';

/** A promise with its resolver. */
export interface Gate {
  readonly promise: Promise<void>;
  open(): void;
}

/** Makes a closed {@link Gate}. */
export function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Server-side observations and gates for one started server. */
export interface Probe {
  /** Teardown and handler events, in order. */
  readonly events: string[];
  /** Errors given to the app's `onError`. */
  readonly errors: unknown[];
  /** Whether the response behind a framework request object has been sent (from the harness). */
  sent(native: unknown): boolean;
  /** The request-scope teardown of `/teardown` waits for this. */
  requestHold: Promise<void>;
  /** The function-scope teardown of `/teardown` waits for this. */
  functionHold: Promise<void>;
  /** The handler of `/slow` waits for this. */
  handlerHold: Promise<void>;
}

/** A new probe with open gates. */
export function probe(sent: (native: unknown) => boolean): Probe {
  return { events: [], errors: [], sent, requestHold: Promise.resolve(), functionHold: Promise.resolve(), handlerHold: Promise.resolve() };
}

/** A route wrapped with `d.handler()` inside the framework's own router (colon path). */
export interface SingleHandler {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly inputs: Inputs;
  readonly fn: (values: any, context: any) => unknown;
  readonly options?: RouteOptions & { method?: string; path?: string };
}

interface User {
  username: string;
  scopes: string[];
}

/** Users by bearer token. */
export const USERS: Record<string, User> = {
  good: { username: 'alice', scopes: ['me'] },
  root: { username: 'root', scopes: ['me', 'items'] },
};

// Schemes and dependencies: module-level values, as an application declares them.
export const bearer = httpBearer();
const maybeBearer = httpBearer({ autoError: false });
const basic = httpBasic({ realm: 'tests' });
const maybeBasic = httpBasic({ autoError: false });
export const apiKey = apiKeyHeader({ name: 'x-api-key' });
const maybeApiKey = apiKeyHeader({ name: 'x-api-key', autoError: false });
const queryKey = apiKeyQuery({ name: 'api_key' });
const cookieKey = apiKeyCookie({ name: 'session' });
export const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: { me: 'Read yourself', items: 'Read items' } });

/** The user behind a bearer token (401 invalid_token for an unknown one). */
export const bearerUser = depends({ auth: bearer }, ({ auth }) => {
  const user = USERS[auth.credentials];
  if (!user) throw invalidToken();
  return user;
});
/** {@link bearerUser}, refusing an unknown token with `refuse()` rather than a throw: the same answers. */
export const refusingUser = depends({ auth: bearer }, ({ auth }) => USERS[auth.credentials] ?? refuse(invalidToken()));
/** The user behind an OAuth2 token; overridden in a test. */
export const claims = depends({ token: oauth2 }, ({ token }) => {
  const user = USERS[token];
  if (!user) throw invalidToken();
  return user;
});
/** {@link claims}, enforcing the scopes required where it is used (403). */
export const currentUser = withScopes(claims, (u) => u.scopes);
const adminOnly = depends({ key: header('x-admin', z.string().optional()) }, ({ key }) => {
  if (key !== 'yes') throw new HTTPException(403, 'Admins only');
});

const Item = z.object({ title: z.string().min(1), done: z.boolean().optional() });

/**
 * The scenario routers: the main API and an `/admin` router whose
 * router-level dependency guards every route.
 */
export function scenarioRouters(probe: Probe): Router[] {
  const functionScoped = depends(
    { req: requestView },
    async function* ({ req }) {
      probe.events.push('function:open');
      yield 'f';
      await probe.functionHold;
      probe.events.push(`function:close sent=${probe.sent(req.native)}`);
    },
    { scope: 'function' },
  );
  const requestScoped = depends({ req: requestView }, async function* ({ req }) {
    probe.events.push('request:open');
    yield 'r';
    await probe.requestHold;
    probe.events.push(`request:close sent=${probe.sent(req.native)}`);
  });

  const api = new Router();
  api.get('/bearer', { user: bearerUser }, ({ user }) => ({ username: user.username }));
  api.get('/bearer/refused', { user: refusingUser }, ({ user }) => ({ username: user.username }));
  api.get('/refused/{id}', { id: path('id') }, ({ id }) => refuse(new HTTPException(404, `No item ${id}`)));
  api.get('/bearer/optional', { auth: maybeBearer }, ({ auth }) => ({ token: auth?.credentials ?? null }));
  api.get('/basic', { cred: basic }, ({ cred }) => cred);
  api.get('/basic/optional', { cred: maybeBasic }, ({ cred }) => ({ username: cred?.username ?? null }));
  api.get('/key/header', { key: apiKey }, ({ key }) => ({ key }));
  api.get('/key/header/optional', { key: maybeApiKey }, ({ key }) => ({ key: key ?? null }));
  api.get('/key/query', { key: queryKey }, ({ key }) => ({ key }));
  api.get('/key/cookie', { key: cookieKey }, ({ key }) => ({ key }));
  api.get('/users/me', { user: security(currentUser, { scopes: ['me'] }) }, ({ user }) => ({ username: user.username }));
  api.get('/users/me/items', { user: security(currentUser, { scopes: ['items'] }) }, ({ user }) => [{ owner: user.username }]);
  api.post('/token', { form: oauth2PasswordForm }, ({ form }) => {
    if (!USERS[form.password] || USERS[form.password].username !== form.username) throw new OAuth2Error('invalid_grant', 'Incorrect username or password');
    return { access_token: form.password, token_type: 'bearer', scopes: form.scopes };
  });
  api.get('/any', { who: anyOf(bearer, apiKey) }, ({ who }) => ({ via: typeof who === 'string' ? 'key' : 'bearer' }));
  api.post('/items', { item: body(Item) }, ({ item }) => item, { status: 201 });
  api.post('/login', { login: form(z.object({ username: z.string(), age: z.number().int() })) }, ({ login }) => login);
  api.get('/items/{id}', { id: path('id', z.coerce.number().int()) }, ({ id }) => ({ id }));
  api.delete('/items/{id}', { id: path('id') }, () => reply.empty());
  api.get('/search', { q: query('q', z.string().min(2)), limit: query('limit', z.coerce.number().int().max(100)) }, (v) => v);
  api.get('/cookie', { session: cookie('session', z.string().optional()) }, ({ session }) => ({ session: session ?? null }));
  api.get('/count', { header: header('x_count', z.number().int().optional()), query: query('n', z.coerce.number().int().optional()) }, (v) => ({
    header: v.header ?? null,
    query: v.query ?? null,
  }));
  api.get('/headers', { req: requestView }, ({ req }) => ({ first: req.header('x-multi') ?? null, all: req.headerAll('x-multi') }));
  api.get('/text', {}, () => reply.text('pong', { status: 202, headers: { 'x-many': ['a', 'b'] } }));
  api.get('/boom', {}, () => {
    throw new Error('database password is hunter2');
  });
  api.get('/teardown', { f: functionScoped, r: requestScoped }, () => {
    probe.events.push('handler');
    return { events: [...probe.events] };
  });
  api.get('/slow', { f: functionScoped, r: requestScoped }, async () => {
    probe.events.push('slow:start');
    await probe.handlerHold;
    probe.events.push('slow:end');
    return { ok: true };
  });

  const admin = new Router({ prefix: '/admin', dependencies: [adminOnly] });
  admin.get('/stats', {}, () => ({ users: Object.keys(USERS).length }));
  return [api, admin];
}

/** Routes wrapped one by one with `d.handler()` on the framework's own router. */
export const singleHandlers: readonly SingleHandler[] = [
  { method: 'GET', path: '/wrapped/me', inputs: { user: bearerUser }, fn: ({ user }: { user: User }) => ({ username: user.username, wrapped: true }) },
  { method: 'POST', path: '/wrapped/items', inputs: { item: body(Item) }, fn: ({ item }: { item: unknown }) => item, options: { status: 201 } },
  {
    method: 'GET',
    path: '/wrapped/items/:id',
    inputs: { id: path('id', z.coerce.number().int()), key: apiKey },
    fn: ({ id }: { id: number }) => ({ id }),
    options: { summary: 'Explicitly placed', method: 'GET', path: '/wrapped/items/{id}' },
  },
];
