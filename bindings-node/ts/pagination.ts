/**
 * Auto-paginating lists: `await client.users.list()` is the first page (the wire's data
 * object, plus `data`, `hasNextPage()` / `getNextPage()` / `iterPages()`); `for await (const
 * user of client.users.list())`, like `for await (const user of firstPage)`, every item of
 * every page.
 */

import {
  type APIResponse,
  type CancelHandle,
  type ListRequestOptions,
  type WithResponse, checkAborted, native, signalOf, sync } from './core';
import { APIUserAbortError, CJHirashiError, mapError } from './errors';

/**
 * The methods every fetched page has (not enumerable: the page's own fields stay as on the
 * wire). A page is async-iterable: `for await (const item of page)` yields every item of this
 * page and of every page after it, as API.md's first page does in every language.
 */
export interface PageMethods<Page, Item = unknown> extends AsyncIterable<Item> {
  /** This page's items (the wire's list field: `users`, `conversations`, `transactions`). */
  readonly data: Item[];
  /** Whether another page follows this one. */
  hasNextPage(): boolean;
  /** This page and every following one, fetched lazily (`for await`). */
  iterPages(): AsyncGenerator<Page & PageMethods<Page, Item>, void, undefined>;
  /**
   * Fetches the page after this one (with the list's options and signal); throws
   * `CJHirashiError` when there is none (check `hasNextPage()` first).
   */
  getNextPage(): Promise<Page & PageMethods<Page, Item>>;
  /**
   * Every item of this page, then of each following page, each page fetched (once, as
   * `getNextPage()` does) when the previous one is used up; the list's `signal` stops it.
   *
   * @throws {APIError} A following page was answered with an error.
   * @throws {APIUserAbortError} `options.signal` aborted the list.
   */
  [Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined>;
}

/** The native answer of `nextPage()`. */
interface NativePage<Page> {
  hasNext: boolean;
  page: Page;
  response?: APIResponse | null;
}

/** The response metadata of each page fetched (for `withResponse()`). */
const pageResponses = new WeakMap<object, APIResponse>();

/** One native pager of a list and the signal it answers to. */
class Cursor<Page, Item> {
  readonly #pager: native.Pager;
  readonly #handle: CancelHandle | undefined;
  readonly #signal: AbortSignal | undefined;
  readonly #items: (page: Page) => Item[];

  constructor(
    pager: native.Pager,
    handle: CancelHandle | undefined,
    signal: AbortSignal | undefined,
    items: (page: Page) => Item[],
  ) {
    this.#items = items;
    this.#pager = pager;
    this.#handle = handle;
    this.#signal = signal;
  }

  /**
   * The next page, or `null` after the last one. An aborted signal asks for nothing; one that
   * fires while the page is on its way rejects with `APIUserAbortError`.
   */
  async next(): Promise<(Page & PageMethods<Page, Item>) | null> {
    const signal = this.#signal;
    checkAborted(signal);
    const handle = this.#handle;
    const onAbort = (): void => handle?.cancel();
    signal?.addEventListener('abort', onAbort, { once: true });
    let raw: string | null;
    try {
      raw = await this.#pager.nextPage();
    } catch (e) {
      throw signal?.aborted ? new APIUserAbortError() : mapError(e);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    // after the last page the pager answers `null` without a request
    if (raw === null) {
      checkAborted(signal);
      return null;
    }
    const { hasNext, page, response } = JSON.parse(raw) as NativePage<Page>;
    checkAborted(signal);
    if (response && typeof page === 'object' && page !== null) pageResponses.set(page, response);
    return this.#withMethods(page, hasNext);
  }

  #withMethods(page: Page, hasNext: boolean): Page & PageMethods<Page, Item> {
    let next: Promise<Page & PageMethods<Page, Item>> | undefined;
    const methods: Pick<PageMethods<Page, Item>, 'hasNextPage' | 'getNextPage'> = {
      hasNextPage: () => hasNext,
      getNextPage: () => {
        // the pager moves forward only from the newest page, so each page's successor is
        // fetched once and remembered
        next ??= (async () => {
          if (!hasNext) {
            throw new CJHirashiError('no next page: check hasNextPage() before calling getNextPage()');
          }
          const p = await this.next();
          if (p === null) throw new CJHirashiError('the list ended before the next page');
          return p;
        })();
        return next;
      },
    };
    const signal = this.#signal;
    if (typeof page === 'object' && page !== null) {
      Object.defineProperties(page, {
        hasNextPage: { value: methods.hasNextPage, enumerable: false },
        data: { value: this.#items(page), enumerable: false },
        iterPages: {
          value: async function* (this: Page & PageMethods<Page, Item>) {
            let p: Page & PageMethods<Page, Item> = this;
            for (;;) {
              yield p;
              if (!p.hasNextPage()) return;
              p = await p.getNextPage();
            }
          },
          enumerable: false,
        },
        getNextPage: { value: methods.getNextPage, enumerable: false },
        [Symbol.asyncIterator]: {
          value: async function* (this: Page & PageMethods<Page, Item>) {
            for await (const p of this.iterPages()) {
              for (const item of p.data) {
                // an abort stops the items of a page already fetched too
                checkAborted(signal);
                yield item;
              }
            }
          },
          enumerable: false,
        },
      });
    }
    return page as Page & PageMethods<Page, Item>;
  }
}

/**
 * The answer of a paginated `list()`: a promise of the first page that is also an async
 * iterable over every item of every page (fetched lazily, page by page). Each use (`then`,
 * `for await`, `pages()`) reads the list from the first page again. The options are checked
 * when the list is created (a `TypeError` or `RangeError` from `list()` itself); an
 * `AbortSignal` in them stops any use: nothing more is fetched or handed out once it fired.
 */
export class PagePromise<Page, Item> implements PromiseLike<Page & PageMethods<Page, Item>>, AsyncIterable<Item> {
  readonly #open: (cancel: CancelHandle | undefined) => native.Pager;
  readonly #items: (page: Page) => Item[];
  readonly #signal: AbortSignal | undefined;
  #first: Promise<Page & PageMethods<Page, Item>> | undefined;

  /** @internal */
  constructor(
    open: (cancel: CancelHandle | undefined) => native.Pager,
    items: (page: Page) => Item[],
    opts: ListRequestOptions | undefined,
  ) {
    this.#open = open;
    this.#items = items;
    this.#signal = signalOf(opts);
    // checks the params and options now (a native pager fetches nothing until asked)
    sync(() => open(undefined));
  }

  #cursor(): Cursor<Page, Item> {
    const signal = this.#signal;
    // linked to the signal by each `Cursor.next()` while its page is on the way
    const handle = signal ? new native.CancelHandle() : undefined;
    let pager: native.Pager;
    try {
      pager = this.#open(handle);
    } catch (e) {
      throw mapError(e);
    }
    return new Cursor<Page, Item>(pager, handle, signal, this.#items);
  }

  /** Every page, in order (the same page objects `getNextPage()` answers). */
  async *pages(): AsyncGenerator<Page & PageMethods<Page, Item>, void, undefined> {
    checkAborted(this.#signal);
    let page = await this.#cursor().next();
    while (page !== null) {
      yield page;
      checkAborted(this.#signal);
      if (!page.hasNextPage()) return;
      page = await page.getNextPage();
    }
  }

  /**
   * Every item of every page, each page fetched when the previous one is used up (the same
   * items as `for await (const item of await list)`).
   *
   * @throws {APIError} A page was answered with an error.
   * @throws {APIUserAbortError} `options.signal` aborted the list.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    const signal = this.#signal;
    for await (const page of this.pages()) {
      for (const item of this.#items(page)) {
        // an abort stops the items of a page already fetched too
        checkAborted(signal);
        yield item;
      }
    }
  }

  /** Every page, in order: the same as `pages()`. */
  iterPages(): AsyncGenerator<Page & PageMethods<Page, Item>, void, undefined> {
    return this.pages();
  }

  /**
   * The first page with the metadata of its response (status, headers, request id, rate
   * limit, attempts).
   *
   * @returns `{ data: firstPage, response }`.
   */
  async withResponse(): Promise<WithResponse<Page & PageMethods<Page, Item>>> {
    const page = await this.#firstPage();
    const response = pageResponses.get(page as object);
    if (!response) throw new CJHirashiError('the first page carried no response metadata');
    return { data: page, response };
  }

  #firstPage(): Promise<Page & PageMethods<Page, Item>> {
    this.#first ??= (async () => {
      checkAborted(this.#signal);
      const page = await this.#cursor().next();
      if (page === null) throw new CJHirashiError('the list answered no page');
      return page;
    })();
    return this.#first;
  }

  /** Fetches the first page (once) and settles with it: `await client.users.list()`. */
  then<R1 = Page & PageMethods<Page, Item>, R2 = never>(
    onfulfilled?: ((value: Page & PageMethods<Page, Item>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#firstPage().then(onfulfilled, onrejected);
  }

  /** Like `Promise.catch`, on the first page. */
  catch<R = never>(
    onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null,
  ): Promise<(Page & PageMethods<Page, Item>) | R> {
    return this.#firstPage().catch(onrejected);
  }

  /** Like `Promise.finally`, on the first page. */
  finally(onfinally?: (() => void) | null): Promise<Page & PageMethods<Page, Item>> {
    return this.#firstPage().finally(onfinally);
  }
}
