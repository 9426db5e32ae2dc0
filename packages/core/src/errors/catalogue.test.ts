import { describe, expect, test } from 'vitest';
import { ConfigurationError, DependsError, ErrorCode, HTTPException, RequestValidationError } from '../index.js';
import {
  DependencyCycleError,
  DependencyScopeError,
  DuplicateRouteError,
  DuplicateSchemeError,
  ErrorSwallowedError,
  RouteInputError,
  defaultReason,
} from './catalogue.js';

describe('error catalogue', () => {
  test('every error has its stable code and class name', () => {
    const cases: [DependsError, string, string][] = [
      [new DependencyCycleError('GET /', ['a', 'b', 'a']), 'DEPENDS_DEPENDENCY_CYCLE', 'DependencyCycleError'],
      [new DependencyScopeError('GET /', 'session'), 'DEPENDS_DEPENDENCY_SCOPE', 'DependencyScopeError'],
      [new DuplicateSchemeError('APIKeyHeader', 'GET /a', 'GET /b'), 'DEPENDS_DUPLICATE_SCHEME', 'DuplicateSchemeError'],
      [new HTTPException(404), 'DEPENDS_HTTP', 'HTTPException'],
      [new RequestValidationError([]), 'DEPENDS_VALIDATION', 'RequestValidationError'],
      [new ErrorSwallowedError('tx', new Error('x')), 'DEPENDS_ERROR_SWALLOWED', 'ErrorSwallowedError'],
      [new RouteInputError(ErrorCode.IgnoredHeader, 'GET /', 'auth', 'x'), 'DEPENDS_IGNORED_HEADER', 'RouteInputError'],
      [new DuplicateRouteError('GET /a', 'GET /a'), 'DEPENDS_DUPLICATE_ROUTE', 'DuplicateRouteError'],
    ];
    for (const [error, code, name] of cases) {
      expect(error).toBeInstanceOf(DependsError);
      expect(error.code).toBe(code);
      expect(error.name).toBe(name);
    }
    expect(Object.values(ErrorCode)).toHaveLength(new Set(Object.values(ErrorCode)).size);
  });

  test('configuration errors name the route and the dependency', () => {
    const e = new DuplicateSchemeError('APIKeyHeader', 'GET /a', 'GET /b');
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toContain('"APIKeyHeader"');
    expect(e.message).toContain('GET /a');
    expect(e.message).toContain('GET /b');
  });

  test('HTTPException defaults its detail to the reason phrase', () => {
    expect(new HTTPException(404).detail).toBe('Not Found');
    expect(new HTTPException(418).detail).toBe('HTTP 418');
    expect(defaultReason(401)).toBe('Unauthorized');
    const v = new RequestValidationError([{ type: 'missing', loc: ['query', 'q'], msg: 'Field required', input: null }]);
    expect([v.status, v.detail]).toEqual([422, v.errors]);
  });
});
