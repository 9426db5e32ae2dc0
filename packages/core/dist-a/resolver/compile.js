import { analyse, fastApiOrder } from '../model/analyse.js';
import { credentialReader } from '../security/scheme.js';
import { generatePlan } from './generate.js';
import { StepKind, argBuilder, canGenerateCode } from './plan.js';
const byDependency = (e) => e.node.dependency;
/** How a dependency's function is called. */
const kindOf = (impl) => impl.meta.owns === false
    ? StepKind.Owned
    : impl.callKind === 'asyncGenerator'
        ? StepKind.AsyncGenerator
        : impl.callKind === 'generator'
            ? StepKind.Generator
            : StepKind.Plain;
/**
 * Compiles an analysed route into a plan whose root step calls `handler`
 * with the route's inputs. Unless `generate` is false (or the runtime
 * refuses it), the plan also gets its generated function (`plan.run`, see
 * `generate.ts`); without it the interpreter runs the plan.
 *
 * @example
 * ```ts
 * const plan = compileTree(analyse({ label: 'GET /me', dependencies: [], inputs: { user } }), ({ user }) => user)
 * ```
 */
export function compileTree(tree, handler, generate = canGenerateCode) {
    // Where emitted steps go, and the nodes whose values are known there (a branch has its own of both).
    let steps = [];
    let slots = new Map();
    let slotCount = 0;
    let needsBody = false;
    const bodyTypes = [];
    let bodyError;
    let answerHeaders;
    let challenges;
    /**
     * An alternative of an `anyOf`, compiled into steps of its own: what it
     * shares with the steps before the `anyOf` is read from their slots, and
     * what it emits is not known outside the branch (it may not run).
     */
    const branch = (alternative) => {
        const outerSteps = steps;
        const outerSlots = slots;
        steps = [];
        slots = new Map(outerSlots);
        try {
            const slot = emit(alternative);
            // An overridden alternative has no reader of its own: it is run in its turn, and found when it gives a value.
            const reader = alternative.impl === alternative.dependency ? credentialReader(alternative.dependency) : undefined;
            return { probe: reader?.read, steps, slot };
        }
        finally {
            steps = outerSteps;
            slots = outerSlots;
        }
    };
    /** What an `anyOf` node runs, unless the `anyOf` itself is overridden (then it is a plain step). */
    const alternativesOf = (node) => {
        if (node.security?.kind !== 'anyOf' || node.impl !== node.dependency || node.alternatives === undefined)
            return undefined;
        const reader = credentialReader(node.dependency);
        if (reader === undefined)
            return undefined;
        return { branches: node.alternatives.map(branch), optional: reader.optional, notAuthenticated: reader.notAuthenticated };
    };
    const emit = (node) => {
        const known = slots.get(node);
        if (known !== undefined)
            return known;
        const anyOf = alternativesOf(node);
        const argNames = [];
        const argSlots = [];
        for (const edge of fastApiOrder(node.children, byDependency)) {
            argNames.push(edge.name);
            argSlots.push(emit(edge.node));
        }
        const impl = node.impl;
        const source = node.source;
        if (source && (source.in === 'body' || source.in === 'form')) {
            needsBody = true;
            for (const type of source.mediaTypes ?? [source.mediaType ?? (source.in === 'body' ? 'application/json' : 'application/x-www-form-urlencoded')]) {
                if (!bodyTypes.includes(type))
                    bodyTypes.push(type);
            }
            bodyError ??= source.bodyError;
        }
        // a source's fixed headers, and those a dependency (a DPoP scheme's nonce) asks for itself, unless it is overridden
        for (const extra of [source?.answerHeaders, impl === node.dependency ? impl.meta?.answerHeaders : undefined]) {
            if (!extra)
                continue;
            for (const [name, value] of Object.entries(extra)) {
                const lower = name.toLowerCase();
                if (!(answerHeaders ??= []).some(([n]) => n === lower))
                    answerHeaders.push([lower, value]);
            }
        }
        const challenge = node.security?.kind === 'scheme' ? node.security.scheme.challenge : undefined;
        if (challenge !== undefined && !(challenges ??= []).includes(challenge))
            challenges.push(challenge);
        const slot = slotCount++;
        const constant = 'constant' in node;
        steps.push({
            slot,
            kind: constant ? StepKind.Constant : anyOf !== undefined ? StepKind.AnyOf : kindOf(impl),
            fn: impl.fn,
            argNames,
            argSlots,
            args: argBuilder(argNames, argSlots),
            scope: node.teardown,
            name: node.dependency.name,
            ...(constant ? { constant: node.constant } : {}),
            ...(anyOf !== undefined ? { anyOf } : {}),
        });
        slots.set(node, slot);
        return slot;
    };
    for (const node of tree.dependencies)
        emit(node);
    const argNames = [];
    const argSlots = [];
    for (const edge of fastApiOrder(tree.inputs, byDependency)) {
        argNames.push(edge.name);
        argSlots.push(emit(edge.node));
    }
    const root = {
        slot: slotCount++,
        kind: StepKind.Plain,
        fn: handler,
        argNames,
        argSlots,
        args: argBuilder(argNames, argSlots),
        scope: 'function',
        name: tree.label,
    };
    const plan = {
        steps,
        slotCount,
        needsBody,
        bodyTypes,
        ...(bodyError ? { bodyError } : {}),
        ...(answerHeaders ? { answerHeaders } : {}),
        ...(challenges ? { challenges } : {}),
        root,
    };
    // One function for the whole plan where the runtime compiles code (and does now); the interpreter otherwise.
    const run = generate && canGenerateCode ? generatePlan(plan) : undefined;
    return run === undefined ? plan : { ...plan, run };
}
/**
 * Analyses and compiles a route in one call. Throws a `ConfigurationError`
 * naming the route for a cycle or a teardown scope violation.
 *
 * @example
 * ```ts
 * const plan = compile({ label: 'GET /me', inputs: { user }, dependencies: [], handler: ({ user }) => user })
 * ```
 */
export function compile(input) {
    return compileTree(analyse(input, input.overrides), input.handler);
}
//# sourceMappingURL=compile.js.map