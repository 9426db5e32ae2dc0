import express from 'express';
import { HTTPException, Router, depends, httpBearer } from '@depends/core';
import { createDepends } from '@depends/express';
import { tokens } from './tokens.js';

// The article's HTTPBearer: the scheme is right, the answer to a bad token is not.
const bearer = httpBearer();
const currentUser = depends({ credentials: bearer }, ({ credentials }) => {
  const user = tokens.get(credentials.credentials);
  if (!user) throw new HTTPException(403, 'Invalid token');
  return user;
});

export function naiveBearerApp(): express.Express {
  const v1 = new Router({ prefix: '/v1' });
  v1.get('/notes', { user: currentUser }, ({ user }) => [{ text: 'mine', owner: user.name }]);
  const app = express();
  createDepends().mount(app, v1);
  return app;
}
