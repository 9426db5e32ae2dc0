import type { PlacedNode, RoutePlace } from './tree.js';
/**
 * Fails for a documented header parameter that OpenAPI ignores
 * (`Authorization`, `Accept`, `Content-Type`); what a security scheme reads
 * for itself is not a parameter and passes.
 *
 * @example
 * ```ts
 * checkIgnoredHeader(route, placed)
 * // Route GET /me, input "auth": header('authorization') declares "Authorization" as a header parameter, which OpenAPI ignores: ... httpBearer() ...
 * ```
 */
export declare function checkIgnoredHeader(route: RoutePlace, placed: PlacedNode): void;
