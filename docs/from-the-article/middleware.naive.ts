import express from 'express';
import { Router } from '@depends/core';
import { createDepends } from '@depends/express';
import { fetchUser } from './tokens.js';

/** The article's AuthMiddleware: every path but `/docs` needs an `Authorization` header. */
export const authMiddleware: express.RequestHandler = async (req, res, next) => {
  if (req.path === '/docs') return next();
  const authorizationHeader = req.headers.authorization;
  if (authorizationHeader) {
    res.locals.user = await fetchUser(authorizationHeader);
    return next();
  }
  res.status(401).type('text/plain').send('Unauthorized');
};

export function naiveMiddlewareApp(): express.Express {
  const app = express();
  app.use(authMiddleware); // app.add_middleware(AuthMiddleware)
  const api = new Router();
  api.get('/', {}, () => 'Ok', { summary: 'Get Health Status' });
  const d = createDepends({ title: 'Notes', version: '1.0.0' });
  d.mount(app, api);
  d.docs(app);
  return app;
}
