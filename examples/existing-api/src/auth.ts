/**
 * The auth layer, declared once for every framework: the bearer scheme,
 * the demo tokens, the caller with its scopes, and which route needs which
 * scope. Each app adds it with a guard in front of its existing routes.
 */
import { z } from 'zod';
import { depends, httpBearer, invalidToken, safeEqual, withScopes, type AppOptions, type GuardOptions } from '@depends/core';
import type { User } from './notes.js';

/** Demo tokens (a real app asks its identity provider or its session store). */
const TOKENS: readonly (readonly [token: string, user: User])[] = [
  ['alice-token', { name: 'alice', scopes: ['notes:read', 'notes:write'] }],
  ['bob-token', { name: 'bob', scopes: ['notes:read'] }],
];

/** `Authorization: Bearer <token>`: 401 with `WWW-Authenticate: Bearer` when missing. */
export const bearer = httpBearer({ description: 'Demo tokens: alice-token (notes:read notes:write), bob-token (notes:read)' });

/** The user behind the token (401 invalid_token for an unknown one); tokens compared in constant time. */
const caller = depends({ auth: bearer }, ({ auth }): User => {
  let found: User | undefined;
  for (const [token, user] of TOKENS) if (safeEqual(auth.credentials, token)) found = user;
  if (!found) throw invalidToken();
  return found;
});

/** The caller, refused with 403 insufficient_scope when a route's scopes are not all granted. */
export const currentUser = withScopes(caller, (user) => user.scopes);

const Note = z.object({ id: z.string(), text: z.string(), owner: z.string() }).meta({ id: 'Note' });

/** The document's title and version. */
export const docs: AppOptions = { title: 'Notes API', version: '1.0.0' };

/** What the guard resolves for every protected route: the caller, as `user`. */
export const inputs = { user: currentUser };

/** Which route needs which scope (any valid token elsewhere), the public route, and what the document says. */
export const options: GuardOptions = {
  routes: {
    'GET /status': { public: true, summary: 'Service status' },
    'GET /v1/health': { summary: 'Health (any valid token)' },
    'GET /v1/notes': { scopes: ['notes:read'], summary: 'Your notes', response: z.array(Note) },
    'POST /v1/notes': { scopes: ['notes:write'], summary: 'Add a note', status: 201, response: Note, requestBody: z.object({ text: z.string().min(1) }) },
    'GET /v1/notes/{id}': { scopes: ['notes:read'], summary: 'One of your notes', response: Note, responses: { 404: { description: 'Not one of your notes' } } },
  },
};
