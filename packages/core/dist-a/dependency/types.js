/** Marks a value as a dependency. */
export const kDependency = Symbol.for('depends.dependency');
/** Marks a value as one use of a dependency with per-use options. */
export const kUse = Symbol.for('depends.use');
//# sourceMappingURL=types.js.map