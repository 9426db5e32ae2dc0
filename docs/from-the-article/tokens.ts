/** The demo callers every snippet shares: a token → who it is and what it may do. */
export interface Caller {
  name: string;
  scopes: string[];
}

export const tokens = new Map<string, Caller>([
  ['alice-token', { name: 'alice', scopes: ['notes:read', 'notes:write'] }],
  ['bob-token', { name: 'bob', scopes: ['notes:read'] }],
]);

export const API_KEY = 'demo-api-key';
