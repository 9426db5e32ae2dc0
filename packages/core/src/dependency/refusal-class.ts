/**
 * The class of a refusal as this copy of the core defines it. Import
 * `Refusal` from `refusal.ts`, the class every copy of the core in the
 * process shares (see `shared`): a refusal made by another copy must never
 * be taken for a dependency's value.
 */

/**
 * A refusal returned instead of thrown (see {@link refuse}). It never
 * reaches a dependant or a handler: a dependency's value type leaves it out.
 *
 * @example
 * ```ts
 * const r: Refusal = refuse(invalidToken())
 * r.error // the HTTPException the request is answered with
 * ```
 */
export class Refusal {
  readonly error: unknown;
  /** Keeps the type nominal: `Exclude<T, Refusal>` removes refusals, not every object with an `error` field. */
  declare private readonly refusal: true;
  constructor(error: unknown) {
    this.error = error;
  }
}
