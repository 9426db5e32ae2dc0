/**
 * The services plugin (`@depends/core/services`), opt-in: `inject(Token)`
 * resolves a service through tsyringe from a child container created for
 * the request (the request view registered in it), disposed at the
 * request's teardown. Loading it also lets classes stand as inputs. The
 * core never loads tsyringe or reflect-metadata unless this is imported.
 */
import 'reflect-metadata';
import { container as globalContainer } from 'tsyringe';
import { createDependency, isDependency, isUse } from '../dependency/depends.js';
import { provideClassInputs } from '../dependency/use.js';
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
/**
 * Token under which the request's view is registered in the per-request
 * container.
 *
 * @example
 * ```ts
 * import { inject as tsInject, injectable } from 'tsyringe'
 * @injectable()
 * class Audit { constructor(@tsInject(REQUEST) private request: RequestView) {} }
 * ```
 */
export const REQUEST = Symbol.for('depends.request');
/**
 * The request's child container of the app's `container` (or tsyringe's
 * global one): one per request, shared by every `inject()` of the request,
 * disposed at the request's teardown.
 */
const requestContainer = createDependency({}, (_, ctx) => {
    const container = createRequestContainer(ctx.container, ctx.request);
    return { container, [Symbol.asyncDispose]: () => container.dispose() };
}, { name: 'container' });
const byToken = new WeakMap();
const byPrimitive = new Map();
/**
 * A dependency that resolves a tsyringe token (a class, a string or a
 * symbol) from the request's child container. Classes decorated with
 * `@injectable()` get their constructor arguments by type (decorator
 * metadata) or by `@inject(token)`; `provide` registers values of other
 * dependencies so services can depend on request-scoped values. A class
 * given directly as an input is the same as `inject(Class)`.
 *
 * @example
 * ```ts
 * import { inject as tsInject, injectable } from 'tsyringe'
 * @injectable()
 * class ItemService { constructor(@tsInject(CURRENT_USER) readonly user: User, readonly repo: ItemRepo) {} }
 *
 * const items = inject(ItemService, { provide: [[CURRENT_USER, currentUser]] })
 * router.get('/items', { items }, ({ items }) => items.list())
 * ```
 */
export function inject(token, options = {}) {
    const provide = options.provide ?? [];
    const cacheable = provide.length === 0 && options.name === undefined;
    if (cacheable) {
        const hit = typeof token === 'object' || typeof token === 'function' ? byToken.get(token) : byPrimitive.get(token);
        if (hit)
            return hit;
    }
    const inputs = { container: requestContainer };
    provide.forEach(([, input], i) => {
        if (!isDependency(input) && !isUse(input) && typeof input !== 'function')
            throw new ConfigurationError(ErrorCode.InvalidDependency, `inject(${tokenName(token)}): provide needs dependencies`);
        inputs[`p${i}`] = input;
    });
    const name = options.name ?? `inject:${tokenName(token)}`;
    const dep = createDependency(inputs, (values) => {
        const c = values.container.container;
        provide.forEach(([t], i) => c.register(t, { useValue: values[`p${i}`] }));
        return c.resolve(token);
    }, { name, meta: { owns: false } });
    if (cacheable) {
        if (typeof token === 'object' || typeof token === 'function')
            byToken.set(token, dep);
        else
            byPrimitive.set(token, dep);
    }
    return dep;
}
// A class given directly as an input is `inject(Class)`.
provideClassInputs((cls) => inject(cls));
function tokenName(token) {
    if (typeof token === 'function')
        return token.name || 'anonymous';
    if (typeof token === 'symbol')
        return token.description ?? 'symbol';
    if (typeof token === 'string')
        return token;
    return 'token';
}
/**
 * Creates the per-request child container of `root` with the request view
 * registered under {@link REQUEST}.
 *
 * @example
 * ```ts
 * const child = createRequestContainer(container, request)
 * child.resolve(REQUEST) === request // true
 * ```
 */
export function createRequestContainer(root, request) {
    const child = (root ?? globalContainer).createChildContainer();
    child.register(REQUEST, { useValue: request });
    return child;
}
//# sourceMappingURL=inject.js.map