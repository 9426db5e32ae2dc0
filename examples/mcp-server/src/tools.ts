/**
 * The MCP server itself: two tools and the scopes each needs. It knows
 * nothing of HTTP or tokens beyond the `authInfo` the transport hands each
 * call (what the depends guard verified); `auth.ts` puts the guard in front.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

/** The scopes of the MCP server, with their descriptions. */
export const MCP_SCOPES = { 'mcp:read': 'Call the read-only tools (whoami)', 'mcp:write': 'Call the tools that change data (add_note)' } as const;

/** One of {@link MCP_SCOPES}. */
export type McpScope = keyof typeof MCP_SCOPES;

/** What every request to `/mcp` needs: the guard's scope. */
export const BASE_SCOPE: McpScope = 'mcp:read';

/**
 * The scopes each tool needs besides {@link BASE_SCOPE}. A `tools/call`
 * for a tool listed here is refused with 403 `insufficient_scope` before
 * the MCP server sees it when the token lacks one of them.
 *
 * @example
 * ```ts
 * TOOL_SCOPES.add_note // ['mcp:write']
 * ```
 */
export const TOOL_SCOPES: Readonly<Record<string, readonly McpScope[]>> = { whoami: [], add_note: ['mcp:write'] };

/** A note written with `add_note`. */
export interface Note {
  readonly id: number;
  readonly text: string;
  readonly author: string;
}

/**
 * The notes, in memory (shared by every request of one server).
 *
 * @example
 * ```ts
 * const notes = new NoteStore()
 * notes.add('alice', 'buy milk') // { id: 1, text: 'buy milk', author: 'alice' }
 * ```
 */
export class NoteStore {
  readonly #notes: Note[] = [];

  /** Adds a note and returns it. */
  add(author: string, text: string): Note {
    const note = { id: this.#notes.length + 1, text, author };
    this.#notes.push(note);
    return note;
  }

  /** Every note, oldest first. */
  all(): readonly Note[] {
    return [...this.#notes];
  }
}

/** `sub` of the token, as the guard put it into `authInfo.extra`. */
const subjectOf = (auth: AuthInfo): string => String(auth.extra?.sub);

/** The tool result for a JSON value: as text (for every client) and as structured content. */
function result(value: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value) }], structuredContent: value };
}

/**
 * The caller's verified token, with the scopes a tool needs. The /mcp
 * route's guard has already refused a request without them (401, 403):
 * this second check only makes a tool fail closed if it is ever served
 * without that guard.
 */
function callerWith(auth: AuthInfo | undefined, scopes: readonly string[]): AuthInfo {
  if (auth === undefined || auth.extra?.sub === undefined) throw new Error('This tool is served only behind the /mcp guard (no verified token).');
  const missing = scopes.filter((scope) => !auth.scopes.includes(scope));
  if (missing.length > 0) throw new Error(`This tool needs the scope ${missing.join(' ')}.`);
  return auth;
}

/**
 * A new MCP server (one per request: the HTTP transport is stateless) with
 * the tools `whoami` (the token's `sub` and scopes) and `add_note`.
 *
 * @example
 * ```ts
 * const server = createMcpServer(notes)
 * await server.connect(transport)
 * ```
 */
export function createMcpServer(notes: NoteStore): McpServer {
  const server = new McpServer({ name: 'depends-notes', version: '1.0.0' });
  server.registerTool(
    'whoami',
    {
      title: 'Who am I',
      description: 'The subject and scopes of the access token this call was made with.',
      outputSchema: { sub: z.string(), scopes: z.array(z.string()) },
      annotations: { readOnlyHint: true },
    },
    (extra) => {
      const auth = callerWith(extra.authInfo, [BASE_SCOPE, ...TOOL_SCOPES.whoami]);
      return result({ sub: subjectOf(auth), scopes: [...auth.scopes] });
    },
  );
  server.registerTool(
    'add_note',
    {
      title: 'Add a note',
      description: 'Writes a note as the signed-in user (needs the scope mcp:write).',
      inputSchema: { text: z.string().trim().min(1).max(500) },
      outputSchema: { id: z.number().int(), text: z.string(), author: z.string() },
    },
    ({ text }, extra) => {
      const auth = callerWith(extra.authInfo, [BASE_SCOPE, ...TOOL_SCOPES.add_note]);
      return result({ ...notes.add(subjectOf(auth), text) });
    },
  );
  return server;
}
