/**
 * The two LIFO exit stacks of a request (FastAPI's `function` and `request`
 * stacks): generator teardowns and disposables, closed with or without the
 * request's error. An error is thrown into each open generator, which may
 * translate it; a generator that swallows it makes the request a 500.
 */
import { DependsError, ErrorCode, ErrorSwallowedError } from '../errors/catalogue.js';
import { isThenable } from '../util/thenable.js';
const NO_ERROR = Symbol('no error');
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
export function closeStack(exits, error) {
    let current = error ?? NO_ERROR;
    while (exits.length) {
        const exit = exits[exits.length - 1];
        if (exit.kind === 'asyncGenerator')
            return closeAsync(exits, current);
        exits.pop();
        try {
            if (exit.kind === 'generator') {
                const r = current !== NO_ERROR ? exit.gen.throw(current.error) : exit.gen.next();
                current = afterStep(exit, current, r.done === true);
            }
            else {
                const r = exit.dispose();
                if (isThenable(r)) {
                    return closeAsync(exits, current, r);
                }
            }
        }
        catch (e) {
            current = { error: e };
        }
    }
    return current;
}
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
export function closeBoth(stacks, error) {
    const second = (first) => closeStack(stacks.requestStack, isClean(first) ? undefined : first);
    const first = closeStack(stacks.functionStack, error);
    return isThenable(first) ? first.then(second) : second(first);
}
/** Whether a close result carries no error. */
export function isClean(result) {
    return result === NO_ERROR;
}
/** The rest of a stack once an exit is asynchronous: one `await` per async exit. */
async function closeAsync(exits, current, disposing) {
    if (disposing) {
        try {
            await disposing;
        }
        catch (e) {
            current = { error: e };
        }
    }
    while (exits.length) {
        const exit = exits.pop();
        const error = current === NO_ERROR ? undefined : current;
        try {
            if (exit.kind === 'asyncGenerator') {
                const r = error ? await exit.gen.throw(error.error) : await exit.gen.next();
                current = afterStep(exit, current, r.done === true);
            }
            else if (exit.kind === 'generator') {
                const r = error ? exit.gen.throw(error.error) : exit.gen.next();
                current = afterStep(exit, current, r.done === true);
            }
            else {
                await exit.dispose();
            }
        }
        catch (e) {
            current = { error: e };
        }
    }
    return current;
}
function afterStep(exit, current, done) {
    if (!done)
        return { error: new DependsError(ErrorCode.GeneratorYieldedTwice, `Teardown of dependency "${exit.name}" yielded more than once`) };
    if (current !== NO_ERROR)
        return { error: new ErrorSwallowedError(exit.name, current.error) };
    return NO_ERROR;
}
//# sourceMappingURL=exit-stack.js.map