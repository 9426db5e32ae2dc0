import { describe, expect, test } from 'vitest';
import { frameworkHttpError } from './framework.js';

/** An error shaped as `http-errors` makes it (Koa's ctx.throw, Express apps). */
const httpError = (status: number, message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { status, statusCode: status, expose: status < 500, ...extra });

describe('frameworkHttpError', () => {
  test('http-errors: status, message and headers of a client error', () => {
    expect(frameworkHttpError(httpError(401, 'Token expired', { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"', 'Content-Type': 'text/html' } }))).toEqual({
      status: 401,
      detail: 'Token expired',
      headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
    });
  });

  test('a server error keeps its status but not its message (expose: false)', () => {
    expect(frameworkHttpError(httpError(503, 'database password is hunter2'))).toEqual({ status: 503, detail: 'HTTP 503', headers: undefined });
  });

  test("Hono's HTTPException: getResponse(), message, headers from its response", () => {
    const res = new Response(null, { status: 429, headers: { 'retry-after': '5' } });
    const error = Object.assign(new Error('Slow down'), { status: 429, res, getResponse: () => res });
    expect(frameworkHttpError(error)).toEqual({ status: 429, detail: 'Slow down', headers: { 'retry-after': '5' } });
    expect(frameworkHttpError(Object.assign(new Error(''), { status: 401, getResponse: () => res }))?.detail).toBe('Unauthorized');
  });

  test('statusCode alone with expose', () => {
    expect(frameworkHttpError({ statusCode: 409, expose: true, message: 'Taken' })).toEqual({ status: 409, detail: 'Taken', headers: undefined });
  });

  test('anything else is not one: plain errors, no expose, statuses outside 400-599', () => {
    expect(frameworkHttpError(new Error('boom'))).toBeUndefined();
    expect(frameworkHttpError({ status: 404, message: 'no expose, no getResponse' })).toBeUndefined();
    expect(frameworkHttpError({ status: 302, expose: true })).toBeUndefined();
    expect(frameworkHttpError({ status: '401', expose: true })).toBeUndefined();
    expect(frameworkHttpError(null)).toBeUndefined();
    expect(frameworkHttpError('401')).toBeUndefined();
  });
});
