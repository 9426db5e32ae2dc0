// Loaded by `pnpm start` (`tsx --import ./scripts/app-peers.mjs`): the
// example runs the @depends packages from their source, and a package finds
// its peer dependencies (hono, koa, @koa/router, zod...) where the
// repository's full install links them, in its own node_modules. The start
// line of the README installs only what the example runs (`pnpm install
// --prod --filter todo-api...`), which links no package's devDependencies,
// so there a peer is resolved from this example's own dependencies instead:
// as an app that installs the packages from npm provides their peers.
import { register } from 'node:module';

register('./app-peers-hook.mjs', import.meta.url);
