/**
 * Configuration from the environment: the framework serving the MCP
 * server, its port, and the identity provider's port.
 */

/** The frameworks the example runs on. */
export const FRAMEWORKS = ['express', 'hono'] as const;
/** One of {@link FRAMEWORKS}. */
export type Framework = (typeof FRAMEWORKS)[number];

/** The settings `main.ts` starts with. */
export interface Config {
  readonly framework: Framework;
  /** The MCP server's port (`PORT`, 3000). */
  readonly port: number;
  /** The identity provider's port (`IDP_PORT`, 3001). */
  readonly idpPort: number;
}

function portOf(name: string, value: string | undefined, fallback: number): number {
  if (!value) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number (got "${value}")`);
  return port;
}

/**
 * Reads `FRAMEWORK` (`express` default, or `hono`), `PORT` (3000) and
 * `IDP_PORT` (3001); throws a clear message for a value it cannot use.
 * Both servers listen on 127.0.0.1: the resource and the issuer are
 * loopback `http` URLs, which OAuth allows only there.
 *
 * @example
 * ```ts
 * loadConfig({ FRAMEWORK: 'hono', IDP_PORT: '4001' }) // { framework: 'hono', port: 3000, idpPort: 4001 }
 * ```
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const framework = (env.FRAMEWORK || 'express').toLowerCase();
  if (!(FRAMEWORKS as readonly string[]).includes(framework)) {
    throw new Error(`FRAMEWORK must be one of ${FRAMEWORKS.join(', ')} (got "${env.FRAMEWORK}")`);
  }
  return { framework: framework as Framework, port: portOf('PORT', env.PORT, 3000), idpPort: portOf('IDP_PORT', env.IDP_PORT, 3001) };
}
