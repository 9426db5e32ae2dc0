import express from 'express';
import { HTTPException, Router, depends, header } from '@depends/core';
import { createDepends } from '@depends/express';
import { CONST_AUTH_KEY } from './tokens.js';

// The same dependency reading the header the article says it sends: `Authorization: str = Header()`.
const authHeader = depends({ Authorization: header('authorization') }, ({ Authorization }) => {
  if (Authorization !== CONST_AUTH_KEY) {
    throw new HTTPException(401, 'Invalid authentication credentials', { 'www-authenticate': 'Bearer' });
  }
});

export function naiveAuthorizationHeaderApp(): express.Express {
  const router = new Router({ prefix: '/v1', tags: ['API v1'], dependencies: [authHeader] });
  router.get('/health', {}, () => 'Ok', { summary: 'Get Health Status' });
  const app = express();
  createDepends().mount(app, router); // throws: see below
  return app;
}
