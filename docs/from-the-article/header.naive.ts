import express from 'express';
import { Router, depends, header } from '@depends/core';
import { createDepends } from '@depends/express';
import { tokens } from './tokens.js';

// The article's `def verify_token(authorization: str = Header())`, ported as written.
const verifyToken = depends({ authorization: header('authorization') }, ({ authorization }) => {
  const user = tokens.get(authorization.replace(/^Bearer /, ''));
  if (!user) throw new Error('Invalid token');
  return user;
});

export function naiveHeaderApp(): express.Express {
  const v1 = new Router({ prefix: '/v1', dependencies: [verifyToken] });
  v1.get('/notes', {}, () => []);
  const app = express();
  createDepends().mount(app, v1); // throws: see below
  return app;
}
