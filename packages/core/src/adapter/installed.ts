/**
 * What an adapter's install made (a checkpoint before a route's handlers, a
 * wrapped middleware, a wrapped parameter callback), marked on the function
 * itself with who made it: one app's `createDepends()` must tell its own
 * installs from another's on a router two apps share, and never wrap its
 * own work again.
 */

const KIND = Symbol('depends.installed');
const OWNERS = Symbol('depends.owners');

type Marked = Record<symbol, unknown>;

/**
 * Marks `fn` as made by an install: its `kind` (the adapter's own word:
 * `'wrapper'`, `'checkpoint'`, …), who made it (`owner`, one per
 * `createDepends()`) and the function it wraps (`inner`, itself perhaps
 * installed by another owner, whose marks it keeps).
 *
 * @example
 * ```ts
 * const wrapper = markInstalled((req, res, next) => fn(req, res, next), 'wrapper', this, fn)
 * installedKind(wrapper) // 'wrapper'
 * installedBy(wrapper, this) // true
 * ```
 */
export function markInstalled<F extends object>(fn: F, kind: string, owner: object, inner?: unknown): F {
  Object.defineProperty(fn, KIND, { value: kind });
  Object.defineProperty(fn, OWNERS, { value: [...ownersOf(inner), owner] });
  return fn;
}

/**
 * The kind {@link markInstalled} gave a function, or `undefined` for one no
 * install made.
 *
 * @example
 * ```ts
 * if (installedKind(layer.handle) === 'checkpoint') continue
 * ```
 */
export const installedKind = (fn: unknown): string | undefined => (typeof fn === 'function' ? ((fn as unknown as Marked)[KIND] as string | undefined) : undefined);

/**
 * Whether `owner` installed this function, or one it wraps (a router two
 * apps share, each with its own `createDepends()`, carries both).
 *
 * @example
 * ```ts
 * if (!installedBy(layer.handle, owner)) layer.handle = wrap(layer.handle)
 * ```
 */
export const installedBy = (fn: unknown, owner: object): boolean => ownersOf(fn).includes(owner);

const ownersOf = (fn: unknown): readonly object[] => (typeof fn === 'function' ? (((fn as unknown as Marked)[OWNERS] as object[] | undefined) ?? []) : []);
