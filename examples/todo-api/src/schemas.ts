/**
 * The zod schemas of the API's bodies: what requests must send and what
 * answers hold. The same schemas validate requests and fill the OpenAPI
 * document.
 */
import { z } from 'zod';

/** `GET /status`. */
export const Status = z.object({ status: z.literal('ok') }).meta({ id: 'Status' });

/** `POST /token` success (RFC 6749 §5.1). */
export const Token = z
  .object({
    access_token: z.string(),
    token_type: z.literal('bearer'),
    expires_in: z.number().int().describe('Seconds until the token expires'),
    scope: z.string().describe('The granted scopes, space-separated'),
  })
  .meta({ id: 'Token' });

/** `GET /users/me`. */
export const UserOut = z
  .object({ username: z.string(), full_name: z.string(), scopes: z.array(z.string()) })
  .meta({ id: 'User' });

/** The body of `POST /users/me/items`. */
export const NewItem = z
  .object({
    title: z.string().trim().min(1).max(200),
    done: z.boolean().optional(),
  })
  .meta({ id: 'NewItem' });

/** One stored item. */
export const ItemOut = z
  .object({ id: z.number().int(), title: z.string(), done: z.boolean(), created_at: z.string() })
  .meta({ id: 'Item' });

/** `GET /users/me/items`: a list of {@link ItemOut} (`$ref` to `Item`). */
export const ItemList = z.array(ItemOut);

/** `GET /v1/health`. */
export const Health = z.literal('Ok');

/** `GET /admin/stats`. */
export const Stats = z.object({ users: z.number().int(), items: z.number().int() }).meta({ id: 'Stats' });

