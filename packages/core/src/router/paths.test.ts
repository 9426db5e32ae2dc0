import { describe, expect, test } from 'vitest';
import { joinPath, matchPath, pathParams, toColonPath, toOpenApiPath } from './paths.js';

describe('route paths', () => {
  test('colon and OpenAPI forms convert both ways', () => {
    expect(toOpenApiPath('/items/:id/tags/:tag')).toBe('/items/{id}/tags/{tag}');
    expect(toOpenApiPath('/items/{id}')).toBe('/items/{id}');
    expect(toColonPath('/items/{id}/tags/:tag')).toBe('/items/:id/tags/:tag');
    expect(toColonPath('/plain')).toBe('/plain');
  });

  test('pathParams lists the names in order, in either form', () => {
    expect(pathParams('/a/{x}/b/:y')).toEqual(['x', 'y']);
    expect(pathParams('/none')).toEqual([]);
  });

  test('joinPath joins prefixes without doubling or losing slashes', () => {
    expect(joinPath('', '')).toBe('/');
    expect(joinPath('', '/items')).toBe('/items');
    expect(joinPath('/api', '/items')).toBe('/api/items');
    expect(joinPath('/api/', 'items')).toBe('/api/items');
    expect(joinPath('/api', '/')).toBe('/api');
    expect(joinPath('/', '/')).toBe('/');
  });

  test('matchPath gives the decoded parameters, or undefined', () => {
    expect(matchPath('/items/{id}', '/items/a%20b')).toEqual({ id: 'a b' });
    expect(matchPath('/items/:id', '/items/42')).toEqual({ id: '42' });
    expect(matchPath('/items/{id}', '/items/')).toBeUndefined();
    expect(matchPath('/items/{id}', '/items/1/more')).toBeUndefined();
    expect(matchPath('/items/{id}', '/other/1')).toBeUndefined();
    expect(matchPath('/items/{id}', '/items/%E0%A4%A')).toBeUndefined();
    expect(matchPath('/static', '/static')).toEqual({});
  });
});
