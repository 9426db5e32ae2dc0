/**
 * The services plugin (`@depends/core/services`), opt-in: `inject(Token)`
 * resolves a service through tsyringe from a child container created for
 * the request (the request view registered in it), disposed at the
 * request's teardown. Loading it also lets classes stand as inputs. The
 * core never loads tsyringe or reflect-metadata unless this is imported.
 */
import 'reflect-metadata';
import { type DependencyContainer, type InjectionToken } from 'tsyringe';
import type { Dependency, Input } from '../dependency/types.js';
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
export declare const REQUEST: InjectionToken<unknown>;
/** Options of `inject()`. */
export interface InjectOptions {
    /**
     * Request-scoped values to register in the per-request container before
     * resolving, each under its token: `[[CURRENT_USER, currentUser]]`.
     */
    provide?: readonly (readonly [InjectionToken<any>, Input])[];
    /** Name for error messages. */
    name?: string;
}
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
export declare function inject<T>(token: InjectionToken<T>, options?: InjectOptions): Dependency<T>;
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
export declare function createRequestContainer(root: DependencyContainer | undefined, request: unknown): DependencyContainer;
export type { DependencyContainer, InjectionToken };
