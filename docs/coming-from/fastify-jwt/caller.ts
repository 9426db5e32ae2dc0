import { jwtVerify } from 'jose';
import { HTTPException, anyOf, apiKeyHeader, depends, httpBearer, invalidToken, refuse, safeEqual } from '@depends/core';

/** The caller: a JWT signed with the app's secret, or the service's API key. */
export function callerOf(options: { secret: string; apiKey: string }) {
  const key = new TextEncoder().encode(options.secret);
  const bearer = httpBearer({ bearerFormat: 'JWT' }); // what request.jwtVerify() reads
  const apiKey = apiKeyHeader({ name: 'X-API-Key' });

  // fastify.auth([fastify.verifyJWT, fastify.verifyApiKey]): either one (anyOf); both would be two inputs of the guard.
  return depends({ credential: anyOf(bearer, apiKey) }, async ({ credential }) => {
    if (typeof credential === 'string') {
      if (safeEqual(credential, options.apiKey)) return { sub: 'service', via: 'apiKey' };
      return refuse(new HTTPException(401, 'Invalid API key', { 'www-authenticate': 'APIKey' }));
    }
    const verified = await jwtVerify(credential.credentials, key, { algorithms: ['HS256'] }).catch(() => undefined); // request.jwtVerify()
    return verified ? { sub: String(verified.payload.sub), via: 'jwt' } : refuse(invalidToken());
  });
}
