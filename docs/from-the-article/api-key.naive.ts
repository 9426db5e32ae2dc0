import express from 'express';
import { HTTPException, Router, apiKeyHeader, depends } from '@depends/core';
import { createDepends } from '@depends/express';
import { API_KEY } from './tokens.js';

// The article's `APIKeyHeader(name="X-API-Key", auto_error=False)` and its own check.
const apiKey = apiKeyHeader({ name: 'X-API-Key', autoError: false });
const verifyKey = depends({ key: apiKey }, ({ key }) => {
  if (key !== API_KEY) throw new HTTPException(403, 'Could not validate credentials');
  return 'service';
});

export function naiveApiKeyApp(): express.Express {
  const api = new Router({ dependencies: [verifyKey] });
  api.get('/export', {}, () => ({ notes: [] }));
  const app = express();
  const d = createDepends({ title: 'Notes', version: '1.0.0' });
  d.mount(app, api);
  d.docs(app);
  return app;
}
