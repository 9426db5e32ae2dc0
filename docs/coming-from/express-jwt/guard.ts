import express from 'express';
import { jwtBearer } from '@depends/jwt';
import { createDepends } from '@depends/express';
import { notes } from '../demo.js';

export function notesApp(issuer: string): express.Express {
  // expressjwt({ secret: jwksRsa.expressJwtSecret({ jwksUri }), issuer, audience, algorithms }) / auth({ issuerBaseURL, audience }):
  // keys from the issuer's discovery document (rotation included), asymmetric algorithms only.
  const accessToken = jwtBearer({ issuer, audience: 'api://notes' });

  const app = express();
  const d = createDepends({ title: 'Notes', version: '1.0.0' });
  d.docs(app); // /docs and /openapi.json: never behind the guard
  const auth = d.guard({ token: accessToken });
  app.use(auth); // app.use(expressjwt({ … })) / app.use(auth({ … }))

  app.get('/status', d.route({ public: true }), (req, res) => {
    res.json({ status: 'ok' }); // .unless({ path: ['/status'] })
  });
  app.get('/v1/notes', d.route({ scopes: ['notes:read'] }), (req, res) => {
    res.json(notes.of(String(auth.values(req).token.claims.sub))); // requiredScopes('notes:read'); req.auth.payload.sub
  });
  app.delete('/v1/notes/:id', d.route({ scopes: ['notes:write'] }), (req, res) => {
    res.status(204).end(); // requiredScopes('notes:write')
  });
  return app;
}
