import express from 'express';
import { HTTPException, Router, apiKeyHeader, depends, safeEqual } from '@depends/core';
import { createDepends } from '@depends/express';
import { API_KEY } from './tokens.js';
import { currentUser } from './current-user.js';

// A raw key sent as `Authorization: <key>` (no "Bearer "): an API key scheme whose header is Authorization.
const rawKey = apiKeyHeader({ name: 'Authorization' });
const service = depends({ key: rawKey }, ({ key }) => {
  if (!safeEqual(key, API_KEY)) throw new HTTPException(401, 'Invalid API key', { 'www-authenticate': 'APIKey' });
  return 'service';
});

export function headerApp(): express.Express {
  const v1 = new Router({ prefix: '/v1' });
  v1.get('/notes', { user: currentUser }, ({ user }) => [{ text: 'mine', owner: user.name }]); // Bearer tokens
  v1.get('/export', { caller: service }, ({ caller }) => ({ exportedBy: caller })); // a raw key
  const app = express();
  const d = createDepends({ title: 'Notes', version: '1.0.0' });
  d.mount(app, v1);
  d.docs(app);
  return app;
}
