/**
 * A JSON value (what the page's configuration may hold).
 *
 * @example
 * ```ts
 * const value: JsonValue = { docExpansion: 'none', tryItOutEnabled: true }
 * ```
 */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | {
    readonly [key: string]: JsonValue;
};
/**
 * Swagger UI's `initOAuth()` options (client credentials sent by the Authorize dialog).
 *
 * @example
 * ```ts
 * swaggerUiHtml({ openapiUrl: '/openapi.json', initOAuth: { clientId: 'docs', usePkceWithAuthorizationCodeGrant: true } })
 * ```
 */
export interface SwaggerUiOAuthOptions {
    clientId?: string;
    clientSecret?: string;
    realm?: string;
    appName?: string;
    /** Scopes pre-selected in the dialog (space-separated string or list). */
    scopes?: string | readonly string[];
    additionalQueryStringParams?: Readonly<Record<string, string>>;
    useBasicAuthenticationWithAccessCodeGrant?: boolean;
    usePkceWithAuthorizationCodeGrant?: boolean;
}
/**
 * Options of {@link swaggerUiHtml}.
 *
 * @example
 * ```ts
 * const options: SwaggerUiOptions = { openapiUrl: '/openapi.json', title: 'Todo API', assetsPath: '/docs' }
 * ```
 */
export interface SwaggerUiOptions {
    /** URL of the OpenAPI document (e.g. `/openapi.json`). */
    openapiUrl: string;
    /** Page title (default `"API docs"`). */
    title?: string;
    /** URL path under which `docsAsset()` files are served (default `/docs`). */
    assetsPath?: string;
    /** Same as `assetsPath` (either may be given; `assetsPath` wins). */
    assetsUrl?: string;
    /**
     * Where the OAuth2 authorization-code / implicit flows come back to
     * (default `<assetsPath>/oauth2-redirect.html`, one of the served assets);
     * resolved against the page's URL in the browser.
     */
    oauth2RedirectUrl?: string;
    /**
     * Keep the credentials entered in Authorize across reloads (default
     * `false`). Swagger UI keeps them in the browser's `localStorage` in clear
     * text — passwords of the OAuth2 password flow and of HTTP Basic included —
     * so turn it on only where that is acceptable (a developer's machine).
     */
    persistAuthorization?: boolean;
    /** Client settings for the OAuth2 dialog (Swagger UI's `initOAuth`). */
    initOAuth?: SwaggerUiOAuthOptions;
    /**
     * The document's server is the address the request for it was sent to, as
     * the API saw it: in the browser the page uses its own address instead
     * (the same server, where a proxy on the way may have changed the host or
     * the scheme), followed by the path the page is mounted under. Default
     * `false`: the document's servers as they are.
     */
    serverFromPage?: boolean;
    /** More Swagger UI configuration (JSON values only), e.g. `{ docExpansion: 'none' }`. */
    parameters?: Readonly<Record<string, JsonValue>>;
}
/**
 * The configuration object the page hands to `SwaggerUIBundle()` (the
 * presets are added by the initialiser script).
 *
 * @example
 * ```ts
 * swaggerUiConfig({ openapiUrl: '/openapi.json' }).persistAuthorization // false (opt in: it stores passwords in localStorage)
 * ```
 */
export declare function swaggerUiConfig(options: SwaggerUiOptions): Record<string, JsonValue>;
/**
 * The Swagger UI page for a document: loads `swagger-ui.css`,
 * `swagger-ui-bundle.js` and a small initialiser from `assetsPath` (served
 * with `docsAsset()`), with no CDN and no inline script (the configuration
 * travels as a JSON block, so a strict Content-Security-Policy works).
 * `persistAuthorization` is off unless asked for; the OAuth2 password flow posts to the
 * document's `tokenUrl` (relative URLs resolve against the page's origin);
 * the authorization-code flow comes back to `oauth2-redirect.html`.
 *
 * @example
 * ```ts
 * const html = swaggerUiHtml({ openapiUrl: '/openapi.json', title: 'Todo API', assetsPath: '/docs' })
 * // GET /docs            → html (text/html)
 * // GET /docs/:file      → docsAsset(file) or 404
 * ```
 */
export declare function swaggerUiHtml(options: SwaggerUiOptions): string;
/**
 * The OAuth2 redirect page, for an adapter that serves it somewhere else
 * than among the assets (it loads `oauth2-redirect.js` from `assetsPath`).
 *
 * @example
 * ```ts
 * // GET /docs/oauth2-redirect → swaggerUiOAuth2RedirectHtml({ assetsPath: '/docs/assets' })
 * ```
 */
export declare function swaggerUiOAuth2RedirectHtml(options?: Pick<SwaggerUiOptions, 'assetsPath' | 'assetsUrl'>): string;
