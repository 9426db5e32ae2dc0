/**
 * Security schemes as values: each is a dependency that reads a credential
 * and answers 401 with its challenge, and carries its OpenAPI
 * `securitySchemes` entry. Plus scopes enforcement (403), alternatives
 * (`anyOf`), the password-grant form and constant-time comparison.
 */
export { parseAuthorization, readAuthorization } from './authorization.js';
export { decodeBasicCredentials, encodeBasicCredentials, decodeBase64Strict, encodeBase64 } from './basic.js';
export { formatChallenge, basicChallenge, bearerChallenge, schemeChallenge, quoteString, isToken } from './challenges.js';
export { notAuthenticated, invalidToken, insufficientScope, NOT_AUTHENTICATED } from './errors.js';
export { safeEqual } from './compare.js';
export { pythonStrip, pythonSplit, pythonTitle } from './python-strings.js';
export { defineScheme, credentialReader, found, MISSING, MALFORMED } from './scheme.js';
export { httpBearer, httpDigest, httpScheme } from './http.js';
export { httpBasic } from './http-basic.js';
export { apiKeyHeader, apiKeyQuery, apiKeyCookie } from './api-key.js';
export { oauth2, oauth2PasswordBearer, oauth2AuthorizationCodeBearer, oauth2ClientCredentialsBearer, normaliseFlows } from './oauth2.js';
export { openIdConnect } from './open-id-connect.js';
export { withScopes, assertScopes, missingScopes } from './scopes.js';
export { anyOf } from './any-of.js';
export { oauth2PasswordForm, oauth2PasswordFormStrict, oauth2PasswordRequestForm, MAX_SCOPE_LENGTH } from './password-form.js';
//# sourceMappingURL=index.js.map