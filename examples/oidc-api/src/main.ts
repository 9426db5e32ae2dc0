/**
 * `pnpm --filter oidc-api start`: starts the identity provider at
 * `http://127.0.0.1:${IDP_PORT:-3001}` and the Reports API at
 * `http://127.0.0.1:${PORT:-3000}` on `FRAMEWORK` (express, koa, hono or fastify),
 * and prints where everything is.
 */
import { loadConfig } from './config.js';
import { API_SCOPES, AUDIENCE, DEMO_USER, SERVICE_CLIENT, startProvider } from './provider.js';
import { serverFor } from './servers/index.js';

const config = loadConfig();
const shown = config.host.includes(':') ? `[${config.host}]` : config.host;
// The provider must know the API's URL (the docs client's redirect) before the API listens.
const apiUrl = `http://${shown}:${config.port}`;
// The API is also a protected resource named by its URL (RFC 9728 metadata, RFC 8707 tokens for it); an http URL is one only on loopback.
const resource = ['127.0.0.1', 'localhost', '[::1]'].includes(shown) ? apiUrl : undefined;
const idp = await startProvider({
  port: config.idpPort,
  host: config.host,
  apiUrl,
  ...(resource !== undefined ? { extraResources: { [resource]: Object.keys(API_SCOPES).join(' ') } } : {}),
});
const start = await serverFor(config.framework);
const api = await start({ issuer: idp.issuer, port: config.port, host: config.host, ...(resource !== undefined ? { resource } : {}) });

// the signal handlers first: whoever reads the lines below may stop the process at once
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    Promise.all([api.close(), idp.close()]).then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

console.log(`Identity provider: ${idp.issuer} (discovery: ${idp.discoveryUrl})`);
console.log(`  user ${DEMO_USER.username} / ${DEMO_USER.password}; client ${SERVICE_CLIENT.id} / ${SERVICE_CLIENT.secret} (client_credentials)`);
console.log(`Reports API on ${config.framework}: ${api.url} (audience ${AUDIENCE})`);
console.log(`Docs: ${api.url}/docs`);
console.log(`OpenAPI: ${api.url}/openapi.json`);
if (resource !== undefined) console.log(`Protected resource metadata: ${api.url}/.well-known/oauth-protected-resource`);
