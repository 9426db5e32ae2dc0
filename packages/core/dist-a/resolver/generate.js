/**
 * A route's plan compiled into one function, generated once per plan where
 * the runtime compiles code from strings (see `canGenerateCode`): straight-line
 * code per step — a direct call of each step's function, its input object
 * built in place, no dispatch on the step's kind — with exactly the
 * interpreter's semantics (`execute.ts`): the same helpers store values,
 * collect validation problems, push exits and abort; a step that returns a
 * promise (or an async generator, or an `anyOf` that turns asynchronous)
 * hands the rest of the plan to the interpreter's continuation from that
 * step. Where code cannot be generated the interpreter runs the plan.
 */
import { Refusal } from '../dependency/refusal.js';
import { RequestValidationError } from '../errors/catalogue.js';
import { isThenable } from '../util/thenable.js';
import { ABORTED, entered, fault, markFailed, resumeAt, runAlternatives, settleRoot, store } from './execute.js';
import { StepKind, codeGenerationRefused } from './plan.js';
/** What the generated code calls: the interpreter's own helpers, so that both share every rule. */
const helpers = {
    ABORTED,
    Refusal,
    RequestValidationError,
    isThenable,
    fault,
    markFailed,
    store,
    entered,
    runAlternatives,
    resumeAt,
    settleRoot,
};
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
export function generatePlan(plan) {
    const source = planSource(plan);
    let factory;
    try {
        // eslint-disable-next-line no-new-func
        factory = new Function('P', 'H', source);
    }
    catch (error) {
        if (!(error instanceof EvalError))
            throw error;
        codeGenerationRefused(); // refused from now on (a Worker serving a request)
        return undefined;
    }
    return factory(plan, helpers);
}
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
export function planSource(plan) {
    const prelude = [
        'const { ABORTED, Refusal, RequestValidationError, isThenable, fault, markFailed, store, entered, runAlternatives, resumeAt, settleRoot } = H;',
        'const S = P.steps, R = P.root;',
    ];
    const body = ['const v = ex.values;', 'let f, a, o, p;'];
    plan.steps.forEach((step, i) => {
        prelude.push(`const S${i} = S[${i}];`);
        if (step.argNames.length === 0)
            prelude.push(`const A${i} = S${i}.args([], undefined);`);
        body.push(`// ${i}: ${step.name.replace(/[\r\n\u2028\u2029]|\*\//g, ' ')}`, stepSource(step, i));
    });
    if (plan.root.argNames.length === 0)
        prelude.push('const AR = R.args([], undefined);');
    body.push('if (ex.errors.length) return k.err(ex, new RequestValidationError(ex.errors));', `${argsSource(plan.root, 'AR')}`, 'try { o = R.fn(a, ex); } catch (e) { return k.err(ex, e); }', 'return settleRoot(o, ex, k);');
    return `${prelude.join('\n')}\nreturn function compiledPlan(ex, k) {\n${body.join('\n')}\n};`;
}
/** `a = <the step's input object, or undefined when one of its inputs failed>;` */
function argsSource(step, constant) {
    if (step.argNames.length === 0)
        return `a = ${constant};`;
    const check = step.argSlots.map((s) => `f[${s}] === 1`).join(' || ');
    const fields = step.argNames.map((n, i) => `${JSON.stringify(n)}: v[${step.argSlots[i]}]`).join(', ');
    return `f = ex.failed;\na = f !== undefined && (${check}) ? undefined : { ${fields} };`;
}
/** What a step does when its function failed with `e` (or refused with it). */
const failed = (i, e) => `if (fault(${e}, S${i}, ex) === ABORTED) return k.err(ex, ex.abort); break s${i};`;
function stepSource(step, i) {
    switch (step.kind) {
        case StepKind.Constant:
            return `v[${step.slot}] = S${i}.constant;`;
        case StepKind.AnyOf:
            return [
                `p = runAlternatives(S${i}, S${i}.anyOf, ex, 0, false);`,
                'if (p === ABORTED) return k.err(ex, ex.abort);',
                `if (p !== undefined) return resumeAt(P, ex, ${i}, p, k);`,
            ].join('\n');
        default:
            break;
    }
    const call = [
        `s${i}: {`,
        argsSource(step, `A${i}`),
        `if (a === undefined) { markFailed(ex, S${i}); break s${i}; }`,
        `try { o = S${i}.fn(a, ex); } catch (e) { ${failed(i, 'e')} }`,
    ];
    switch (step.kind) {
        case StepKind.Plain:
            call.push(`if (isThenable(o)) return resumeAt(P, ex, ${i}, o, k);`, `if (o instanceof Refusal) { ${failed(i, 'o.error')} }`, `store(S${i}, ex, o);`);
            break;
        case StepKind.Owned:
            call.push(`v[${step.slot}] = o;`);
            break;
        case StepKind.Generator:
            call.push(`try { p = o.next(); } catch (e) { ${failed(i, 'e')} }`, `entered(S${i}, ex, p, { kind: 'generator', name: S${i}.name, gen: o });`);
            break;
        default: // an async generator: run to its `yield` by the interpreter's continuation
            call.push(`return resumeAt(P, ex, ${i}, o, k);`);
    }
    call.push('}');
    return call.join('\n');
}
//# sourceMappingURL=generate.js.map