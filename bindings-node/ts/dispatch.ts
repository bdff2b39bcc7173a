/**
 * The generic calls behind the generated resource tables (`platform-resources.ts`,
 * `ops-resources.ts`): one per kind of operation (`call`, `pages`, `stream`), each over a
 * native client's generic entry point (`call`, `paginate`, `stream`), the operation named by
 * its `x-sdk` name (`finance.budgets.list`). Nothing here is per operation.
 */

import {
  type APIPromise,
  type CancelHandle,
  type ListRequestOptions,
  type NativeCallOptions,
  type RequestOptions,
  json,
  type native,
  nativeOptions,
  toJson,
} from './core';
import { PagePromise } from './pagination';

/**
 * @internal The generic entry points of a native client (`N`: its stream object). `params` is
 * the JSON text of the arguments by wire name; a list with pages has `paginate`.
 */
export interface NativeEntryPoints<N> {
  call(
    op: string,
    params?: string | null,
    opts?: NativeCallOptions | null,
    cancel?: CancelHandle | null,
  ): Promise<string>;
  stream(op: string, params?: string | null, opts?: NativeCallOptions | null, cancel?: CancelHandle | null): Promise<N>;
  paginate?(
    op: string,
    params?: string | null,
    opts?: NativeCallOptions | null,
    cancel?: CancelHandle | null,
  ): native.Pager;
}

/**
 * @internal What a client makes of an operation's answer before the method resolves with it
 * (`conversations.create` resolves with a conversation handle), by operation name.
 */
export type After = Record<string, (data: never, options: RequestOptions | undefined) => unknown>;

/**
 * @internal The calls a generated resource table makes. `params` is the method's params object
 * (query parameters or body members), `positional` the arguments taken positionally (path ids,
 * body members such as `content`), both keyed by wire names.
 */
export interface Dispatch<S> {
  /** Kinds `call` and `items` (the native side unwraps the list of `items`). */
  call<R>(
    op: string,
    options: RequestOptions | undefined,
    params: unknown,
    positional: Record<string, unknown>,
  ): APIPromise<R>;
  /** Kind `pages`: `items` picks a page's items. */
  pages<P, I>(
    op: string,
    options: ListRequestOptions | undefined,
    params: unknown,
    positional: Record<string, unknown>,
    items: (page: P) => I[],
  ): PagePromise<P, I>;
  /** Kind `stream`: the request is sent at once. */
  stream(op: string, options: RequestOptions | undefined, params: unknown, positional: Record<string, unknown>): S;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v;
}

/**
 * @internal The JSON text of an operation's arguments: the members of `params` and the
 * positional arguments (those `undefined` left out). A `params` that is not an object, a cycle
 * or a nesting deeper than `MAX_JSON_DEPTH` is a `TypeError`.
 */
export function wireArgs(params: unknown, positional: Record<string, unknown>): string {
  if (params !== undefined && params !== null && (typeof params !== 'object' || Array.isArray(params))) {
    throw new TypeError(`params must be an object, not ${typeName(params)}`);
  }
  let args: Record<string, unknown> | undefined;
  for (const k in positional) {
    const v = positional[k];
    if (v !== undefined) (args ??= { ...(params ?? {}) })[k] = v;
  }
  // nothing to send (a call such as `agents.list()`): no serializer pass
  if (args === undefined && (params === undefined || params === null)) return '{}';
  return toJson('params', args ?? { ...params });
}

/**
 * @internal The `Dispatch` of a native client. `stream` wraps a native stream in the client's
 * stream class; `after` reshapes the answers of some operations.
 */
export function dispatcher<N, S>(
  c: NativeEntryPoints<N>,
  stream: (open: (cancel: CancelHandle | undefined) => Promise<N>, options: RequestOptions | undefined) => S,
  after: After = {},
): Dispatch<S> {
  return {
    call<R>(op: string, o: RequestOptions | undefined, params: unknown, positional: Record<string, unknown>) {
      const then = after[op] as ((data: unknown, options: RequestOptions | undefined) => R) | undefined;
      const call = (n: NativeCallOptions | undefined, k: CancelHandle | undefined): Promise<string> =>
        c.call(op, wireArgs(params, positional), n, k);
      return then ? json(o, call, (data: unknown) => then(data, o)) : json<R>(o, call);
    },
    pages<P, I>(
      op: string,
      o: ListRequestOptions | undefined,
      params: unknown,
      positional: Record<string, unknown>,
      items: (page: P) => I[],
    ) {
      const paginate = c.paginate?.bind(c);
      if (!paginate) throw new TypeError(`${op}: this client has no paginated lists`);
      const args = wireArgs(params, positional);
      const n = nativeOptions(o, true);
      return new PagePromise<P, I>((k) => paginate(op, args, n, k), items, o);
    },
    stream(op: string, o: RequestOptions | undefined, params: unknown, positional: Record<string, unknown>) {
      const args = wireArgs(params, positional);
      const n = nativeOptions(o);
      return stream((k) => c.stream(op, args, n, k), o);
    },
  };
}
