/**
 * Auto-paginating lists: `await client.users.list()` is the first page (the wire's data
 * object), `for await (const user of client.users.list())` every item of every page.
 */

import { type CancelHandle, type RequestOptions, checkAborted, linkSignal, type native } from './core';
import { mapError } from './errors';

/**
 * The answer of a paginated `list()`: a promise of the first page that is also an async
 * iterable over every item of every page (fetched lazily, page by page). Each use (`then`,
 * `for await`, `pages()`) reads the list from the first page again.
 */
export class PagePromise<Page, Item> implements PromiseLike<Page>, AsyncIterable<Item> {
  readonly #open: (cancel: CancelHandle | undefined) => native.Pager;
  readonly #items: (page: Page) => Item[];
  readonly #opts: RequestOptions | undefined;
  #first: Promise<Page> | undefined;

  /** @internal */
  constructor(
    open: (cancel: CancelHandle | undefined) => native.Pager,
    items: (page: Page) => Item[],
    opts: RequestOptions | undefined,
  ) {
    this.#open = open;
    this.#items = items;
    this.#opts = opts;
  }

  /** Every page, in order. */
  async *pages(): AsyncGenerator<Page, void, undefined> {
    checkAborted(this.#opts?.signal);
    const link = linkSignal(this.#opts?.signal);
    try {
      let pager: native.Pager;
      try {
        pager = this.#open(link.handle);
      } catch (e) {
        throw mapError(e);
      }
      for (;;) {
        let raw: string | null;
        try {
          raw = await pager.nextPage();
        } catch (e) {
          throw mapError(e);
        }
        if (raw === null) return;
        yield JSON.parse(raw) as Page;
      }
    } finally {
      link.release();
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) {
      yield* this.#items(page);
    }
  }

  #firstPage(): Promise<Page> {
    this.#first ??= (async () => {
      for await (const page of this.pages()) return page;
      throw new Error('the list answered no page');
    })();
    return this.#first;
  }

  then<R1 = Page, R2 = never>(
    onfulfilled?: ((value: Page) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#firstPage().then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page | R> {
    return this.#firstPage().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<Page> {
    return this.#firstPage().finally(onfinally);
  }
}
