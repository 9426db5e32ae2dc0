/**
 * What the guard's declarations give the handlers, by inference: the
 * verified token, its claims typed by the RFC 9068 profile, on Express
 * (`guard.values(req)`) and on Hono (the context's variables).
 */
import { expectTypeOf, test } from 'vitest';
import { createDepends as onExpress } from '@depends/express';
import { createDepends as onHono, type GuardEnv } from '@depends/hono';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { authInfoOf, mcpAuth, type McpToken } from '../src/auth.js';

const auth = mcpAuth({ issuer: 'http://127.0.0.1:3001', resource: 'http://127.0.0.1:3000/mcp' });

test('Express: guard.values(req).token is the verified token', () => {
  const guard = onExpress(auth.docs).guard(auth.inputs, auth.options);
  expectTypeOf<ReturnType<typeof guard.values>['token']>().toEqualTypeOf<McpToken>();
});

test('Hono: the token is a context variable', () => {
  const guard = onHono(auth.docs).guard(auth.inputs, auth.options);
  expectTypeOf<GuardEnv<typeof guard>['Variables']['token']>().toEqualTypeOf<McpToken>();
});

test('the RFC 9068 claims are typed: sub and client_id strings, scopes a list; the SDK gets an AuthInfo', () => {
  expectTypeOf<McpToken['claims']['sub']>().toEqualTypeOf<string>();
  expectTypeOf<McpToken['claims']['client_id']>().toEqualTypeOf<string>();
  expectTypeOf<McpToken['scopes']>().toEqualTypeOf<readonly string[]>();
  expectTypeOf(authInfoOf).returns.toEqualTypeOf<AuthInfo>();
});
