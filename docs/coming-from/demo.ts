/** The demo data the "Coming from" snippets share: who a token belongs to, and their notes. */
export interface User {
  id: string;
  name: string;
  scopes: string[];
}

const byToken = new Map<string, User>([
  ['alice-token', { id: 'u1', name: 'alice', scopes: ['notes:read', 'notes:write'] }],
  ['bob-token', { id: 'u2', name: 'bob', scopes: ['notes:read'] }],
]);

/** The app's user store: a token → its user (a real app asks its database or session store). */
export const users = {
  async findByToken(token: string): Promise<User | undefined> {
    return byToken.get(token);
  },
};

/** The app's notes. */
export const notes = {
  of: (owner: string) => [{ id: '1', text: 'a note', owner }],
};
