import express from 'express';
import { HTTPException, Router, depends, header, security } from '@depends/core';
import { createDepends } from '@depends/express';
import { CONST_AUTH_KEY } from './tokens.js';

// The article's header dependency, unchanged…
const authHeader = depends({ Authentication: header('authentication') }, ({ Authentication }) => {
  if (Authentication !== CONST_AUTH_KEY) {
    throw new HTTPException(401, 'Invalid authentication credentials', { 'www-authenticate': 'Bearer' });
  }
});

export function naiveSecurityApp(): express.Express {
  // …in `dependencies=[Security(auth_header)]` instead of Depends().
  const router = new Router({ prefix: '/v1', tags: ['API v1'], dependencies: [security(authHeader)] });
  router.get('/health', {}, () => 'Ok', { summary: 'Get Health Status' });
  const app = express();
  createDepends().mount(app, router); // throws: see below
  return app;
}
