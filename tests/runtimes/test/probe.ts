/** The server side of the runtime app, seen over HTTP (`/_probe` routes). */
import { request } from 'undici';

/** What `GET /_probe` answers. */
export interface ProbeState {
  readonly runtime: string;
  readonly events: string[];
  readonly errors: string[];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The probe's events and errors now. */
export async function probeState(url: string): Promise<ProbeState> {
  const res = await request(`${url}/_probe`);
  return (await res.body.json()) as ProbeState;
}

/** `POST /_probe/<path>` (reset, hold/<name>, open/<name>). */
export async function probeCall(url: string, path: string): Promise<void> {
  const res = await request(`${url}/_probe/${path}`, { method: 'POST' });
  await res.body.text();
  if (res.statusCode !== 204) throw new Error(`POST /_probe/${path}: ${res.statusCode}`);
}

/** Polls the probe until `check` holds (2 s at most). */
export async function until(url: string, check: (state: ProbeState) => boolean, what: string, timeout = 2000): Promise<ProbeState> {
  const end = Date.now() + timeout;
  for (;;) {
    const state = await probeState(url);
    if (check(state)) return state;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(state)}`);
    await sleep(10);
  }
}
