/**
 * Compiles a route's analysed tree (see `model/`) into a {@link Plan}: one
 * step per node, post-order, in FastAPI's order; nodes the tree shares
 * (cached per request) share one slot. An `anyOf` node becomes one step
 * holding a branch per alternative (the alternative's own steps, run only
 * when it is chosen), so overrides and scopes reach the alternatives as
 * they reach any other node.
 */
import type { CallContext, Input, Inputs } from '../dependency/types.js';
import type { RouteTree } from '../model/tree.js';
import type { Overrides } from '../overrides/overrides.js';
import { type Plan } from './plan.js';
/**
 * Compiles an analysed route into a plan whose root step calls `handler`
 * with the route's inputs. Unless `generate` is false (or the runtime
 * refuses it), the plan also gets its generated function (`plan.run`, see
 * `generate.ts`); without it the interpreter runs the plan.
 *
 * @example
 * ```ts
 * const plan = compileTree(analyse({ label: 'GET /me', dependencies: [], inputs: { user } }), ({ user }) => user)
 * ```
 */
export declare function compileTree(tree: RouteTree, handler: (values: any, context: CallContext) => unknown, generate?: boolean): Plan;
/** What to compile: the route's handler, its inputs, and its parameterless dependencies. */
export interface CompileInput {
    /** Label for messages, e.g. `GET /items`. */
    readonly label: string;
    readonly inputs: Inputs;
    /** App, router and route dependencies, outermost first; values discarded. */
    readonly dependencies: readonly Input[];
    readonly handler: (values: any, context: any) => unknown;
    readonly overrides?: Overrides;
}
/**
 * Analyses and compiles a route in one call. Throws a `ConfigurationError`
 * naming the route for a cycle or a teardown scope violation.
 *
 * @example
 * ```ts
 * const plan = compile({ label: 'GET /me', inputs: { user }, dependencies: [], handler: ({ user }) => user })
 * ```
 */
export declare function compile(input: CompileInput): Plan;
