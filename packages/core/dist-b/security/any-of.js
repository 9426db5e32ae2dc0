/**
 * `anyOf(a, b, …)`: alternative security schemes (OR). The first scheme
 * that finds a credential wins; when none does, one 401 carries every
 * scheme's challenge. Several schemes used side by side stay required
 * together (AND).
 *
 * `anyOf()` only declares the alternatives: the model analyses each at the
 * `anyOf`'s place (overrides applied, scopes accumulated) and the resolver
 * runs them (see `resolver/compile.ts`): each alternative's reader says
 * whether its credential is there, and only the alternative chosen runs —
 * a scheme's `verify` step included.
 */
import { createDependency, isDependency, isUse, security } from '../dependency/depends.js';
import { Refusal } from '../dependency/refusal.js';
import { preparedNotAuthenticated } from './errors.js';
import { credentialReader, invalidOption, registerReader } from './scheme.js';
function flatten(input, out) {
    const dependency = isUse(input) ? input.dependency : input;
    const meta = dependency.meta.security;
    if (meta?.kind === 'anyOf') {
        const scopes = isUse(input) ? input.scopes : [];
        for (const alt of meta.alternatives)
            out.push(scopes.length ? security(alt, { scopes }) : alt);
        return;
    }
    out.push(input);
}
function schemeInfos(alternatives) {
    const infos = [];
    for (const alt of alternatives) {
        const dep = isUse(alt) ? alt.dependency : alt;
        if (dep.meta.security?.kind === 'scheme')
            infos.push(dep.meta.security.scheme);
    }
    return infos;
}
export function anyOf(...args) {
    const arrayForm = Array.isArray(args[0]);
    const list = (arrayForm ? args[0] : args);
    const options = (arrayForm ? (args[1] ?? {}) : {});
    if (list.length === 0)
        invalidOption('anyOf', 'needs at least one security scheme');
    const alternatives = [];
    for (const input of list) {
        if (!isDependency(input) && !isUse(input))
            invalidOption('anyOf', 'every alternative must be a security scheme');
        flatten(input, alternatives);
    }
    const readers = alternatives.map((alt) => {
        const dep = isUse(alt) ? alt.dependency : alt;
        const reader = credentialReader(dep);
        if (!reader)
            invalidOption('anyOf', `"${dep.name}" is not a security scheme (build it with httpBearer(), apiKeyHeader(), ... or defineScheme())`);
        return reader;
    });
    const infos = schemeInfos(alternatives);
    const names = infos.map((s) => s.name);
    const name = options.name ?? `anyOf(${names.join(', ')})`;
    // A nested `anyOf([...], { autoError: false })` keeps its optionality after flattening.
    const nestedOptional = list.some((input) => credentialReader(isUse(input) ? input.dependency : input)?.optional);
    const optional = options.autoError === false || nestedOptional || readers.some((r) => r.optional);
    const challenges = [...new Set(readers.flatMap((r) => r.challenges))];
    const custom = options.notAuthenticated;
    const missing = preparedNotAuthenticated(challenges);
    const fail = () => (custom ? custom(infos) : missing());
    // Whether some alternative's credential is there (as read, not verified): what a nested use reads.
    const read = (request) => {
        let malformed = false;
        for (const reader of readers) {
            const result = reader.read(request);
            if (result.ok)
                return result;
            if (result.malformed)
                malformed = true;
        }
        return { ok: false, malformed };
    };
    // The resolver runs the alternatives itself and never calls this. Called any other way it refuses
    // (closed), so that a credential is never given out without its scheme's own check.
    const fn = () => new Refusal(fail());
    const dependency = createDependency({}, fn, {
        name,
        meta: { security: { kind: 'anyOf', alternatives: Object.freeze(alternatives), optional } },
    });
    registerReader(dependency, { read, challenges, optional, notAuthenticated: fail });
    return dependency;
}
//# sourceMappingURL=any-of.js.map