import { describe, expect, test } from 'vitest';
import { joinPath, matchPath, pathParams, showablePath, toColonPath, toOpenApiPath } from './paths.js';

describe('route paths', () => {
  test('a framework path is shown as written when plain or ending in a wildcard segment', () => {
    for (const path of ['/notes', '/notes/:id', '/files/*splat', '/files/*', '/v1/:org/files/*path']) expect(showablePath(path)).toBe(path);
    for (const path of ['/notes{/:id}', '/ab?cd', '/files/*splat/meta', '/:id(\\d+)', '/a+', '/files*', '/*/x']) expect(showablePath(path)).toBeUndefined();
    expect(showablePath('/files/*splat', { wildcard: false })).toBeUndefined();
    expect(showablePath('/files', { wildcard: false })).toBe('/files');
  });

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
