/**
 * Test overrides: replace any dependency (a security scheme included) for
 * one app, without touching module state. An override keeps the original's
 * scopes, cache key and teardown scope; the OpenAPI document never changes.
 */
import { createDependency, isDependency } from '../dependency/depends.js';
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
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
export class Overrides {
    #map = new Map();
    #version = 0;
    /** Increases on every change; compiled plans compare it. */
    get version() {
        return this.#version;
    }
    /** Number of overrides set. */
    get size() {
        return this.#map.size;
    }
    /**
     * Replaces `dependency` with `replacement` from the next request on.
     *
     * @example
     * ```ts
     * app.overrides.set(bearer, () => ({ scheme: 'Bearer', credentials: 'test-token' }))
     * ```
     */
    set(dependency, replacement) {
        if (!isDependency(dependency))
            throw new ConfigurationError(ErrorCode.InvalidDependency, 'overrides.set(): the first argument must be a dependency');
        const dep = isDependency(replacement)
            ? replacement
            : createDependency({}, replacement, { name: `override:${dependency.name}` });
        this.#map.set(dependency, dep);
        this.#version++;
        return this;
    }
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
    use(dependency, replacement) {
        const previous = this.#map.get(dependency);
        this.set(dependency, replacement);
        const restore = () => {
            if (previous)
                this.#map.set(dependency, previous);
            else
                this.#map.delete(dependency);
            this.#version++;
        };
        return { dispose: restore, [Symbol.dispose]: restore };
    }
    /**
     * Removes the override of one dependency.
     *
     * @example
     * ```ts
     * app.overrides.delete(currentUser)
     * ```
     */
    delete(dependency) {
        const had = this.#map.delete(dependency);
        if (had)
            this.#version++;
        return had;
    }
    /**
     * Removes every override.
     *
     * @example
     * ```ts
     * afterEach(() => app.overrides.clear())
     * ```
     */
    clear() {
        if (this.#map.size)
            this.#version++;
        this.#map.clear();
    }
    /**
     * The replacement for a dependency, if any.
     *
     * @example
     * ```ts
     * app.overrides.get(currentUser) // Dependency | undefined
     * ```
     */
    get(dependency) {
        return this.#map.get(dependency);
    }
}
//# sourceMappingURL=overrides.js.map