/**
 * `@depends/core/schemes`: the toolkit for writing security schemes and
 * other dependency packages (what `@depends/jwt` is built with): the
 * low-level dependency constructor, credential readers, `Authorization`
 * parsing, challenges, Basic and base64 codecs, OAuth2 flow normalisation,
 * and the metadata the interpreters read. `defineScheme` itself is in the
 * root entry.
 *
 * @example
 * ```ts
 * import { defineScheme } from '@depends/core'
 * import { found, MISSING } from '@depends/core/schemes'
 * const teamToken = defineScheme({
 *   defaultName: 'TeamToken',
 *   options: {},
 *   openapi: { type: 'apiKey', in: 'header', name: 'x-team-token' },
 *   challenge: 'APIKey',
 *   consumes: [{ in: 'header', name: 'x-team-token' }],
 *   bearerChallenges: false,
 *   read: (request) => { const v = request.header('x-team-token'); return v ? found(v) : MISSING },
 * })
 * ```
 */
export { createDependency, isDependency, isUse, isInput } from '../dependency/depends.js';
export type { CallKind, DependencyMeta, SchemeInfo, SecurityMeta, SourceSpec } from '../dependency/types.js';
export { credentialReader, found, MISSING, MALFORMED, readsAuthorizationOnce } from './scheme.js';
export type { CredentialReader, SchemeMeta } from './scheme.js';
export type { AnyOfMeta } from './any-of.js';
export { parseAuthorization, readAuthorization } from './authorization.js';
export type { AuthorizationParts } from './authorization.js';
export { decodeBasicCredentials, encodeBasicCredentials, decodeBase64Strict, encodeBase64 } from './basic.js';
export { formatChallenge, basicChallenge, bearerChallenge, schemeChallenge, quoteString, isToken } from './challenges.js';
export { NOT_AUTHENTICATED } from './errors.js';
export { normaliseFlows } from './oauth2.js';
