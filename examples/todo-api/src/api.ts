/**
 * The Todo API, declared once and framework-neutral: the security schemes,
 * the dependencies built on them, and every route with its summary, tags
 * and response schema. The servers in `servers/` mount the same router on
 * Express, Koa or Hono.
 */
import {
  HTTPException,
  OAuth2Error,
  Router,
  apiKeyHeader,
  body,
  depends,
  httpBasic,
  invalidToken,
  oauth2PasswordBearer,
  oauth2PasswordFormStrict,
  security,
  withScopes,
  type AppOptions,
  type Dependency,
} from '@depends/core';
import { basicChallenge } from '@depends/core/schemes';
import { loginThrottle } from '@depends/rate-limit';
import { insertItem, recordActivity, type Connection, type TodoStore, type User } from './db.js';
import { Health, ItemList, ItemOut, NewItem, Stats, Status, Token, UserOut } from './schemas.js';
import { signAccessToken, verifyAccessToken } from './tokens.js';
import { transaction } from './transaction.js';

/** The OAuth2 scopes the API knows, with the text the docs page shows. */
export const SCOPES = {
  me: 'Read information about the current user.',
  items: 'Read and create the current user’s items.',
} as const;

/** Bearer tokens from the password flow at `POST /token` (the docs' Authorize dialog uses it). */
export const oauth2 = oauth2PasswordBearer({ tokenUrl: '/token', scopes: SCOPES });

/** The API key of the `/v1` routes, in header `X-API-Key`. */
export const apiKey = apiKeyHeader({ name: 'X-API-Key' });

/** HTTP Basic for the admin routes, realm `admin`. */
export const adminBasic = httpBasic({ realm: 'admin' });

/**
 * How failed logins are throttled (on `POST /token` and on the Basic admin
 * route, counted apart), the OWASP way — per user name *and* address, so
 * that nobody can lock a user out:
 * a (user name, client address) pair past its failures, or an address past
 * its own, answers 429 with `Retry-After` before any password is hashed;
 * a user name failed from many addresses is only slowed down (its attempts
 * held 1 s, doubling to 8 s), so its owner still logs in from elsewhere.
 * User names count trimmed and lower-cased; an IPv6 address by its /64.
 * A successful login clears its pair.
 */
export const LOGIN_THROTTLE = {
  /** Failed attempts per (user name, client address) in the window: past them, 429 for that pair only. */
  perPair: { failures: 5, duration: 15 * 60 },
  /** Failed attempts per client address, any user names (one address trying many accounts): past them, 429. */
  perAddress: { failures: 20, duration: 15 * 60 },
  /** Failed attempts per user name from all addresses: past them, each attempt waits `delay` ms, doubling per failure up to `maxDelay`. */
  perUser: { failures: 5, duration: 15 * 60, delay: 1000, maxDelay: 8000 },
} as const;

/** What the API needs from the running process. */
export interface TodoServices {
  readonly store: TodoStore;
  /** HS256 key of the access tokens. */
  readonly jwtSecret: string;
  /** Lifetime of an access token (default 30 minutes). */
  readonly tokenTtlSeconds?: number;
}

/** The API: the router to mount, the app options, and the dependencies tests may override. */
export interface TodoApi {
  readonly router: Router;
  readonly options: AppOptions;
  readonly dependencies: {
    /** The user named by a valid token (checks the scopes the route requires). */
    readonly currentUser: Dependency<User>;
    /** The writer connection inside a transaction. */
    readonly transaction: Dependency<Connection>;
    /** Rejects a request without a valid `X-API-Key`. */
    readonly validApiKey: Dependency<void>;
    /** The admin's user name, after checking the Basic credentials. */
    readonly admin: Dependency<string>;
  };
}

const userOut = (user: User) => ({ username: user.username, full_name: user.fullName, scopes: [...user.scopes] });

/**
 * Declares the whole API over one store and one token key. Call it once per
 * server; the returned router mounts on any adapter.
 *
 * @example
 * ```ts
 * const api = createTodoApi({ store: await TodoStore.open('data/todo.sqlite'), jwtSecret })
 * const d = createDepends(api.options)   // @depends/express, /koa or /hono
 * d.mount(app, api.router)
 * ```
 */
export function createTodoApi(services: TodoServices): TodoApi {
  const { store, jwtSecret } = services;
  const tokenTtl = services.tokenTtlSeconds ?? 30 * 60;

  /**
   * The token's user and the scopes it grants (those the token carries
   * that the user still holds). `withScopes` answers 403
   * `insufficient_scope` when the route needs a scope not granted.
   */
  const session = withScopes(
    depends(
      { token: oauth2 },
      async ({ token }) => {
        const claims = await verifyAccessToken(jwtSecret, token);
        const user = claims && store.findUser(claims.username);
        if (!claims || !user) throw invalidToken('The access token is invalid or has expired');
        return { user, scopes: claims.scopes.filter((s) => user.scopes.includes(s)) };
      },
      { name: 'session' },
    ),
    (session) => session.scopes,
  );

  const currentUser = depends({ session }, ({ session }) => session.user, { name: 'currentUser' });

  /** The current user, who must have granted `me` (FastAPI's `get_current_active_user`). */
  const me = depends({ user: security(currentUser, { scopes: ['me'] }) }, ({ user }) => user, { name: 'me' });

  const tx = transaction(store, { conflicts: { items: 'You already have an item with this title' } });

  const validApiKey = depends(
    { key: apiKey },
    ({ key }): void => {
      if (!store.isValidApiKey(key)) throw new HTTPException(401, 'Invalid API key', { 'www-authenticate': 'APIKey' });
    },
    { name: 'validApiKey' },
  );

  /** A login's throttle (see {@link LOGIN_THROTTLE}): refused (429) or held before the password is checked. */
  const throttle = (name: string, username: Dependency<string>) => loginThrottle({ name, username, ...LOGIN_THROTTLE });
  const tokenAttempts = throttle('token', depends({ form: oauth2PasswordFormStrict }, ({ form }) => form.username, { name: 'tokenUsername' }));
  const adminAttempts = throttle('admin', depends({ credentials: adminBasic }, ({ credentials }) => credentials.username, { name: 'adminUsername' }));

  const admin = depends(
    { credentials: adminBasic, attempts: adminAttempts },
    async ({ credentials, attempts }) => {
      if (!(await store.authenticateAdmin(credentials.username, credentials.password))) {
        await attempts.failed();
        throw new HTTPException(401, 'Incorrect username or password', { 'www-authenticate': basicChallenge('admin') });
      }
      await attempts.succeeded();
      return credentials.username;
    },
    { name: 'admin' },
  );

  const router = new Router();

  router.get('/status', {}, () => ({ status: 'ok' as const }), {
    public: true,
    summary: 'Service status',
    description: 'Public: no credential needed.',
    tags: ['meta'],
    operationId: 'getStatus',
    response: Status,
  });

  router.post(
    '/token',
    { form: oauth2PasswordFormStrict, attempts: tokenAttempts },
    async ({ form, attempts }) => {
      const user = await store.authenticate(form.username, form.password);
      if (!user) {
        await attempts.failed();
        throw new OAuth2Error('invalid_grant', 'Incorrect username or password');
      }
      await attempts.succeeded();
      const requested = form.scopes;
      const scopes = requested.length ? user.scopes.filter((s) => requested.includes(s)) : [...user.scopes];
      const access_token = await signAccessToken(jwtSecret, { username: user.username, scopes }, tokenTtl);
      // Cache-Control: no-store is added to every answer of this route by the token form.
      return { access_token, token_type: 'bearer' as const, expires_in: tokenTtl, scope: scopes.join(' ') };
    },
    {
      summary: 'Get an access token',
      description:
        'OAuth2 password grant (`grant_type=password` required, RFC 6749 §4.3). The token carries the requested scopes the user holds, or all of them when none is requested. Errors are RFC 6749 §5.2 answers (400 `invalid_request`, `unsupported_grant_type`, `invalid_grant`); no answer is cached. Failed logins are throttled, never locked out: after 5 failures for one user name from one client address (an IPv6 address counts by its /64), or 20 from one address for any names, within 15 minutes, that address gets 429 with `Retry-After`; a user name failed 5 times from anywhere is slowed instead (each attempt held 1 s, doubling to 8 s), so its owner still logs in from another address.',
      tags: ['auth'],
      operationId: 'issueToken',
      response: Token,
    },
  );

  router.get('/users/me', { user: me }, ({ user }) => userOut(user), {
    summary: 'The current user',
    description: 'Needs a bearer token granting scope `me`.',
    tags: ['users'],
    operationId: 'readMe',
    response: UserOut,
  });

  router.get('/users/me/items', { user: security(me, { scopes: ['items'] }) }, ({ user }) => store.listItems(user.id), {
    summary: 'The current user’s items',
    description: 'Needs a bearer token granting scopes `me` and `items`.',
    tags: ['items'],
    operationId: 'listMyItems',
    response: ItemList,
  });

  router.post(
    '/users/me/items',
    { user: security(currentUser, { scopes: ['items'] }), item: body(NewItem, { schemaName: 'NewItem' }), tx },
    ({ user, item, tx }) => {
      recordActivity(tx, user.id, 'item.create', item.title);
      return insertItem(tx, user.id, item);
    },
    {
      status: 201,
      summary: 'Add an item',
      description: 'Stored in one transaction with its audit line; a title the user already has is a 409 and stores nothing.',
      tags: ['items'],
      operationId: 'createMyItem',
      response: ItemOut,
      responseDescription: 'The stored item',
      responses: { 409: { description: 'The user already has an item with this title' } },
    },
  );

  const v1 = new Router({ prefix: '/v1', dependencies: [validApiKey], tags: ['v1'] });
  v1.get('/health', {}, () => 'Ok' as const, {
    summary: 'Health check (API key)',
    description: 'Every `/v1` route requires the `X-API-Key` header (a router-level dependency).',
    operationId: 'health',
    response: Health,
  });
  router.include(v1);

  router.get('/admin/stats', { admin }, () => store.counts(), {
    summary: 'Counts of users and items (HTTP Basic)',
    description:
      'HTTP Basic credentials of an admin, realm `admin`. Failed logins are throttled as on `POST /token` (counted apart): 429 with `Retry-After` for an address after 5 failures for one name or 20 in all within 15 minutes; a name failed from many addresses is slowed, not refused.',
    tags: ['admin'],
    operationId: 'adminStats',
    response: Stats,
  });

  const options: AppOptions = {
    title: 'Todo API',
    version: '1.0.0',
    contact: { name: 'Todo API maintainers' },
    description:
      'A to-do API declared once with `@depends/core` and served on Express, Koa or Hono. Demo accounts: `johndoe`/`secret` (scopes `me items`), `alice`/`wonderland` (`me`), API key `demo-api-key`, admin `admin`/`admin-password`.',
    tags: [
      { name: 'meta', description: 'Public routes' },
      { name: 'auth', description: 'OAuth2 password flow' },
      { name: 'users', description: 'The signed-in user (scope `me`)' },
      { name: 'items', description: 'The signed-in user’s items (scope `items`)' },
      { name: 'v1', description: 'Routes behind the `X-API-Key` header' },
      { name: 'admin', description: 'HTTP Basic, realm `admin`' },
    ],
  };

  return { router, options, dependencies: { currentUser, transaction: tx, validApiKey, admin } };
}
