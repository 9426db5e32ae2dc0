/**
 * The services plugin (`@depends/core/services`), opt-in: `inject(Token)`
 * resolves a service through tsyringe from a child container created for
 * the request (the request view registered in it), disposed at the
 * request's teardown. Loading it also lets classes stand as inputs. The
 * core never loads tsyringe or reflect-metadata unless this is imported.
 */
import 'reflect-metadata';
import { container as globalContainer, type DependencyContainer, type InjectionToken } from 'tsyringe';
import { createDependency, isDependency, isUse } from '../dependency/depends.js';
import type { CallContext, Dependency, Input } from '../dependency/types.js';
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
export const REQUEST: InjectionToken<unknown> = Symbol.for('depends.request');

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

/** The request's child container, with what disposes it at teardown. */
interface RequestContainer {
  readonly container: DependencyContainer;
  [Symbol.asyncDispose](): unknown;
}

/**
 * The request's child container of the app's `container` (or tsyringe's
 * global one): one per request, shared by every `inject()` of the request,
 * disposed at the request's teardown.
 */
const requestContainer = createDependency<RequestContainer>(
  {},
  (_: unknown, ctx: CallContext) => {
    const container = createRequestContainer(ctx.container as DependencyContainer | undefined, ctx.request);
    return { container, [Symbol.asyncDispose]: () => container.dispose() };
  },
  { name: 'container' },
);

const byToken = new WeakMap<object, Dependency<unknown>>();
const byPrimitive = new Map<string | symbol, Dependency<unknown>>();

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
export function inject<T>(token: InjectionToken<T>, options: InjectOptions = {}): Dependency<T> {
  const provide = options.provide ?? [];
  const cacheable = provide.length === 0 && options.name === undefined;
  if (cacheable) {
    const hit = typeof token === 'object' || typeof token === 'function' ? byToken.get(token as object) : byPrimitive.get(token as string | symbol);
    if (hit) return hit as Dependency<T>;
  }
  const inputs: Record<string, Input> = { container: requestContainer };
  provide.forEach(([, input], i) => {
    if (!isDependency(input) && !isUse(input) && typeof input !== 'function') throw new ConfigurationError(ErrorCode.InvalidDependency, `inject(${tokenName(token)}): provide needs dependencies`);
    inputs[`p${i}`] = input;
  });
  const name = options.name ?? `inject:${tokenName(token)}`;
  const dep = createDependency<T>(
    inputs,
    (values: Record<string, unknown>) => {
      const c = (values.container as RequestContainer).container;
      provide.forEach(([t], i) => c.register(t, { useValue: values[`p${i}`] }));
      return c.resolve(token);
    },
    { name, meta: { owns: false } },
  );
  if (cacheable) {
    if (typeof token === 'object' || typeof token === 'function') byToken.set(token as object, dep);
    else byPrimitive.set(token as string | symbol, dep);
  }
  return dep;
}

// A class given directly as an input is `inject(Class)`.
provideClassInputs((cls) => inject(cls as InjectionToken<unknown>));

function tokenName(token: InjectionToken<unknown>): string {
  if (typeof token === 'function') return token.name || 'anonymous';
  if (typeof token === 'symbol') return token.description ?? 'symbol';
  if (typeof token === 'string') return token;
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
export function createRequestContainer(root: DependencyContainer | undefined, request: unknown): DependencyContainer {
  const child = (root ?? globalContainer).createChildContainer();
  child.register(REQUEST, { useValue: request });
  return child;
}

export type { DependencyContainer, InjectionToken };
