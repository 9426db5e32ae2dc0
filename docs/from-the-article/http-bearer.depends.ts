import express from 'express';
import { Router, depends, httpBearer, invalidToken, safeEqual, security } from '@depends/core';
import { createDepends } from '@depends/express';
import { CONST_AUTH_KEY } from './tokens.js';

// The same dependency, answering a wrong token as RFC 6750 says, comparing in constant time.
const authHeader = depends({ Authentication: security(httpBearer()) }, ({ Authentication }) => {
  if (!safeEqual(Authentication.credentials, CONST_AUTH_KEY)) throw invalidToken(); // 401 + WWW-Authenticate: Bearer error="invalid_token"
});

export function bearerApp(): express.Express {
  const router = new Router({ prefix: '/v1', tags: ['API v1'], dependencies: [authHeader] });
  router.get('/health', {}, () => 'Ok', { summary: 'Get Health Status' });
  const app = express();
  const d = createDepends({ title: 'Notes', version: '1.0.0' });
  d.mount(app, router);
  d.docs(app);
  return app;
}
