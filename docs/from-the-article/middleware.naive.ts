import express from 'express';
import { Router } from '@depends/core';
import { createDepends } from '@depends/express';
import { tokens } from './tokens.js';

export function naiveMiddlewareApp(): express.Express {
  const app = express();
  // The article's middleware: every request must carry a known token.
  app.use((req, res, next) => {
    const token = req.headers.authorization?.replace(/^Bearer /, '');
    if (!token || !tokens.has(token)) return void res.status(401).json({ detail: 'Not authenticated' });
    next();
  });
  const api = new Router();
  api.get('/status', {}, () => ({ status: 'ok' }));
  api.get('/v1/notes', {}, () => [{ text: 'who wrote this?' }]);
  const d = createDepends({ title: 'Notes', version: '1.0.0' });
  d.mount(app, api);
  d.docs(app);
  return app;
}
