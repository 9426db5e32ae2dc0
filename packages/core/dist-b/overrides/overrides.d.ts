import type { CallContext, Dependency } from '../dependency/types.js';
/** What can replace a dependency: another dependency, or a plain function. */
export type Replacement<T> = Dependency<T> | ((values: {}, context: CallContext) => T | Promise<T> | AsyncGenerator<T> | Generator<T>);
/**
 * A set of overrides owned by one app. Changes apply from the next request
 * on (plans are recompiled lazily).
 *
 * @example
 * ```ts
 * app.overrides.set(currentUser, () => ({ username: 'test', scopes: ['me'] }))
 * // ... requests now see the fake user ...
 * app.overrides.clear()
 *
 * // or for one block:
 * using _ = app.overrides.use(currentUser, () => fakeUser)
 * ```
 */
export declare class Overrides {
    #private;
    /** Increases on every change; compiled plans compare it. */
    get version(): number;
    /** Number of overrides set. */
    get size(): number;
    /**
     * Replaces `dependency` with `replacement` from the next request on.
     *
     * @example
     * ```ts
     * app.overrides.set(bearer, () => ({ scheme: 'Bearer', credentials: 'test-token' }))
     * ```
     */
    set<T>(dependency: Dependency<T>, replacement: Replacement<T>): this;
    /**
     * Sets an override for the life of the returned handle (`using`, or call
     * `dispose()`), restoring what was there before.
     *
     * @example
     * ```ts
     * test('me', async () => {
     *   using _ = app.overrides.use(currentUser, () => fakeUser)
     *   expect((await get('/users/me')).status).toBe(200)
     * })
     * ```
     */
    use<T>(dependency: Dependency<T>, replacement: Replacement<T>): Disposable & {
        dispose(): void;
    };
    /**
     * Removes the override of one dependency.
     *
     * @example
     * ```ts
     * app.overrides.delete(currentUser)
     * ```
     */
    delete(dependency: Dependency<any>): boolean;
    /**
     * Removes every override.
     *
     * @example
     * ```ts
     * afterEach(() => app.overrides.clear())
     * ```
     */
    clear(): void;
    /**
     * The replacement for a dependency, if any.
     *
     * @example
     * ```ts
     * app.overrides.get(currentUser) // Dependency | undefined
     * ```
     */
    get<T>(dependency: Dependency<T>): Dependency<T> | undefined;
}
