/**
 * `@depends/core/services`: class injection, opt-in. `inject(Token)` and
 * classes given directly as inputs resolve through tsyringe from a child
 * container created for each request. Importing this entry loads tsyringe
 * and reflect-metadata; `@depends/core` alone loads neither.
 *
 * @example
 * ```ts
 * import { inject, REQUEST } from '@depends/core/services'
 * const items = inject(ItemService, { provide: [[CURRENT_USER, currentUser]] })
 * router.get('/items', { items }, ({ items }) => items.list())
 * ```
 */
export { inject, REQUEST, createRequestContainer } from './inject.js';
export type { InjectOptions, DependencyContainer, InjectionToken } from './inject.js';
