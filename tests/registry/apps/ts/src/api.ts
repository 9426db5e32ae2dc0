/**
 * What every TypeScript consumer declares, whatever its framework: a bearer
 * scheme, the current user from it, and a route whose body is validated by a
 * schema made with the app's own zod (`zod` on zod 4, `zod/v4` on zod 3.25:
 * scripts/registry-matrix.mjs rewrites the import for those).
 */
import { Router, body, depends, httpBearer, invalidToken } from '@depends/core';
import { z } from 'zod';

export interface User {
  name: string;
}

const bearer = httpBearer();

export const currentUser = depends({ auth: bearer }, ({ auth }): User => {
  if (auth.credentials !== 'demo-token') throw invalidToken(); // the app's HTTPException, answered by the adapter's core
  return { name: 'demo' };
});

const NewItem = z.object({ name: z.string().min(1), count: z.number().int() });

export const api = new Router();
api.post(
  '/items',
  { user: currentUser, item: body(NewItem) },
  ({ user, item }) => {
    const count: number = item.count; // typed from the app's schema
    return { owner: user.name, name: item.name, count };
  },
  { status: 201 },
);

export const port = Number(process.env.PORT ?? 0);

/** The line scripts/registry-matrix.mjs waits for. */
export const listening = (p: number): void => console.log(`listening on ${p}`);
