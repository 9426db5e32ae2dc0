/**
 * The OpenAPI 3.1 document, built from the same route table the resolver
 * uses. (Skeleton: the builder is completed in the OpenAPI work.)
 */
import { DuplicateSchemeError } from '../errors/catalogue.js';
import { toOccurrence } from '../resolver/compile.js';
import type { Input } from '../dependency/types.js';
import type { AppRoute } from '../app/app.js';

/** Document-level options (`info`, `servers`, `tags`). */
export interface DocumentOptions {
  title?: string;
  version?: string;
  description?: string;
  servers?: readonly { url: string; description?: string }[];
  tags?: readonly { name: string; description?: string }[];
}

/** An OpenAPI 3.1 document (loosely typed JSON). */
export interface OpenAPIDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, any>>;
  components?: Record<string, any>;
  [key: string]: unknown;
}

/** Scheme names seen so far: the entry's JSON and the first route using it. */
export type SchemeRegistry = Map<string, { entry: string; label: string }>;

/**
 * Checks that every security scheme a route reaches has a name no other
 * scheme of a different shape uses; registers the names.
 *
 * @example
 * ```ts
 * checkSchemes(route, registry) // throws DuplicateSchemeError naming both routes
 * ```
 */
export function checkSchemes(route: Pick<AppRoute, 'def' | 'label' | 'dependencies'>, registry: SchemeRegistry): void {
  const seen = new Set<unknown>();
  const walk = (input: Input) => {
    const { dependency } = toOccurrence(input);
    if (seen.has(dependency)) return;
    seen.add(dependency);
    const sec = dependency.meta.security;
    if (sec?.kind === 'scheme') {
      const entry = JSON.stringify(sec.scheme.openapi);
      const prior = registry.get(sec.scheme.name);
      if (prior && prior.entry !== entry) throw new DuplicateSchemeError(sec.scheme.name, prior.label, route.label);
      if (!prior) registry.set(sec.scheme.name, { entry, label: route.label });
    }
    if (sec?.kind === 'anyOf') sec.alternatives.forEach(walk);
    Object.values(dependency.inputs).forEach(walk);
  };
  route.dependencies.forEach(walk);
  Object.values(route.def.inputs).forEach(walk);
}

/**
 * Builds the OpenAPI 3.1 document for a set of routes.
 *
 * @example
 * ```ts
 * const doc = buildDocument(app.routes, { title: 'Todo API', version: '1.0.0' })
 * ```
 */
export function buildDocument(routes: readonly AppRoute[], options: DocumentOptions): OpenAPIDocument {
  const paths: OpenAPIDocument['paths'] = {};
  for (const route of routes) {
    const p = route.label.slice(route.label.indexOf(' ') + 1);
    (paths[p] ??= {})[route.def.method.toLowerCase()] = { responses: { '200': { description: 'Successful Response' } } };
  }
  return { openapi: '3.1.0', info: { title: options.title ?? 'API', version: options.version ?? '0.1.0' }, paths };
}
