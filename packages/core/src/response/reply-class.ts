/**
 * The class of a handler's explicit answer as this copy of the core defines
 * it. Import `Reply` from `reply.ts`, the class every copy of the core in
 * the process shares (see `shared`).
 */
import type { HeaderValues } from '../errors/catalogue.js';

/**
 * A handler's answer with an explicit status, headers or body type.
 * A plain return value is sent as JSON with the route's status.
 *
 * @example
 * ```ts
 * router.post('/items', { item: body(NewItem) }, ({ item }) => reply(store.add(item), { status: 201, headers: { location: '/items/1' } }))
 * router.get('/robots.txt', {}, () => reply.text('User-agent: *'))
 * router.delete('/items/{id}', { id: path('id') }, ({ id }) => { store.remove(id); return reply.empty() })
 * ```
 */
export class Reply {
  readonly status: number | undefined;
  readonly body: unknown;
  readonly headers: HeaderValues;
  /** `json` (default), `text`, `bytes` or `empty`. */
  readonly type: 'json' | 'text' | 'bytes' | 'empty';
  constructor(body: unknown, init: ReplyInit = {}, type: Reply['type'] = 'json') {
    this.body = body;
    this.status = init.status;
    this.headers = init.headers ?? {};
    this.type = type;
  }
}

/** Status and headers of a reply. */
export interface ReplyInit {
  status?: number;
  headers?: HeaderValues;
}
