/**
 * Walks one route's analysed tree (see `model/`) the way FastAPI's OpenAPI
 * code does (pre-order, declaration order, app → router → route
 * dependencies, then the handler's inputs; a subtree seen with the same
 * scopes is skipped) and collects what the document needs: request sources, security schemes with their scopes and their
 * AND/OR/optional structure, and which error answers the route can give.
 */
import type { Dependency, SchemeInfo, SourceSpec } from '../dependency/types.js';
import { DuplicateSchemeError } from '../errors/catalogue.js';
import type { DependencyNode, RouteTree } from '../model/tree.js';
import { product, type Alternative, type Factor } from './requirements.js';

/** A scheme reached by some route, with the label of the first route. */
export interface SchemeUse {
  readonly info: SchemeInfo;
  readonly entry: string;
  readonly label: string;
}

/** What a walk found in one route (or in the global security). */
export interface RouteFacts {
  /** Parameter sources, first seen first (not yet filtered). */
  readonly params: SourceSpec[];
  /** JSON body and form sources, first seen first. */
  readonly bodies: SourceSpec[];
  /** `in:name` of every header (lower-case), query key and cookie a scheme consumes. */
  consumed: Set<string> | undefined;
  /** Scheme name → accumulated scopes (union, first-seen order); key order = first seen. */
  scopes: Map<string, string[]> | undefined;
  /** The AND of the route's security factors. */
  readonly factors: Factor[];
  /** A request source is read (and validated) outside security schemes. */
  validated: boolean;
  /** A dependency that enforces scopes is reached with scopes. */
  enforcesScopes: boolean;
  /** A `{ kind: 'public' }` marker is reached. */
  publicMarker: boolean;
  /** Extra statuses declared by dependencies (`meta.responses`). */
  statuses: Set<number> | undefined;
  /** More 401 challenges declared by dependencies (`meta.operation.challenges`), first seen first. */
  challenges?: string[];
  /** `x-` extensions of the operation declared by dependencies (`meta.operation.extensions`). */
  extensions?: Record<string, unknown>;
}

/** Per-walk state: where security factors go and what was visited. */
interface Branch {
  readonly factors: Factor[];
  /** Dependencies visited with no scopes. */
  readonly plain: Set<Dependency<any>>;
  /** Dependencies visited with scopes: the scope lists seen. */
  readonly scoped: Map<Dependency<any>, Set<string>>;
}

const branchOf = (factors: Factor[] = []): Branch => ({ factors, plain: new Set(), scoped: new Map() });
const consumedKeys = new WeakMap<SchemeInfo, readonly string[]>();

/** `in:name` keys of what a scheme consumes (header names lower-cased). */
function consumedBy(info: SchemeInfo): readonly string[] {
  let keys = consumedKeys.get(info);
  if (!keys) consumedKeys.set(info, (keys = info.consumes.map((c) => `${c.in}:${c.in === 'header' ? c.name.toLowerCase() : c.name}`)));
  return keys;
}

const schemeEntries = new WeakMap<SchemeInfo, string>();

/** JSON with object keys sorted, so that key order never makes two entries differ. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The canonical JSON text of a scheme's `securitySchemes` entry (keys
 * sorted; memoised per scheme): two schemes with one name clash when it
 * differs.
 *
 * @example
 * ```ts
 * schemeEntry(info) // '{"scheme":"bearer","type":"http"}'
 * ```
 */
export function schemeEntry(info: SchemeInfo): string {
  let entry = schemeEntries.get(info);
  if (entry === undefined) schemeEntries.set(info, (entry = canonicalJson(info.openapi)));
  return entry;
}

/**
 * Records a scheme under its name; throws {@link DuplicateSchemeError}
 * (naming both routes) when another scheme shape already holds the name.
 *
 * @example
 * ```ts
 * registerScheme(registry, info, 'GET /me')
 * ```
 */
export function registerScheme(registry: Map<string, SchemeUse>, info: SchemeInfo, label: string): void {
  const entry = schemeEntry(info);
  const prior = registry.get(info.name);
  if (!prior) registry.set(info.name, { info, entry, label });
  else if (prior.entry !== entry) throw new DuplicateSchemeError(info.name, prior.label, label);
}

/** One walk: where its findings go. */
interface Walk {
  readonly facts: RouteFacts;
  readonly registry: Map<string, SchemeUse>;
  readonly label: string;
}

function visit(walk: Walk, node: DependencyNode, branch: Branch, documented: boolean): void {
  const dep = node.dependency;
  const meta = dep.meta;
  if (meta.builtin !== undefined) return;
  const scopes = node.scopes;
  if (scopes.length === 0) {
    if (branch.plain.has(dep)) return;
    branch.plain.add(dep);
  } else {
    const key = scopes.join(' ');
    let seen = branch.scoped.get(dep);
    if (seen?.has(key)) return;
    if (!seen) branch.scoped.set(dep, (seen = new Set()));
    seen.add(key);
  }
  const { facts } = walk;
  const children = node.children;
  if (meta.responses) for (const status of meta.responses) (facts.statuses ??= new Set()).add(status);
  if (meta.operation) {
    for (const challenge of meta.operation.challenges ?? []) if (!(facts.challenges ??= []).includes(challenge)) facts.challenges.push(challenge);
    for (const [key, value] of Object.entries(meta.operation.extensions ?? {})) if (key.startsWith('x-')) (facts.extensions ??= {})[key] = value;
  }
  if (meta.enforcesScopes && scopes.length > 0) facts.enforcesScopes = true;
  const security = node.security;
  if (security !== undefined) {
    if (security.kind === 'scheme') {
      const info = security.scheme;
      registerScheme(walk.registry, info, walk.label);
      const all = (facts.scopes ??= new Map());
      // A client certificate grants no scopes: a `mutualTLS` requirement (under a certificate-bound token scheme) lists none.
      const listed = info.openapi.type === 'mutualTLS' ? [] : scopes;
      const known = all.get(info.name);
      if (!known) all.set(info.name, [...listed]);
      else for (const s of listed) if (!known.includes(s)) known.push(s);
      for (const key of consumedBy(info)) (facts.consumed ??= new Set()).add(key);
      branch.factors.push(info.optional ? [[], [info.name]] : [[info.name]]);
      // What a scheme reads is its own business: no parameters, no 422.
      for (const edge of children) visit(walk, edge.node, branch, false);
      return;
    }
    if (security.kind === 'anyOf') {
      // `anyOf([...], { autoError: false })`: no credential at all is accepted too.
      const alternatives: Alternative[] = security.optional ? [[]] : [];
      for (const alt of node.alternatives ?? []) {
        const sub = branchOf();
        visit(walk, alt, sub, documented);
        alternatives.push(...product(sub.factors));
      }
      branch.factors.push(product([alternatives]));
      // Its own inputs (usually the alternatives again) add no requirement of their own.
      const discard = branchOf();
      for (const edge of children) visit(walk, edge.node, discard, documented);
      return;
    }
    if (security.kind === 'public') facts.publicMarker = true;
  }
  const source = meta.source;
  if (source !== undefined && documented) {
    facts.validated = true;
    const list = source.in === 'body' || source.in === 'form' ? facts.bodies : facts.params;
    if (!list.includes(source)) list.push(source);
  }
  for (const edge of children) visit(walk, edge.node, branch, documented);
}

/**
 * Walks a route's tree: its outer dependencies first (app, global
 * security, router, route — outermost first), then the handler's inputs.
 *
 * @example
 * ```ts
 * const facts = walkRoute(route.tree, registry)
 * facts.scopes // Map { 'OAuth2PasswordBearer' => ['items', 'me'] }
 * ```
 */
export function walkRoute(tree: RouteTree, registry: Map<string, SchemeUse>): RouteFacts {
  const facts: RouteFacts = {
    params: [],
    bodies: [],
    consumed: undefined,
    scopes: undefined,
    factors: [],
    validated: false,
    enforcesScopes: false,
    publicMarker: false,
    statuses: undefined,
  };
  const walk: Walk = { facts, registry, label: tree.label };
  const root = branchOf(facts.factors);
  for (const node of tree.dependencies) visit(walk, node, root, true);
  for (const edge of tree.inputs) visit(walk, edge.node, root, true);
  return facts;
}
