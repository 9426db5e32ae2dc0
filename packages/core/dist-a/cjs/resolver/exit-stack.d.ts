/** One teardown: a suspended generator or a disposable. */
export type Exit = {
    readonly kind: 'generator';
    readonly name: string;
    readonly gen: Generator<unknown, unknown, unknown>;
} | {
    readonly kind: 'asyncGenerator';
    readonly name: string;
    readonly gen: AsyncGenerator<unknown, unknown, unknown>;
} | {
    readonly kind: 'dispose';
    readonly name: string;
    readonly dispose: () => unknown;
};
declare const NO_ERROR: unique symbol;
/** The result of closing a stack: no error, or the error that remains. */
export type CloseResult = typeof NO_ERROR | {
    readonly error: unknown;
};
/**
 * Closes every exit of a stack, last first. With `error`, the error is
 * thrown into each generator in turn; whatever each raises replaces it.
 * Returns the error that remains (or none), synchronously when every exit
 * is synchronous.
 *
 * @example
 * ```ts
 * const result = await closeStack(exits, { error: new Error('boom') })
 * ```
 */
export declare function closeStack(exits: Exit[], error?: {
    error: unknown;
}): CloseResult | Promise<CloseResult>;
/**
 * Closes both exit stacks of a request, the function stack first, then the
 * request stack with whatever error remains: the one way every caller
 * (a served route that failed, a guard once the response is sent,
 * `resolve()`) ends a request's teardowns. Synchronous when every exit is.
 *
 * @example
 * ```ts
 * const remaining = await closeBoth(ex, { error })
 * ```
 */
export declare function closeBoth(stacks: {
    readonly functionStack: Exit[];
    readonly requestStack: Exit[];
}, error?: {
    error: unknown;
}): CloseResult | Promise<CloseResult>;
/** Whether a close result carries no error. */
export declare function isClean(result: CloseResult): result is typeof NO_ERROR;
export {};
