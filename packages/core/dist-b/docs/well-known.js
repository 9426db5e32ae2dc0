import { jsonAnswer } from '../response/reply.js';
/**
 * The routes of the {@link WellKnownDocument}s: each answers its JSON
 * (`Content-Type: application/json`, `X-Content-Type-Options: nosniff`),
 * built once per OpenAPI document object.
 *
 * @example
 * ```ts
 * const [route] = wellKnownRoutes(() => app.openapi(), [about], { docsPath: '/docs' })
 * route.path             // '/.well-known/about'
 * route.answer().status  // 200
 * ```
 */
export function wellKnownRoutes(document, entries, context) {
    const list = entries === undefined ? [] : Array.isArray(entries) ? entries : [entries];
    return list.map((entry) => {
        const built = new WeakMap();
        return {
            path: entry.path,
            answer: () => {
                const doc = document();
                let answer = built.get(doc);
                if (answer === undefined)
                    built.set(doc, (answer = jsonAnswer(200, entry.build(doc, context), { 'x-content-type-options': 'nosniff' })));
                return answer;
            },
        };
    });
}
/**
 * Builds each document once against `document`: what the startup check runs
 * so that a declaration the document cannot describe fails before the
 * server listens.
 *
 * @example
 * ```ts
 * checkWellKnown(app.openapi(), [about], { docsPath: '/docs' }) // throws the ConfigurationError of a mistake
 * ```
 */
export function checkWellKnown(document, entries, context) {
    for (const entry of entries)
        entry.build(document, context);
}
//# sourceMappingURL=well-known.js.map