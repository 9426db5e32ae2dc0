/**
 * The structural key of a schema, or `undefined` when it has none.
 *
 * @example
 * ```ts
 * structuralKey(z.number().min(1)) === structuralKey(z.number().min(1)) // true
 * structuralKey(z.string().refine((s) => s !== 'x'))                    // undefined
 * ```
 */
export declare function structuralKey(schema: unknown): string | undefined;
