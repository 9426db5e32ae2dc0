/**
 * A refusal returned instead of thrown. The library's own dependencies
 * (security schemes, `anyOf`, `withScopes`) refuse a request — a 401, a 403 —
 * by returning one: the resolver handles it exactly as if `error` had been
 * thrown by the dependency, without the cost of a `throw` (a throw makes V8
 * walk the stack to locate it, which costs more than the rest of a refused
 * request). Not part of the public API: user code throws.
 */
export class Refusal {
  readonly error: unknown;
  constructor(error: unknown) {
    this.error = error;
  }
}
