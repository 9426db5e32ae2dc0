import express from 'express';
import { HTTPException, Router, depends, httpBearer, security } from '@depends/core';
import { createDepends } from '@depends/express';
import { CONST_AUTH_KEY } from './tokens.js';

// The article's `def auth_header(Authentication: str = Security(HTTPBearer()))`.
const authHeader = depends({ Authentication: security(httpBearer()) }, ({ Authentication }) => {
  if (Authentication.credentials !== CONST_AUTH_KEY) {
    throw new HTTPException(401, 'Invalid authentication credentials');
  }
});

export function naiveBearerApp(): express.Express {
  const router = new Router({ prefix: '/v1', tags: ['API v1'], dependencies: [authHeader] });
  router.get('/health', {}, () => 'Ok', { summary: 'Get Health Status' });
  const app = express();
  const d = createDepends({ title: 'Notes', version: '1.0.0' });
  d.mount(app, router);
  d.docs(app);
  return app;
}
