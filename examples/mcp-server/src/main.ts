/**
 * `pnpm --filter mcp-server start`: starts the identity provider of
 * `examples/oidc-api` at `http://127.0.0.1:${IDP_PORT:-3001}` (dynamic client
 * registration open, this MCP server one of its resources) and the MCP
 * server at `http://127.0.0.1:${PORT:-3000}/mcp` on `FRAMEWORK` (express or
 * hono), and prints where everything is.
 */
import { DEMO_USER, startProvider } from 'oidc-api/provider';
import { loadConfig } from './config.js';
import { serverFor } from './servers/index.js';
import { MCP_SCOPES } from './tools.js';

const config = loadConfig();
if (config.port === 0) throw new Error('PORT must be a fixed port: the identity provider issues tokens for http://127.0.0.1:<PORT>/mcp');
// The provider must know the MCP server's URL, its resource identifier, before the server listens.
const baseUrl = `http://127.0.0.1:${config.port}`;
const idp = await startProvider({
  port: config.idpPort,
  apiUrl: baseUrl,
  registration: true,
  extraResources: { [`${baseUrl}/mcp`]: Object.keys(MCP_SCOPES).join(' ') },
});
let mcp;
try {
  mcp = await (await serverFor(config.framework))({ issuer: idp.issuer, port: config.port });
} catch (error) {
  await idp.close();
  throw error;
}
const running = mcp;

// the signal handlers first: whoever reads the lines below may stop the process at once
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    Promise.all([running.close(), idp.close()]).then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

console.log(`Identity provider: ${idp.issuer} (discovery: ${idp.discoveryUrl}; dynamic client registration: ${idp.issuer}/reg)`);
console.log(`  user ${DEMO_USER.username} / ${DEMO_USER.password}`);
console.log(`MCP server on ${config.framework}: ${running.mcpUrl} (scopes ${Object.keys(MCP_SCOPES).join(', ')})`);
console.log(`Protected resource metadata: ${running.metadataUrl}`);
console.log(`Docs: ${running.url}/docs`);
console.log(`OpenAPI: ${running.url}/openapi.json`);
