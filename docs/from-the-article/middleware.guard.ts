import express from 'express';
import { createDepends } from '@depends/express';
import { currentUser } from './current-user.js';

export function guardedApp(): express.Express {
  const app = express();
  const d = createDepends({ title: 'Notes', version: '1.0.0' });
  d.docs(app); // /docs and /openapi.json are never behind a guard

  // Where the article's middleware was: the same dependency, in front of every route below.
  const auth = d.guard({ user: currentUser });
  app.use(auth);

  // The app's own handlers, written the Express way and untouched.
  app.get('/status', d.route({ public: true }), (req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/v1/notes', (req, res) => {
    res.json([{ text: 'mine', owner: auth.values(req).user.name }]);
  });
  return app;
}
