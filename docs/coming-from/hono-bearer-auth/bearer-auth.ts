import { Hono } from 'hono';
import { depends, httpBearer, invalidToken, safeEqual } from '@depends/core';
import { createDepends, type GuardEnv } from '@depends/hono';

export function apiApp(token: string) {
  // bearerAuth({ token }): the same comparison, in constant time, over the bearer scheme.
  const apiToken = depends({ auth: httpBearer() }, ({ auth }) => {
    if (!safeEqual(auth.credentials, token)) throw invalidToken(); // 401 + WWW-Authenticate: Bearer error="invalid_token"
    return 'authorized';
  });
  const d = createDepends({ title: 'API', version: '1.0.0' });
  const auth = d.guard({ caller: apiToken });

  const app = new Hono<GuardEnv<typeof auth>>();
  app.use('/api/*', auth); // app.use('/api/*', bearerAuth({ token }))
  app.get('/api/page', (c) => c.json({ message: 'You are authorized', caller: c.var.caller }));
  app.get('/page', (c) => c.json({ message: 'Public' }));
  d.docs(app);
  d.check(app);
  return app;
}
