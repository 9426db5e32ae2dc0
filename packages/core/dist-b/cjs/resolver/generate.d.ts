import { type CompiledPlan, type Plan } from './plan.js';
/**
 * Generates the function of a plan, or returns `undefined` when the runtime
 * refuses to compile code from strings now (a Worker serving a request):
 * the caller then runs the interpreter. Any other error is a bug and is
 * thrown.
 *
 * @example
 * ```ts
 * const run = generatePlan(plan)
 * const result = run ? run(ex, k) : executeThen(plan, ex, k)
 * ```
 */
export declare function generatePlan(plan: Plan): CompiledPlan | undefined;
/**
 * The source of a plan's function. Each step `i` of `P.steps` is a labelled
 * block; `S<i>` is the step, whose function is called as the interpreter
 * calls it (`S<i>.fn(args, ex)`, the same `this`); `break` leaves the block
 * when the step is done without a value of its own (failed inputs, a
 * collected validation problem).
 *
 * @example
 * ```ts
 * planSource(plan) // '…s1: {\n…try { o = S1.fn(a, ex); } catch (e) { … }…'
 * ```
 */
export declare function planSource(plan: Plan): string;
