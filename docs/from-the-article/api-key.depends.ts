import express from 'express';
import { HTTPException, Router, apiKeyHeader, depends, safeEqual } from '@depends/core';
import { createDepends } from '@depends/express';
import { API_KEY } from './tokens.js';

// Missing key → 401 + `WWW-Authenticate: APIKey`; documented as an apiKey scheme, never as a parameter.
const apiKey = apiKeyHeader({ name: 'X-API-Key' });
const verifyKey = depends({ key: apiKey }, ({ key }) => {
  if (!safeEqual(key, API_KEY)) throw new HTTPException(401, 'Invalid API key', { 'www-authenticate': 'APIKey' });
  return 'service';
});

export function apiKeyApp(): express.Express {
  const api = new Router({ dependencies: [verifyKey] });
  api.get('/export', {}, () => ({ notes: [] }));
  const app = express();
  const d = createDepends({ title: 'Notes', version: '1.0.0' });
  d.mount(app, api);
  d.docs(app);
  return app;
}
