/**
 * Bundles the scenario app for the runtime named in `DEPENDS_RUNTIME`,
 * starts it on 127.0.0.1 and hands its URL to the tests. A runtime whose
 * binary is missing fails the run (never a skip).
 */
import type { TestProject } from 'vitest/node';
import { RUNTIMES, bundle, start, type RuntimeName } from '../src/runtimes.js';

declare module 'vitest' {
  export interface ProvidedContext {
    url: string;
    runtime: RuntimeName;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runtime = (process.env.DEPENDS_RUNTIME ?? 'node') as RuntimeName;
  if (!RUNTIMES.includes(runtime)) throw new Error(`DEPENDS_RUNTIME=${runtime}: expected one of ${RUNTIMES.join(', ')}`);
  const running = await start(runtime, await bundle(runtime));
  project.provide('url', running.url);
  project.provide('runtime', runtime);
  return () => running.stop();
}
