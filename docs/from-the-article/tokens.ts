/** The demo callers every snippet shares, and the article's key and user lookup. */
export interface Caller {
  name: string;
  scopes: string[];
}

export const tokens = new Map<string, Caller>([
  ['alice-token', { name: 'alice', scopes: ['notes:read', 'notes:write'] }],
  ['bob-token', { name: 'bob', scopes: ['notes:read'] }],
]);

/** The article's `CONST_AUTH_KEY='temp-key'`: the key its dependencies compare with. */
export const CONST_AUTH_KEY = 'temp-key';

/** The article's `fetch_user(authorization_header)`: the caller behind a header value, if any. */
export async function fetchUser(authorization: string): Promise<Caller | undefined> {
  return tokens.get(authorization.replace(/^Bearer /, ''));
}
