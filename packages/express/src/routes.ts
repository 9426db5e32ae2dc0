/**
 * Express's route table (internal): where each handler function is
 * registered, for the document's single-handler routes.
 */
import { joinPath } from '@depends/core/adapter';

interface Layer {
  route?: { path: unknown; stack: { method?: string; handle: unknown }[] };
  handle?: { stack?: unknown };
  /** Express 5 (`router` 2): the path a `use()` layer was mounted on. */
  rawPath?: unknown;
  /** Express 4: `fast_slash` marks a `use()` at `/`. */
  regexp?: { fast_slash?: boolean };
}

const strings = (p: unknown): string[] => (typeof p === 'string' ? [p] : Array.isArray(p) ? p.filter((x) => typeof x === 'string') : []);

/** The layer stack of an Express app (5: `app.router`, 4: `app._router`) or router. */
export function stackOf(target: unknown): Layer[] {
  const t = target as { router?: { stack?: Layer[] }; _router?: { stack?: Layer[] }; stack?: Layer[] };
  if (Array.isArray(t.stack)) return t.stack;
  // Express 4 keeps the router in `_router`; its `app.router` getter throws
  if (t._router?.stack) return t._router.stack;
  return t.router?.stack ?? [];
}

/**
 * Every `[handler, METHOD, path]` of an Express layer stack, nested routers
 * included (their mount path is known on Express 5, and on 4 for `/`).
 * Routes with RegExp paths and `all()` handlers are skipped.
 */
export function* expressRoutes(stack: readonly Layer[], prefix = ''): Generator<[unknown, string, string]> {
  for (const layer of stack) {
    if (layer.route) {
      for (const path of strings(layer.route.path))
        for (const l of layer.route.stack) if (l.method) yield [l.handle, l.method.toUpperCase(), joinPath(prefix, path)];
    } else if (Array.isArray(layer.handle?.stack)) {
      const mounts = layer.rawPath !== undefined ? strings(layer.rawPath) : layer.regexp?.fast_slash ? ['/'] : [];
      for (const mount of mounts) yield* expressRoutes(layer.handle.stack as Layer[], mount === '/' ? prefix : joinPath(prefix, mount));
    }
  }
}
