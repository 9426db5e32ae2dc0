import express from 'express';
import { createDepends } from '@depends/express';
import { notes } from '../demo.js';
import { scopedUser } from './current-user.js';

export function profileApp(): express.Express {
  const app = express();
  const d = createDepends({ title: 'Notes', version: '1.0.0' });
  d.docs(app);
  const auth = d.guard({ user: scopedUser });

  // passport.authenticate('bearer', { session: false }) on the routes that need it: the guard, on those routes.
  app.get('/profile', auth, (req, res) => {
    res.json(auth.values(req).user); // req.user
  });
  app.get('/notes', auth, d.route({ scopes: ['notes:read'] }), (req, res) => {
    res.json(notes.of(auth.values(req).user.name));
  });
  app.delete('/notes/:id', auth, d.route({ scopes: ['notes:write'] }), (req, res) => {
    res.status(204).end();
  });
  app.get('/status', (req, res) => {
    res.json({ status: 'ok' }); // no guard: public (and not in the document, which lists the routes depends guards)
  });
  return app;
}
