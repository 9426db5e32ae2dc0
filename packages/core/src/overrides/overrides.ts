/**
 * Test overrides: replace any dependency (a security scheme included) for
 * one app, without touching module state. An override keeps the original's
 * scopes, cache key and teardown scope; the OpenAPI document never changes.
 */
import { createDependency, isDependency } from '../dependency/depends.js';
import { ConfigurationError, ErrorCode } from '../errors/catalogue.js';
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
export class Overrides {
  readonly #map = new Map<Dependency<any>, Dependency<any>>();
  #version = 0;

  /** Increases on every change; compiled plans compare it. */
  get version(): number {
    return this.#version;
  }

  /** Number of overrides set. */
  get size(): number {
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
  set<T>(dependency: Dependency<T>, replacement: Replacement<T>): this {
    if (!isDependency(dependency)) throw new ConfigurationError(ErrorCode.InvalidDependency, 'overrides.set(): the first argument must be a dependency');
    const dep = isDependency(replacement)
      ? replacement
      : createDependency<T>({}, replacement as never, { name: `override:${dependency.name}` });
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
  use<T>(dependency: Dependency<T>, replacement: Replacement<T>): Disposable & { dispose(): void } {
    const previous = this.#map.get(dependency);
    this.set(dependency, replacement);
    const restore = () => {
      if (previous) this.#map.set(dependency, previous);
      else this.#map.delete(dependency);
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
  delete(dependency: Dependency<any>): boolean {
    const had = this.#map.delete(dependency);
    if (had) this.#version++;
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
  clear(): void {
    if (this.#map.size) this.#version++;
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
  get<T>(dependency: Dependency<T>): Dependency<T> | undefined {
    return this.#map.get(dependency);
  }
}

