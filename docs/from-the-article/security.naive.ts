import express from 'express';
import { Router, depends, header, security } from '@depends/core';
import { createDepends } from '@depends/express';
import { tokens } from './tokens.js';

// The article's `Security(verify_token, scopes=["notes:write"])` over a plain header dependency.
const verifyToken = depends({ token: header('x_token') }, ({ token }) => tokens.get(token));

export function naiveSecurityApp(): express.Express {
  const v1 = new Router({ prefix: '/v1' });
  v1.post('/notes', { user: security(verifyToken, { scopes: ['notes:write'] }) }, () => ({ created: true }));
  const app = express();
  createDepends().mount(app, v1); // throws: see below
  return app;
}
