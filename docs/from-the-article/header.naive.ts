import express from 'express';
import { HTTPException, Router, depends, header } from '@depends/core';
import { createDepends } from '@depends/express';
import { CONST_AUTH_KEY } from './tokens.js';

// The article's `def auth_header(Authentication: str = Header())`, as printed: it reads a header named Authentication.
const authHeader = depends({ Authentication: header('authentication') }, ({ Authentication }) => {
  if (Authentication !== CONST_AUTH_KEY) {
    throw new HTTPException(401, 'Invalid authentication credentials', { 'www-authenticate': 'Bearer' });
  }
});

export function naiveHeaderApp(): express.Express {
  const router = new Router({ prefix: '/v1', tags: ['API v1'], dependencies: [authHeader] });
  router.get('/health', {}, () => 'Ok', { summary: 'Get Health Status' });
  const app = express();
  const d = createDepends({ title: 'Notes', version: '1.0.0' });
  d.mount(app, router);
  d.docs(app);
  return app;
}
