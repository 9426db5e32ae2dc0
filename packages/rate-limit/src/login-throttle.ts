/**
 * Login throttling that protects users rather than locking them out
 * (OWASP Authentication Cheat Sheet): failures are refused per (user name,
 * client address) pair and per address, while a user name attacked from
 * many addresses is only slowed down — its owner, from another address,
 * still logs in.
 */
import { createHash } from 'node:crypto';
import { type CallContext, type Dependency } from '@depends/core';
import { createDependency } from '@depends/core/schemes';
import { addressKey, checkPrefix, UNKNOWN_ADDRESS } from './client-address.js';
import { clientIp } from './client-ip.js';
import { Counter } from './counter.js';
import { Outage, type OutageOptions } from './outage.js';
import { ignoreStoreDown, responsesOf, tooMany, withHealth, type StoreBacked } from './rate-limit.js';
import { memoryStore, type RateLimitStore } from './stores.js';

/**
 * A limit on failed attempts: how many within a window of `duration`
 * seconds.
 *
 * @example
 * ```ts
 * const perPair: FailureLimit = { failures: 5, duration: 15 * 60 }
 * ```
 */
export interface FailureLimit {
  readonly failures: number;
  /** The window, in seconds. */
  readonly duration: number;
}

/**
 * The per-user-name slow-down: once a user name has `failures` failed
 * attempts in the window (from any address), every attempt for it waits
 * `delay` ms before its password is checked, doubling with each further
 * failure up to `maxDelay` ms. It never refuses.
 *
 * @example
 * ```ts
 * const perUser: SlowDown = { failures: 5, duration: 15 * 60, delay: 1000, maxDelay: 8000 }
 * ```
 */
export interface SlowDown extends FailureLimit {
  /** The first delay, in milliseconds (default 1000). */
  readonly delay?: number;
  /** The longest delay, in milliseconds (default 8000). */
  readonly maxDelay?: number;
}

/**
 * Options of {@link loginThrottle}.
 *
 * @example
 * ```ts
 * const opts: LoginThrottleOptions = { name: 'token', username: depends({ form: oauth2PasswordFormStrict }, ({ form }) => form.username) }
 * ```
 */
export interface LoginThrottleOptions extends OutageOptions {
  /** The throttle's name: the prefix of its keys (`depends-rl:<name>-pair`, `-address`, `-user`). */
  readonly name: string;
  /** The user name as the client sent it (read from the form or the Basic credentials); `undefined` or blank: no user name. */
  readonly username: Dependency<string> | Dependency<string | undefined>;
  /**
   * How user names compare, so that the variants the app takes for one
   * account count as one (default: trim and lower-case, `' Alice'` =
   * `'alice'`). An app whose names are case-sensitive can pass
   * `(name) => name.trim()`; counting more variants together than the app
   * does only makes the throttle stricter.
   */
  readonly normalize?: (username: string) => string;
  /** The client's address (default `clientIp`: the framework's, following its trust-proxy setting). */
  readonly address?: Dependency<string | undefined>;
  /** IPv6 addresses are keyed by this many leading bits (default 64: one client's network); IPv4 by the full address. */
  readonly ipv6Prefix?: number;
  /** Failures per (user name, address) before that pair is refused with 429 until its window ends (default 5 per 15 minutes). */
  readonly perPair?: FailureLimit;
  /** Failures per address, whatever the user names, before the address is refused with 429 (default 20 per 15 minutes). */
  readonly perAddress?: FailureLimit;
  /** Failures per user name from all addresses before its attempts are slowed down (default 5 per 15 minutes, 1 s doubling to 8 s). */
  readonly perUser?: SlowDown;
  /** Where the counters live (default `memoryStore()`; `redisStore(client)` for several instances). */
  readonly store?: RateLimitStore;
}

/**
 * What a login handler gets from a {@link loginThrottle}: report the
 * outcome of the password check.
 *
 * @example
 * ```ts
 * router.post('/token', { form: oauth2PasswordFormStrict, attempt: throttle }, async ({ form, attempt }) => {
 *   const user = await users.authenticate(form.username, form.password)
 *   if (!user) { await attempt.failed(); throw new OAuth2Error('invalid_grant', 'Incorrect username or password') }
 *   await attempt.succeeded()
 *   return issueToken(user)
 * })
 * ```
 */
export interface LoginAttempt {
  /** The user name as counted (normalised), `undefined` when none was sent. */
  readonly username: string | undefined;
  /** The client address as counted (`203.0.113.7`, `2001:db8:1:2:0:0:0:0/64`; `unknown` when the runtime does not tell it). */
  readonly address: string;
  /** How long this attempt was held before reaching the handler, in milliseconds (0 unless the user name is being slowed down). */
  readonly delayed: number;
  /** `'down'`: the store could not be reached and the throttle let the attempt through unchecked (`onStoreDown: 'allow'`). */
  readonly store: 'up' | 'down';
  /** Counts a failed attempt against the pair, the address and the user name. With the store down: the 503 (`'refuse'`) or nothing (`'allow'`). */
  failed(): Promise<void>;
  /** Clears the pair's failures (a user who got in is not throttled from there any more); the address and user name counts stay. */
  succeeded(): Promise<void>;
}

/** The default user-name comparison: trim and lower-case. */
const trimLower = (name: string): string => name.trim().toLowerCase();

/** A user name as a store key: percent-encoded, or its SHA-256 when that is long (keys stay short whatever is sent). */
function nameKey(name: string): string {
  const encoded = encodeURIComponent(name);
  return encoded.length <= 128 ? encoded : `sha256:${createHash('sha256').update(name).digest('hex')}`;
}

function checkLimit(limit: FailureLimit, what: string, where: string): FailureLimit {
  if (!Number.isInteger(limit.failures) || limit.failures < 1) throw new TypeError(`${where}: ${what}.failures must be a positive integer`);
  if (!(limit.duration > 0)) throw new TypeError(`${where}: ${what}.duration must be a positive number of seconds`);
  return limit;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The delay of an attempt for a user name with `count` failures in the
 * window: none below `failures`, then `delay` doubling with each further
 * failure, at most `maxDelay`.
 *
 * @example
 * ```ts
 * slowDownDelay(4, { failures: 5, duration: 900 }) // 0
 * slowDownDelay(5, { failures: 5, duration: 900 }) // 1000
 * slowDownDelay(7, { failures: 5, duration: 900 }) // 4000
 * slowDownDelay(50, { failures: 5, duration: 900 }) // 8000
 * ```
 */
export function slowDownDelay(count: number, limit: SlowDown): number {
  if (count < limit.failures) return 0;
  const first = limit.delay ?? 1000;
  return Math.min(limit.maxDelay ?? 8000, first * 2 ** Math.min(count - limit.failures, 30));
}

/**
 * Login throttling as a dependency, for a route that checks a password
 * (`POST /token`, an HTTP Basic route). It follows the OWASP
 * Authentication Cheat Sheet: a lockout per account lets anyone lock a
 * user out, so failures are counted three ways —
 *
 * - per **(user name, client address)**: past `perPair` (5 per 15
 *   minutes) that pair is refused with **429** + `Retry-After` — the
 *   attacker's address, not the user;
 * - per **address**, any user names: past `perAddress` (20 per 15
 *   minutes) the address is refused with 429 (one address trying many
 *   accounts);
 * - per **user name**, from all addresses: past `perUser` (5 per 15
 *   minutes) each attempt for that name is held 1 s, doubling per further
 *   failure up to 8 s, before the password is checked — slowed, never
 *   refused: the right password from another address still logs in.
 *
 * User names are compared after `normalize` (default trim + lower-case);
 * an IPv6 address counts by its /64 (`ipv6Prefix`), an IPv4 address whole.
 * Refusals come before the handler, so no password is hashed. The handler
 * calls `failed()` after a wrong password and `succeeded()` after a right
 * one (which clears the pair). Counters live in `store` (memory, or
 * `redisStore()` for several instances); while that store is down the
 * throttle refuses with **503** (`onStoreDown: 'refuse'`, the default:
 * a login is a security decision, it fails closed) or lets attempts through
 * unthrottled (`'allow'`). `health()` tells the store's state.
 *
 * @example
 * ```ts
 * import { loginThrottle, redisStore } from '@depends/rate-limit'
 * const throttle = loginThrottle({
 *   name: 'token',
 *   username: depends({ form: oauth2PasswordFormStrict }, ({ form }) => form.username),
 *   store: redisStore(redis),
 * })
 * router.post('/token', { form: oauth2PasswordFormStrict, attempt: throttle }, async ({ form, attempt }) => {
 *   const user = await users.authenticate(form.username, form.password)
 *   if (!user) { await attempt.failed(); throw new OAuth2Error('invalid_grant', 'Incorrect username or password') }
 *   await attempt.succeeded()
 *   return issueToken(user)
 * })
 * ```
 */
export function loginThrottle(options: LoginThrottleOptions): Dependency<LoginAttempt> & StoreBacked {
  const { name } = options;
  if (typeof name !== 'string' || name === '') throw new TypeError('loginThrottle(): name must be a non-empty string');
  const where = `loginThrottle(${name})`;
  const perPair = checkLimit(options.perPair ?? { failures: 5, duration: 15 * 60 }, 'perPair', where);
  const perAddress = checkLimit(options.perAddress ?? { failures: 20, duration: 15 * 60 }, 'perAddress', where);
  const perUser = checkLimit(options.perUser ?? { failures: 5, duration: 15 * 60 }, 'perUser', where) as SlowDown;
  if (!((perUser.delay ?? 1000) >= 0) || !((perUser.maxDelay ?? 8000) >= (perUser.delay ?? 1000))) {
    throw new TypeError(`${where}: perUser.delay and perUser.maxDelay must be milliseconds, maxDelay at least delay`);
  }
  const prefix = checkPrefix(options.ipv6Prefix ?? 64, where);
  const normalize = options.normalize ?? trimLower;
  const store = options.store ?? memoryStore();
  const outage = new Outage(name, store, options);
  const counter = (part: string, limit: FailureLimit) =>
    new Counter(store, { keyPrefix: `depends-rl:${name}-${part}`, points: limit.failures, duration: limit.duration, blockDuration: 0 }, outage);
  const pairs = counter('pair', perPair);
  const addresses = counter('address', perAddress);
  const users = counter('user', perUser);

  const fn = async ({ username, ip }: { username: string | undefined; ip: string | undefined }, _context: CallContext): Promise<LoginAttempt> => {
    const normalised = username === undefined ? '' : normalize(username);
    const user = normalised === '' ? undefined : nameKey(normalised);
    const address = ip === undefined ? UNKNOWN_ADDRESS : addressKey(ip, prefix);
    const pair = user === undefined ? undefined : `${user}@${address}`;

    const [pairCount, addressCount, userCount] = await Promise.all([
      pair === undefined ? null : pairs.get(pair),
      addresses.get(address),
      user === undefined ? null : users.get(user),
    ]);
    const up = pairCount !== undefined && addressCount !== undefined && userCount !== undefined;
    if (pairCount && pairCount.consumedPoints >= perPair.failures) throw tooMany(perPair.failures, pairCount);
    if (addressCount && addressCount.consumedPoints >= perAddress.failures) throw tooMany(perAddress.failures, addressCount);
    const delayed = slowDownDelay(userCount?.consumedPoints ?? 0, perUser);
    if (delayed > 0) await sleep(delayed);

    return {
      username: normalised === '' ? undefined : normalised,
      address,
      delayed,
      store: up ? 'up' : 'down',
      failed: async () => {
        await Promise.all([pair === undefined ? undefined : pairs.consume(pair), addresses.consume(address), user === undefined ? undefined : users.consume(user)]);
      },
      succeeded: async () => {
        if (pair !== undefined) await pairs.delete(pair).catch(ignoreStoreDown);
      },
    };
  };
  const dependency = createDependency<LoginAttempt>({ username: options.username, ip: options.address ?? clientIp }, fn, {
    name: where,
    meta: { responses: responsesOf(outage) },
  });
  return withHealth(dependency, store);
}
