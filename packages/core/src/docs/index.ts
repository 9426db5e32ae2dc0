/** Docs page helpers (filled in by the OpenAPI work). */
export {};
