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
 * const owner = {} // one per createDepends()
 * const fn = (req: unknown, res: unknown, next: () => void) => next()
 * const wrapper = markInstalled((req: unknown, res: unknown, next: () => void) => fn(req, res, next), 'wrapper', owner, fn)
 * installedKind(wrapper) // 'wrapper'
 * installedBy(wrapper, owner) // true
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
 * const isCheckpoint = (fn: unknown) => installedKind(fn) === 'checkpoint'
 * ```
 */
export const installedKind = (fn: unknown): string | undefined => (typeof fn === 'function' ? ((fn as unknown as Marked)[KIND] as string | undefined) : undefined);

/**
 * Whether `owner` installed this function, or one it wraps (a router two
 * apps share, each with its own `createDepends()`, carries both).
 *
 * @example
 * ```ts
 * const layer = { handle: (): void => undefined }
 * const owner = {}
 * if (!installedBy(layer.handle, owner)) layer.handle = markInstalled(() => layer.handle(), 'wrapper', owner, layer.handle)
 * ```
 */
export const installedBy = (fn: unknown, owner: object): boolean => ownersOf(fn).includes(owner);

const ownersOf = (fn: unknown): readonly object[] => (typeof fn === 'function' ? (((fn as unknown as Marked)[OWNERS] as object[] | undefined) ?? []) : []);
