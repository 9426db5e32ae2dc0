import type { PlacedNode, RoutePlace } from './tree.js';
/**
 * Fails for a scope required of an OAuth2 scheme that none of its flows
 * declares; the message names the key where the scope was required.
 *
 * @example
 * ```ts
 * checkDeclaredScopes(route, placed)
 * // Route GET /items, input "user": scope "itmes" is not declared by the OAuth2 scheme "OAuth2PasswordBearer" (it declares: me, items) ...
 * ```
 */
export declare function checkDeclaredScopes(route: RoutePlace, placed: PlacedNode): void;
