/** The MCP server on Hono 4 (served on Node): the SDK's Web-standard transport behind the depends guard. */
import { Hono } from 'hono';
import { getRequestListener } from '@hono/node-server';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { createDepends, type GuardEnv } from '@depends/hono';
import { authInfoOf, mcpAuth } from '../auth.js';
import { createMcpServer, NoteStore } from '../tools.js';
import { listen, type RunningMcp, type StartOptions } from './listen.js';
import { METHOD_NOT_ALLOWED, SERVER_ERROR } from './messages.js';
import { FORBIDDEN_ORIGIN, originCheck } from './origin.js';

/**
 * Starts the MCP server on Hono.
 *
 * @example
 * ```ts
 * const mcp = await start({ issuer: 'http://127.0.0.1:3001', port: 3000 })
 * mcp.mcpUrl // 'http://127.0.0.1:3000/mcp'
 * ```
 */
export function start(options: StartOptions): Promise<RunningMcp> {
  return listen(options.port ?? 3000, (url) => {
    const auth = mcpAuth({ issuer: options.issuer, resource: `${url}/mcp`, clockTolerance: options.clockTolerance });
    const notes = new NoteStore();
    const d = createDepends(auth.docs);
    const guard = d.guard(auth.inputs, auth.options);
    const app = new Hono<GuardEnv<typeof guard>>();
    const originAllowed = originCheck(url, options.allowedOrigins);
    app.use('/mcp', async (c, next) => (originAllowed(c.req.header('origin')) ? next() : c.json(FORBIDDEN_ORIGIN, 403)));
    app.use(guard);

    app.post('/mcp', async (c) => {
      const server = createMcpServer(notes);
      const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      try {
        await server.connect(transport);
        // the body the guard read (and checked the tools' scopes of); the token it verified, for the tools as extra.authInfo
        return await transport.handleRequest(c.req.raw, { authInfo: authInfoOf(c.var.token, auth.resource), parsedBody: await c.req.json() });
      } catch (error) {
        console.error(error);
        return c.json(SERVER_ERROR, 500);
      } finally {
        // JSON answers: the response is complete here
        await transport.close();
        await server.close();
      }
    });
    const noStream = () => Response.json(METHOD_NOT_ALLOWED, { status: 405, headers: { allow: 'POST' } });
    app.get('/mcp', noStream);
    app.delete('/mcp', noStream);
    d.docs(app, { resourceMetadata: auth.resource });
    d.check(app);
    return { listener: getRequestListener(app.fetch), app: d.app, metadataUrl: auth.resource.metadataUrl };
  });
}
