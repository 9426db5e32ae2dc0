/** A TCP port for a test server, shared by the tests that start one. */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/**
 * The lowest port the OS hands out by itself (`listen(0)`, the local end of
 * an outgoing connection); 32768 where it does not say.
 */
function ephemeralStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return Number.isInteger(low) && low > 2048 ? low : 32768;
  } catch {
    return 32768;
  }
}

const LOW = 10000;
const HIGH = Math.max(LOW + 1000, ephemeralStart());

/** Whether `port` can be listened on now on 127.0.0.1 (closed again before the answer). */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A port free right now on 127.0.0.1, for a server whose URL must be known
 * before it starts (closed before it is returned). Picked at random below
 * the ports the OS hands out by itself, so that no other process's
 * `listen(0)` or outgoing connection takes it in between (a suite run twice
 * at once, many clients): only another caller picking the same number
 * could, one chance in tens of thousands.
 *
 * @example
 * ```ts
 * const apiUrl = `http://127.0.0.1:${await freePort()}`
 * ```
 */
export async function freePort(): Promise<number> {
  for (let tries = 0; tries < 50; tries++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port found between ${LOW} and ${HIGH} on 127.0.0.1`);
}
