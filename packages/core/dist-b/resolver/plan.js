/** How a step produces its value. */
export var StepKind;
(function (StepKind) {
    /** Plain or async function (a returned promise is awaited). */
    StepKind[StepKind["Plain"] = 0] = "Plain";
    /** Sync generator: run to its `yield`, close at teardown. */
    StepKind[StepKind["Generator"] = 1] = "Generator";
    /** Async generator: run to its `yield`, close at teardown. */
    StepKind[StepKind["AsyncGenerator"] = 2] = "AsyncGenerator";
    /** A value fixed at compile time (`securityScopes`). */
    StepKind[StepKind["Constant"] = 3] = "Constant";
    /** A value owned elsewhere, e.g. by a service container: stored as is, never awaited or disposed. */
    StepKind[StepKind["Owned"] = 4] = "Owned";
    /** `anyOf`: its alternatives' branches, tried in order; the first whose credential is there gives the value. */
    StepKind[StepKind["AnyOf"] = 5] = "AnyOf";
})(StepKind || (StepKind = {}));
const NO_ARGS = Object.freeze({});
const noArgs = () => NO_ARGS;
/**
 * Whether this runtime compiles code from strings. It does not under
 * `node --disallow-code-generation-from-strings` or under a
 * Content-Security-Policy without `unsafe-eval`. Checked once, when this
 * module loads; Cloudflare Workers allow it then but refuse it while
 * serving a request, so a refusal later is remembered too (see
 * {@link argBuilder}).
 */
export let canGenerateCode = (() => {
    try {
        // eslint-disable-next-line no-new-func
        return new Function('return true')() === true;
    }
    catch {
        return false;
    }
})();
/**
 * Makes, once per step, the function that builds its input object. Where
 * the runtime compiles code from strings it is generated: an object literal
 * with fixed keys (one hidden class, no loop per request); elsewhere
 * ({@link canGenerateCode} is false, `generate` is false, or the runtime
 * refuses now) a closure that builds the same object.
 *
 * @example
 * ```ts
 * argBuilder(['user', 'q'], [3, 5])(values, undefined) // { user: values[3], q: values[5] }
 * argBuilder(['user'], [3])(values, failed)            // undefined when failed[3] === 1
 * ```
 */
export function argBuilder(names, slots, generate = canGenerateCode) {
    if (names.length === 0)
        return noArgs;
    if (generate) {
        try {
            return generatedArgBuilder(names, slots);
        }
        catch (error) {
            if (!(error instanceof EvalError))
                throw error;
            codeGenerationRefused();
        }
    }
    return closureArgBuilder(names, slots);
}
/**
 * Remembers that the runtime refused to compile code from strings (a
 * Worker serving a request): nothing is generated from now on.
 *
 * @example
 * ```ts
 * try { new Function(source) } catch (e) { if (e instanceof EvalError) codeGenerationRefused() }
 * ```
 */
export function codeGenerationRefused() {
    canGenerateCode = false;
}
function generatedArgBuilder(names, slots) {
    const check = slots.map((s) => `f[${s}] === 1`).join(' || ');
    const fields = names.map((n, i) => `${JSON.stringify(n)}: v[${slots[i]}]`).join(', ');
    // eslint-disable-next-line no-new-func
    return new Function('v', 'f', `if (f !== undefined && (${check})) return undefined;\nreturn { ${fields} };`);
}
function closureArgBuilder(names, slots) {
    const n = names.length;
    return (v, f) => {
        if (f !== undefined)
            for (let i = 0; i < n; i++)
                if (f[slots[i]] === 1)
                    return undefined;
        const args = {};
        for (let i = 0; i < n; i++)
            args[names[i]] = v[slots[i]];
        return args;
    };
}
//# sourceMappingURL=plan.js.map