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
import { ABORTED, disposing, entered, fault, markFailed, runAlternatives, settleRoot, store } from './execute.js';
import { StepKind, codeGenerationRefused, type CompiledPlan, type Plan, type Step } from './plan.js';

/** What the generated code calls: the interpreter's own helpers, so that both share every rule. */
const helpers = {
  ABORTED,
  Refusal,
  RequestValidationError,
  fault,
  markFailed,
  disposing,
  entered,
  runAlternatives,
  settleRoot,
  store,
} as const;

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
export function generatePlan(plan: Plan): CompiledPlan | undefined {
  const source = planSource(plan);
  let factory: (plan: Plan, h: typeof helpers) => CompiledPlan;
  try {
    // eslint-disable-next-line no-new-func
    factory = new Function('P', 'H', source) as typeof factory;
  } catch (error) {
    if (!(error instanceof EvalError)) throw error;
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
 * collected validation problem). A plan with a step that may turn out
 * asynchronous also gets `resumedPlan`, an async function of the same
 * steps entered at that step (a `switch` on it), which awaits in place
 * what the synchronous function hands over: the rest of the plan is
 * generated code too, not the interpreter's loop.
 *
 * @example
 * ```ts
 * planSource(plan) // '…s1: {\n…try { o = S1.fn(a, ex); } catch (e) { … }…'
 * ```
 */
export function planSource(plan: Plan): string {
  const prelude: string[] = [
    'const { ABORTED, Refusal, RequestValidationError, fault, markFailed, disposing, entered, runAlternatives, settleRoot, store } = H;',
    'const AD = Symbol.asyncDispose, D = Symbol.dispose;',
    'const S = P.steps, R = P.root;',
  ];
  const sync: string[] = ['const v = ex.values;', 'let f, a, o, p;'];
  const resumed: string[] = ['const v = ex.values;', 'let f, a, o, p;', 'try {', 'switch (from) {'];
  plan.steps.forEach((step, i) => {
    prelude.push(`const S${i} = S[${i}];`);
    if (step.argNames.length === 0) prelude.push(`const A${i} = S${i}.args([], undefined);`);
    const comment = `// ${i}: ${step.name.replace(/[\r\n\u2028\u2029]|\*\//g, ' ')}`;
    sync.push(comment, stepSource(step, i, false));
    resumed.push(`case ${i}:`); // every step a label: a switch's statements follow one
    resumed.push(comment, stepSource(step, i, true));
  });
  resumed.push('}', '} catch (e) { return k.err(ex, e); }');
  if (plan.root.argNames.length === 0) prelude.push('const AR = R.args([], undefined);');
  const root = [
    'if (ex.errors.length) return k.err(ex, new RequestValidationError(ex.errors));',
    `${argsSource(plan.root, 'AR')}`,
    'try { o = R.fn(a, ex); } catch (e) { return k.err(ex, e); }',
    "if (o !== null && (typeof o === 'object' || typeof o === 'function') && typeof o.then === 'function') return settleRoot(o, ex, k);",
    'return o instanceof Refusal ? k.err(ex, o.error) : k.ok(ex, o);',
  ];
  // the rest of the plan once step `from` turned out asynchronous (`pending`: its promise, async generator, or `anyOf`'s promise)
  const resume = plan.steps.some(resumable) ? `const resumedPlan = async function resumedPlan(ex, k, from, pending) {\n${[...resumed, ...root].join('\n')}\n};\n` : '';
  return `${prelude.join('\n')}\n${resume}return function compiledPlan(ex, k) {\n${[...sync, ...root].join('\n')}\n};`;
}

/** Whether a step may turn out asynchronous (where the resumed function starts). */
const resumable = (step: Step): boolean => step.kind === StepKind.Plain || step.kind === StepKind.AsyncGenerator || step.kind === StepKind.AnyOf;

/** `a = <the step's input object, or undefined when one of its inputs failed>;` */
function argsSource(step: Step, constant: string): string {
  if (step.argNames.length === 0) return `a = ${constant};`;
  const check = step.argSlots.map((s) => `f[${s}] === 1`).join(' || ');
  const fields = step.argNames.map((n, i) => `${JSON.stringify(n)}: v[${step.argSlots[i]}]`).join(', ');
  return `f = ex.failed;\na = f !== undefined && (${check}) ? undefined : { ${fields} };`;
}

/**
 * What a step does when its function failed with `e` (or refused with it):
 * a validation problem is collected and the step left; any other error
 * ends resolution — answered at once, or (in the resumed function) thrown
 * to its one `catch`, as the interpreter's continuation does.
 */
const failed = (i: number, e: string, resumed: boolean): string =>
  `if (fault(${e}, S${i}, ex) === ABORTED) ${resumed ? 'throw ex.abort;' : 'return k.err(ex, ex.abort);'} break s${i};`;

/**
 * One step's code. In the resumed function (`resumed`), the step `from`
 * takes `pending` in place of calling its function, and what the
 * synchronous function hands over (a promise, an async generator, an
 * `anyOf`'s promise) is awaited in place.
 */
function stepSource(step: Step, i: number, resumed: boolean): string {
  /** In the resumed function: the step `from` takes `pending` (the `else` runs it as usual, closed by the caller). */
  const take = (fresh: string): string => `if (from === ${i}) { ${fresh} = pending; from = -1; } else {`;
  switch (step.kind) {
    case StepKind.Constant:
      return `v[${step.slot}] = S${i}.constant;`;
    case StepKind.AnyOf:
      if (!resumed)
        return [
          `p = runAlternatives(S${i}, S${i}.anyOf, ex, 0, false);`,
          'if (p === ABORTED) return k.err(ex, ex.abort);',
          `if (p !== undefined) return resumedPlan(ex, k, ${i}, p);`,
        ].join('\n');
      return [
        `s${i}: {`,
        take('p'),
        `p = runAlternatives(S${i}, S${i}.anyOf, ex, 0, false);`,
        'if (p === ABORTED) throw ex.abort;',
        '}',
        `if (p !== undefined) { try { await p; } catch (e) { ${failed(i, 'e', true)} } }`,
        '}',
      ].join('\n');
    default:
      break;
  }
  const call = [
    `s${i}: {`,
    ...(resumed && resumable(step) ? [take('o')] : []),
    argsSource(step, `A${i}`),
    `if (a === undefined) { markFailed(ex, S${i}); break s${i}; }`,
    `try { o = S${i}.fn(a, ex); } catch (e) { ${failed(i, 'e', resumed)} }`,
  ];
  if (resumed && resumable(step)) call.push('}');
  switch (step.kind) {
    case StepKind.Plain:
      // `isThenable`, the refusal check and `store` written out here: each step's property checks learn that step's values
      call.push(
        `if (o !== null && (typeof o === 'object' || typeof o === 'function')) {`,
        resumed
          ? `if (typeof o.then === 'function') { try { o = await o; } catch (e) { ${failed(i, 'e', true)} } if (o instanceof Refusal) { ${failed(i, 'o.error', true)} } store(S${i}, ex, o); break s${i}; }`
          : `if (typeof o.then === 'function') return resumedPlan(ex, k, ${i}, o);`,
        `if (o instanceof Refusal) { ${failed(i, 'o.error', resumed)} }`,
        `v[${step.slot}] = o;`,
        `if (typeof o === 'object') { p = o[AD] ?? o[D]; if (typeof p === 'function') disposing(S${i}, ex, o, p); }`,
        `} else v[${step.slot}] = o;`,
      );
      break;
    case StepKind.Owned:
      call.push(`v[${step.slot}] = o;`);
      break;
    case StepKind.Generator:
      call.push(`try { p = o.next(); } catch (e) { ${failed(i, 'e', resumed)} }`, `entered(S${i}, ex, p, { kind: 'generator', name: S${i}.name, gen: o });`);
      break;
    default: // an async generator: run to its `yield`
      call.push(
        resumed
          ? `try { p = await o.next(); } catch (e) { ${failed(i, 'e', true)} }\nentered(S${i}, ex, p, { kind: 'asyncGenerator', name: S${i}.name, gen: o });`
          : `return resumedPlan(ex, k, ${i}, o);`,
      );
  }
  call.push('}');
  return call.join('\n');
}
