/**
 * The answer types: `Reply` for handlers that set a status, headers or a
 * non-JSON body, and `Answer`, the serialised form every adapter writes
 * as is (so all frameworks send the same bytes).
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
export declare class Reply {
    readonly status: number | undefined;
    readonly body: unknown;
    readonly headers: HeaderValues;
    /** `json` (default), `text`, `bytes` or `empty`. */
    readonly type: 'json' | 'text' | 'bytes' | 'empty';
    constructor(body: unknown, init?: ReplyInit, type?: Reply['type']);
}
/** Status and headers of a reply. */
export interface ReplyInit {
    status?: number;
    headers?: HeaderValues;
}
/**
 * Builds a JSON reply; `reply.text`, `reply.bytes` and `reply.empty` build
 * the other kinds.
 *
 * @example
 * ```ts
 * return reply({ id: 1 }, { status: 201 })
 * ```
 */
export declare function reply(body: unknown, init?: ReplyInit): Reply;
export declare namespace reply {
    var text: (body: string, init?: ReplyInit) => Reply;
    var bytes: (body: Uint8Array, init?: ReplyInit) => Reply;
    var empty: (init?: ReplyInit) => Reply;
}
/**
 * The serialised answer an adapter writes: status, header lines (a name may
 * repeat, e.g. several `WWW-Authenticate` challenges) and the body bytes.
 */
export interface Answer {
    readonly status: number;
    readonly headers: readonly (readonly [string, string])[];
    readonly body: string | Uint8Array | undefined;
}
/**
 * Serialises a JSON value with extra headers into an {@link Answer}.
 *
 * @example
 * ```ts
 * jsonAnswer(401, { detail: 'Not authenticated' }, { 'www-authenticate': 'Bearer' })
 * ```
 */
export declare function jsonAnswer(status: number, value: unknown, headers?: HeaderValues): Answer;
/**
 * A JSON answer whose body is already serialised, with the plain JSON
 * header line.
 *
 * @example
 * ```ts
 * jsonTextAnswer(422, '{"detail":[]}')
 * ```
 */
export declare function jsonTextAnswer(status: number, text: string): Answer;
/**
 * Serialises a handler's result (a plain value or a {@link Reply}) with the
 * route's default status.
 *
 * @example
 * ```ts
 * toAnswer({ ok: true }, 200) // { status: 200, headers: [['content-type','application/json']], body: '{"ok":true}' }
 * ```
 */
export declare function toAnswer(result: unknown, defaultStatus: number): Answer;
