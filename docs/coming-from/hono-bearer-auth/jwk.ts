import { Hono } from 'hono';
import { jwtBearer } from '@depends/jwt';
import { createDepends, type GuardEnv } from '@depends/hono';

export function authApp(issuer: string) {
  // jwk({ jwks_uri }): the keys from the same JWKS; depends also checks the issuer, the audience and the expiry.
  const accessToken = jwtBearer({ issuer, audience: 'api://notes', jwksUri: `${issuer}/jwks` });
  const d = createDepends({ title: 'API', version: '1.0.0' });
  const auth = d.guard({ token: accessToken });

  const app = new Hono<GuardEnv<typeof auth>>();
  app.use('/auth/*', auth); // app.use('/auth/*', jwk({ jwks_uri }))
  app.get('/auth/page', (c) => c.json({ sub: c.var.token.claims.sub, scopes: c.var.token.scopes })); // c.get('jwtPayload')
  app.delete('/auth/page', d.route({ scopes: ['notes:write'] }), (c) => c.body(null, 204));
  d.docs(app);
  d.check(app);
  return app;
}
