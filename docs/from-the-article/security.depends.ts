import express from 'express';
import { Router, body, security, withScopes } from '@depends/core';
import { createDepends } from '@depends/express';
import { z } from 'zod';
import { currentUser } from './current-user.js';

// The scopes a caller holds; a required one missing → 403 + WWW-Authenticate: Bearer error="insufficient_scope".
const scopedUser = withScopes(currentUser, (user) => user.scopes);

export function securityApp(): express.Express {
  const v1 = new Router({ prefix: '/v1' });
  v1.get('/notes', { user: security(scopedUser, { scopes: ['notes:read'] }) }, ({ user }) => [{ text: 'mine', owner: user.name }]);
  v1.post(
    '/notes',
    { user: security(scopedUser, { scopes: ['notes:write'] }), note: body(z.object({ text: z.string().min(1) })) },
    ({ user, note }) => ({ id: 1, text: note.text, owner: user.name }),
    { status: 201 },
  );
  const app = express();
  const d = createDepends({ title: 'Notes', version: '1.0.0' });
  d.mount(app, v1);
  d.docs(app);
  return app;
}
