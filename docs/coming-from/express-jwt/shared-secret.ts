import express from 'express';
import { jwtVerify } from 'jose';
import { depends, httpBearer, invalidToken, refuse, withScopes } from '@depends/core';
import { createDepends } from '@depends/express';
import { notes } from '../demo.js';

export function sharedSecretApp(secret: string): express.Express {
  const key = new TextEncoder().encode(secret);
  // expressjwt({ secret, algorithms: ['HS256'] }): a shared secret, verified with jose over the bearer scheme.
  const claims = depends({ auth: httpBearer({ bearerFormat: 'JWT' }) }, async ({ auth }) => {
    const verified = await jwtVerify(auth.credentials, key, { algorithms: ['HS256'] }).catch(() => undefined);
    return verified?.payload ?? refuse(invalidToken()); // 401 + WWW-Authenticate: Bearer error="invalid_token"
  });
  const caller = withScopes(claims, (payload) => String(payload.scope ?? '').split(' ')); // a missing scope: 403

  const app = express();
  const d = createDepends({ title: 'Notes', version: '1.0.0' });
  d.docs(app);
  const auth = d.guard({ claims: caller });
  app.use(auth);
  app.get('/v1/notes', d.route({ scopes: ['notes:read'] }), (req, res) => {
    res.json(notes.of(String(auth.values(req).claims.sub))); // req.auth.sub
  });
  return app;
}
