import express from 'express';
import { Router } from '@depends/core';
import { createDepends } from '@depends/express';
import { currentUser } from './current-user.js';

export function headerApp(): express.Express {
  // The article's router, its dependency reading `Authorization: Bearer <token>` through a scheme.
  const router = new Router({ prefix: '/v1', tags: ['API v1'], dependencies: [currentUser] });
  router.get('/health', {}, () => 'Ok', { summary: 'Get Health Status' });
  const app = express();
  const d = createDepends({ title: 'Notes', version: '1.0.0' });
  d.mount(app, router);
  d.docs(app);
  return app;
}
