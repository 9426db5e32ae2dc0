/**
 * Compiles a route's analysed tree (see `model/`) into a {@link Plan}: one
 * step per node, post-order, in FastAPI's order; nodes the tree shares
 * (cached per request) share one slot.
 */
import type { CallContext, Input, Inputs } from '../dependency/types.js';
import { analyse, fastApiOrder } from '../model/analyse.js';
import type { DependencyNode, Edge, RouteTree } from '../model/tree.js';
import type { Overrides } from '../overrides/overrides.js';
import { StepKind, argBuilder, type Plan, type Step } from './plan.js';

const byDependency = (e: Edge) => e.node.dependency;

/**
 * Compiles an analysed route into a plan whose root step calls `handler`
 * with the route's inputs.
 *
 * @example
 * ```ts
 * const plan = compileTree(analyse({ label: 'GET /me', dependencies: [], inputs: { user } }), ({ user }) => user)
 * ```
 */
export function compileTree(tree: RouteTree, handler: (values: any, context: CallContext) => unknown): Plan {
  const steps: Step[] = [];
  const slots = new Map<DependencyNode, number>();
  let slotCount = 0;
  let needsBody = false;
  const bodyTypes: string[] = [];
  let bodyError: ((error: unknown) => unknown) | undefined;
  let answerHeaders: [string, string][] | undefined;

  const emit = (node: DependencyNode): number => {
    const known = slots.get(node);
    if (known !== undefined) return known;
    const argNames: string[] = [];
    const argSlots: number[] = [];
    for (const edge of fastApiOrder(node.children, byDependency)) {
      argNames.push(edge.name);
      argSlots.push(emit(edge.node));
    }
    const impl = node.impl;
    const source = node.source;
    if (source && (source.in === 'body' || source.in === 'form')) {
      needsBody = true;
      for (const type of source.mediaTypes ?? [source.mediaType ?? (source.in === 'body' ? 'application/json' : 'application/x-www-form-urlencoded')]) {
        if (!bodyTypes.includes(type)) bodyTypes.push(type);
      }
      bodyError ??= source.bodyError;
    }
    if (source?.answerHeaders) {
      for (const [name, value] of Object.entries(source.answerHeaders)) {
        const lower = name.toLowerCase();
        if (!(answerHeaders ??= []).some(([n]) => n === lower)) answerHeaders.push([lower, value]);
      }
    }
    const slot = slotCount++;
    const constant = 'constant' in node;
    steps.push({
      slot,
      kind: constant
        ? StepKind.Constant
        : impl.meta.owns === false
          ? StepKind.Owned
          : impl.callKind === 'asyncGenerator'
            ? StepKind.AsyncGenerator
            : impl.callKind === 'generator'
              ? StepKind.Generator
              : StepKind.Plain,
      fn: impl.fn,
      argNames,
      argSlots,
      args: argBuilder(argNames, argSlots),
      scope: node.teardown,
      name: node.dependency.name,
      ...(constant ? { constant: node.constant } : {}),
    });
    slots.set(node, slot);
    return slot;
  };

  for (const node of tree.dependencies) emit(node);
  const argNames: string[] = [];
  const argSlots: number[] = [];
  for (const edge of fastApiOrder(tree.inputs, byDependency)) {
    argNames.push(edge.name);
    argSlots.push(emit(edge.node));
  }
  const root: Step = {
    slot: slotCount++,
    kind: StepKind.Plain,
    fn: handler,
    argNames,
    argSlots,
    args: argBuilder(argNames, argSlots),
    scope: 'function',
    name: tree.label,
  };
  return { steps, slotCount, needsBody, bodyTypes, ...(bodyError ? { bodyError } : {}), ...(answerHeaders ? { answerHeaders } : {}), root };
}

/** What to compile: the route's handler, its inputs, and its parameterless dependencies. */
export interface CompileInput {
  /** Label for messages, e.g. `GET /items`. */
  readonly label: string;
  readonly inputs: Inputs;
  /** App, router and route dependencies, outermost first; values discarded. */
  readonly dependencies: readonly Input[];
  readonly handler: (values: any, context: any) => unknown;
  readonly overrides?: Overrides;
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
export function compile(input: CompileInput): Plan {
  return compileTree(analyse(input, input.overrides), input.handler);
}
