/**
 * The two LIFO exit stacks of a request (FastAPI's `function` and `request`
 * stacks): generator teardowns and disposables, closed with or without the
 * request's error. An error is thrown into each open generator, which may
 * translate it; a generator that swallows it makes the request a 500.
 */
import { ErrorSwallowedError } from '../errors/catalogue.js';

/** One teardown: a suspended generator or a disposable. */
export type Exit =
  | { readonly kind: 'generator'; readonly name: string; readonly gen: Generator<unknown, unknown, unknown> }
  | { readonly kind: 'asyncGenerator'; readonly name: string; readonly gen: AsyncGenerator<unknown, unknown, unknown> }
  | { readonly kind: 'dispose'; readonly name: string; readonly dispose: () => unknown };

const NO_ERROR = Symbol('no error');

/** The result of closing a stack: no error, or the error that remains. */
export type CloseResult = typeof NO_ERROR | { readonly error: unknown };

/**
 * Closes every exit of a stack, last first. With `error`, the error is
 * thrown into each generator in turn; whatever each raises replaces it.
 * Returns the error that remains (or none), synchronously when every exit
 * is synchronous.
 *
 * @example
 * ```ts
 * const result = await closeStack(exits, new Error('boom'))
 * ```
 */
export function closeStack(exits: Exit[], error?: { error: unknown }): CloseResult | Promise<CloseResult> {
  let current: CloseResult = error ?? NO_ERROR;
  while (exits.length) {
    const step = closeOne(exits.pop()!, current);
    if (step instanceof Promise) return closeRest(exits, step);
    current = step;
  }
  return current;
}

/** The rest of a stack once one exit was asynchronous. */
async function closeRest(exits: Exit[], pending: Promise<CloseResult>): Promise<CloseResult> {
  let current = await pending;
  while (exits.length) {
    const step = closeOne(exits.pop()!, current);
    current = step instanceof Promise ? await step : step;
  }
  return current;
}

/** Whether a close result carries no error. */
export function isClean(result: CloseResult): result is typeof NO_ERROR {
  return result === NO_ERROR;
}

function closeOne(exit: Exit, current: CloseResult): CloseResult | Promise<CloseResult> {
  const failing = current !== NO_ERROR;
  try {
    if (exit.kind === 'generator') {
      const r = failing ? exit.gen.throw(current.error) : exit.gen.next();
      return afterStep(exit, current, r.done === true);
    }
    if (exit.kind === 'asyncGenerator') {
      const p = failing ? exit.gen.throw(current.error) : exit.gen.next();
      return p.then(
        (r) => afterStep(exit, current, r.done === true),
        (e) => ({ error: e }),
      );
    }
    const r = exit.dispose();
    if (r && typeof (r as Promise<unknown>).then === 'function') {
      return (r as Promise<unknown>).then(
        () => current,
        (e) => ({ error: e }),
      );
    }
    return current;
  } catch (e) {
    return { error: e };
  }
}

function afterStep(exit: Exit, current: CloseResult, done: boolean): CloseResult {
  if (!done) return { error: new Error(`Teardown of dependency "${exit.name}" yielded more than once`) };
  if (current !== NO_ERROR) return { error: new ErrorSwallowedError(exit.name, current.error) };
  return NO_ERROR;
}
