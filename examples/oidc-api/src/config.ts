/**
 * Configuration from the environment: the framework serving the API, its
 * port, and the provider's port.
 */

/** The frameworks the example runs on. */
export const FRAMEWORKS = ['express', 'koa', 'hono', 'fastify'] as const;
/** One of {@link FRAMEWORKS}. */
export type Framework = (typeof FRAMEWORKS)[number];

/** The settings `main.ts` starts with. */
export interface Config {
  readonly framework: Framework;
  /** The API's port (`PORT`, 3000). */
  readonly port: number;
  /** The provider's port (`IDP_PORT`, 3001). */
  readonly idpPort: number;
  /** Where both listen (`HOST`, 127.0.0.1). */
  readonly host: string;
}

function portOf(name: string, value: string | undefined, fallback: number): number {
  if (!value) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number (got "${value}")`);
  return port;
}

/**
 * Reads `FRAMEWORK` (`express` default, `koa`, `hono`, `fastify`), `PORT` (3000),
 * `IDP_PORT` (3001) and `HOST` (127.0.0.1); throws a clear message for a
 * value it cannot use.
 *
 * @example
 * ```ts
 * loadConfig({ FRAMEWORK: 'hono', IDP_PORT: '4001' }) // { framework: 'hono', port: 3000, idpPort: 4001, host: '127.0.0.1' }
 * ```
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const framework = (env.FRAMEWORK || 'express').toLowerCase();
  if (!(FRAMEWORKS as readonly string[]).includes(framework)) {
    throw new Error(`FRAMEWORK must be one of ${FRAMEWORKS.join(', ')} (got "${env.FRAMEWORK}")`);
  }
  return {
    framework: framework as Framework,
    port: portOf('PORT', env.PORT, 3000),
    idpPort: portOf('IDP_PORT', env.IDP_PORT, 3001),
    host: env.HOST || '127.0.0.1',
  };
}
