import express from 'express';
import { HTTPException, Router, apiKeyHeader, depends, safeEqual } from '@depends/core';
import { createDepends } from '@depends/express';
import { CONST_AUTH_KEY } from './tokens.js';

// The key read by the scheme and checked where it is read, in constant time: no middleware.
const apiKey = apiKeyHeader({ name: 'Authorization' });
const authHeader = depends({ key: apiKey }, ({ key }) => {
  if (!safeEqual(key, CONST_AUTH_KEY)) throw new HTTPException(401, 'Invalid API key', { 'www-authenticate': 'APIKey' });
});

export function apiKeyApp(): express.Express {
  const router = new Router({ prefix: '/v1', tags: ['API v1'], dependencies: [authHeader] });
  router.get('/health', {}, () => 'Ok', { summary: 'Get Health Status' });
  const app = express();
  const d = createDepends({ title: 'Notes', version: '1.0.0' });
  d.mount(app, router);
  d.docs(app);
  return app;
}
