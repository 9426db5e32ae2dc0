import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InvalidArgumentError } from '../errors/catalogue.js';
import { decodeBase64Strict, decodeBasicCredentials, encodeBase64, encodeBasicCredentials } from './basic.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const b64bytes = (bytes: number[]) => Buffer.from(bytes).toString('base64');

/** An independent strict reference: RFC 4648 §4 shape, canonical, fatal UTF-8, a colon. */
function referenceDecode(token: string): { username: string; password: string } | undefined {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(token)) return undefined;
  const bytes = Buffer.from(token, 'base64');
  if (bytes.toString('base64') !== token) return undefined; // non-zero pad bits
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const i = text.indexOf(':');
  return i === -1 ? undefined : { username: text.slice(0, i), password: text.slice(i + 1) };
}

describe('decodeBasicCredentials', () => {
  test('decodes and splits at the first colon', () => {
    expect(decodeBasicCredentials('am9objpzZWNyZXQ=')).toEqual({ username: 'john', password: 'secret' });
    expect(decodeBasicCredentials(b64('john:se:cr:et'))).toEqual({ username: 'john', password: 'se:cr:et' });
    expect(decodeBasicCredentials(b64(':pw'))).toEqual({ username: '', password: 'pw' });
    expect(decodeBasicCredentials(b64('john:'))).toEqual({ username: 'john', password: '' });
    expect(decodeBasicCredentials(b64(':'))).toEqual({ username: '', password: '' });
  });

  test('UTF-8 user names and passwords (RFC 7617), FastAPI would refuse them', () => {
    expect(decodeBasicCredentials(b64('jürgen:pässwörd'))).toEqual({ username: 'jürgen', password: 'pässwörd' });
    expect(decodeBasicCredentials(b64('测试:密码'))).toEqual({ username: '测试', password: '密码' });
    expect(decodeBasicCredentials(b64('emoji😀:x'))).toEqual({ username: 'emoji😀', password: 'x' });
  });

  test.each([
    ['missing padding', 'am9objpzZWNyZXQ'],
    ['not base64 at all', 'notabase64token'],
    ['spaces inside', 'am9o bjpz ZWNy ZXQ='],
    ['data after the padding', 'am9objpzZWNyZXQ=extra'],
    ['too much padding', 'am9objpzZWNyZXQ====='],
    ['URL-safe alphabet', b64('john:secret??>').replace(/\+/g, '-').replace(/\//g, '_')],
    ['padding in the middle', 'am9o=mpzZWNyZXQ='],
    ['non-zero pad bits', 'am9objpzZWNyZXR='],
    ['empty', ''],
    ['no colon', b64('johnsecret')],
    ['latin-1 bytes (not UTF-8)', b64bytes([0x6a, 0xf6, 0x72, 0x67, 0x3a, 0x70])],
    ['a lone continuation byte', b64bytes([0x80, 0x3a, 0x61])],
    ['an overlong encoding', b64bytes([0xc0, 0xaf, 0x3a, 0x61])],
    ['an encoded surrogate', b64bytes([0xed, 0xa0, 0x80, 0x3a, 0x61])],
    ['non-ASCII characters in the token', 'am9objpzZWNyZXQ\u00e9'],
  ])('rejects %s', (_, token) => {
    expect(decodeBasicCredentials(token)).toBeUndefined();
  });

  test('a UTF-8 byte order mark is kept, not silently dropped', () => {
    expect(decodeBasicCredentials(b64bytes([0xef, 0xbb, 0xbf, 0x61, 0x3a, 0x62]))).toEqual({ username: '\ufeffa', password: 'b' });
  });
});

describe('encodeBasicCredentials', () => {
  test('encodes UTF-8 then base64', () => {
    expect(encodeBasicCredentials('john', 'secret')).toBe('am9objpzZWNyZXQ=');
    expect(encodeBasicCredentials('jürgen', 'x')).toBe(b64('jürgen:x'));
  });
  test('refuses a colon in the username', () => {
    expect(() => encodeBasicCredentials('a:b', 'c')).toThrow(InvalidArgumentError);
  });
});

describe('base64 helpers', () => {
  test('encodeBase64 matches Buffer for every length mod 3', () => {
    for (const bytes of [[], [1], [1, 2], [1, 2, 3], [255, 254, 253, 252]]) {
      expect(encodeBase64(new Uint8Array(bytes))).toBe(b64bytes(bytes));
    }
  });
  test('decodeBase64Strict', () => {
    expect(decodeBase64Strict('')).toEqual(new Uint8Array());
    expect(decodeBase64Strict('AA==')).toEqual(new Uint8Array([0]));
    expect(decodeBase64Strict('AAA=')).toEqual(new Uint8Array([0, 0]));
    expect(decodeBase64Strict('AB==')).toBeUndefined();
    expect(decodeBase64Strict('A===')).toBeUndefined();
    expect(decodeBase64Strict('====')).toBeUndefined();
    expect(decodeBase64Strict('AAAA')).toEqual(new Uint8Array([0, 0, 0]));
  });
});

describe('properties', () => {
  const nearBase64 = fc
    .array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \t:é'.split('')), { maxLength: 24 })
    .map((chars) => chars.join(''));
  const anyToken = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), nearBase64, fc.uint8Array({ maxLength: 24 }).map((b) => Buffer.from(b).toString('base64')));

  test('never throws', () => {
    fc.assert(
      fc.property(anyToken, (token) => {
        decodeBasicCredentials(token);
        decodeBase64Strict(token);
      }),
      { numRuns: 2000 },
    );
  });

  test('accepts exactly what the strict reference accepts, with the same result', () => {
    fc.assert(
      fc.property(anyToken, (token) => {
        expect(decodeBasicCredentials(token)).toEqual(referenceDecode(token));
      }),
      { numRuns: 3000 },
    );
  });

  test('what it accepts is canonical base64 of UTF-8 text with a colon', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), (bytes) => {
        const token = Buffer.from(bytes).toString('base64');
        const decoded = decodeBasicCredentials(token);
        if (decoded) expect(encodeBasicCredentials(decoded.username, decoded.password)).toBe(token);
      }),
      { numRuns: 2000 },
    );
  });

  test('round-trips any username without a colon and any password', () => {
    const username = fc.string({ unit: 'grapheme' }).filter((s) => !s.includes(':'));
    const password = fc.string({ unit: 'grapheme' });
    fc.assert(
      fc.property(username, password, (u, p) => {
        expect(decodeBasicCredentials(encodeBasicCredentials(u, p))).toEqual({ username: u, password: p });
      }),
      { numRuns: 2000 },
    );
  });

  test('decodeBase64Strict round-trips any bytes and matches Buffer on canonical input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const token = encodeBase64(bytes);
        expect(token).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64Strict(token)).toEqual(bytes);
      }),
    );
  });
});
