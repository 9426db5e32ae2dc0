import express from 'express';
import { Router, apiKeyHeader, security } from '@depends/core';
import { createDepends } from '@depends/express';
import { authMiddleware } from './middleware.naive.js';

// The article's `auth_header = APIKeyHeader(name="Authorization", auto_error=True)` (autoError defaults to true).
const authHeader = apiKeyHeader({ name: 'Authorization' });

export function naiveApiKeyApp(): express.Express {
  const app = express();
  app.use(authMiddleware); // app.add_middleware(AuthMiddleware): "the Auth Middleware from method 1"
  const router = new Router({ prefix: '/v1', tags: ['API v1'], dependencies: [security(authHeader)] });
  router.get('/health', {}, () => 'Ok', { summary: 'Get Health Status' });
  const d = createDepends({ title: 'Notes', version: '1.0.0' });
  d.mount(app, router);
  d.docs(app);
  return app;
}
