/** A TCP port for a test server, shared by the tests that start one. */
import { createServer } from 'node:http';

/**
 * A port free right now on 127.0.0.1 (the OS picks it; closed before it is returned).
 *
 * @example
 * ```ts
 * const apiUrl = `http://127.0.0.1:${await freePort()}`
 * ```
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
