/**
 * Password hashing with scrypt (node:crypto): a random salt per password,
 * the cost parameters stored beside the hash, verification in constant time.
 * Nothing here ever stores or logs a password in clear.
 *
 * Passwords with control characters (U+0000–U+001F, U+007F–U+009F) are
 * refused: scrypt (like PBKDF2) keys HMAC with the password, and HMAC pads a
 * short key with zero bytes, so `secret` and `secret\0` would hash alike.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: N = 2^15, r = 8, p = 1 (about as slow as bcrypt cost 10–11). */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Whether a password contains a control character (NUL, tab, newline, DEL,
 * C1 controls): such a password is never hashed and never matches.
 *
 * @example
 * ```ts
 * hasControlCharacters('secret\0') // true
 * hasControlCharacters('pässword') // false
 * ```
 */
export function hasControlCharacters(password: string): boolean {
  return CONTROL.test(password);
}

/** 128 · N · r bytes are needed; leave head room above node's 32 MiB default. */
const maxmemFor = (N: number, r: number) => 256 * N * r;

/**
 * Hashes a password with scrypt and a fresh 16-byte salt. The result is
 * self-describing: `scrypt$N$r$p$salt$hash` (salt and hash in base64url).
 * Throws a `TypeError` for a password with control characters.
 *
 * @example
 * ```ts
 * const stored = await hashPassword('secret') // 'scrypt$32768$8$1$…$…'
 * ```
 */
export async function hashPassword(password: string): Promise<string> {
  if (hasControlCharacters(password)) throw new TypeError('A password cannot contain control characters');
  const salt = randomBytes(SALT_LENGTH);
  const key = await scrypt(password, salt, KEY_LENGTH, { ...COST, maxmem: maxmemFor(COST.N, COST.r) });
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * Checks a password against a hash from {@link hashPassword}, comparing the
 * derived keys with `timingSafeEqual`. A malformed hash, or a password with
 * control characters, never matches.
 *
 * @example
 * ```ts
 * await verifyPassword('secret', stored) // true
 * await verifyPassword('Secret', stored) // false
 * ```
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (hasControlCharacters(password)) return false;
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0)) return false;
  const salt = Buffer.from(parts[4], 'base64url');
  const expected = Buffer.from(parts[5], 'base64url');
  if (expected.length === 0) return false;
  const actual = await scrypt(password, salt, expected.length, { N, r, p, maxmem: maxmemFor(N, r) });
  return timingSafeEqual(actual, expected);
}

let dummy: Promise<string> | undefined;

/**
 * Verifies against a throw-away hash: call it when the user does not exist,
 * so that an unknown user name takes as long as a wrong password (no user
 * enumeration by timing). Always resolves to `false`.
 *
 * @example
 * ```ts
 * const ok = user ? await verifyPassword(password, user.password_hash) : await verifyNothing(password)
 * ```
 */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await dummy);
  return false;
}
