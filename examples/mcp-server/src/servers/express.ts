/** The MCP server on Express 5: the SDK's Node transport behind the depends guard. */
import express, { type RequestHandler } from 'express';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createDepends } from '@depends/express';
import { authInfoOf, mcpAuth } from '../auth.js';
import { createMcpServer, NoteStore } from '../tools.js';
import { listen, type RunningMcp, type StartOptions } from './listen.js';
import { METHOD_NOT_ALLOWED, SERVER_ERROR } from './messages.js';
import { FORBIDDEN_ORIGIN, originCheck } from './origin.js';

/**
 * Starts the MCP server on Express.
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
    const app = express();
    app.disable('x-powered-by');
    const d = createDepends(auth.docs);
    const guard = d.guard(auth.inputs, auth.options);
    const originAllowed = originCheck(url, options.allowedOrigins);
    app.use('/mcp', (req, res, next) => (originAllowed(req.headers.origin) ? next() : void res.status(403).json(FORBIDDEN_ORIGIN)));
    app.use(express.json({ limit: '1mb' }));
    app.use(guard);

    const post: RequestHandler = async (req, res) => {
      // the token the guard verified (mcp:read, and the scopes of the tools called), for the tools as extra.authInfo
      const { token } = guard.values(req);
      const server = createMcpServer(notes);
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      res.on('close', () => {
        void transport.close();
        void server.close();
      });
      try {
        await server.connect(transport);
        await transport.handleRequest(Object.assign(req, { auth: authInfoOf(token, auth.resource) }), res, req.body);
      } catch (error) {
        console.error(error);
        if (!res.headersSent) res.status(500).json(SERVER_ERROR);
      }
    };
    const noStream: RequestHandler = (_req, res) => {
      res.status(405).set('allow', 'POST').json(METHOD_NOT_ALLOWED);
    };
    app.post('/mcp', post);
    app.get('/mcp', noStream);
    app.delete('/mcp', noStream);
    d.docs(app, { resourceMetadata: auth.resource });
    d.check(app);
    return { listener: app, app: d.app, metadataUrl: auth.resource.metadataUrl };
  });
}
