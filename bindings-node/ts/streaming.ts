/**
 * Streams as async iterables. The Rust core hands over every ready event in one batch, and the
 * iterator yields them one by one. Leaving a `for await` early (`break`, `return`, a thrown
 * error) drops the core's stream, which closes the connection.
 */

import type { ChatEvent, ChatDone } from './ops-types';
import type { StreamDone } from './platform-types';
import {
  type APIResponse,
  type CancelHandle,
  type RequestOptions,
  type SignalLink,
  type WithResponse,
  linkSignal,
  type native,
  signalOf,
} from './core';
import { APIUserAbortError, CJHirashiError, ResponseTooLargeError, mapError } from './errors';


/** The lengths of no token (before the first batch, after the end). */
const NO_LENGTHS: ArrayLike<number> = new Uint32Array(0);

interface ChatBatch {
  events: ChatEvent[];
  /** The core's text of the answer: with `done`, and once when it got truncated. */
  text?: string;
  /** The answer's text outgrew the call's `maxResponseBytes`. */
  truncated?: boolean;
  /** The call's `maxResponseBytes`, with `truncated`. */
  limit?: number;
}

/** `finalText()`'s refusal of a text that was not kept whole. */
function truncatedText(limit: number | undefined): ResponseTooLargeError {
  return new ResponseTooLargeError(
    `the answer's text is longer than maxResponseBytes (${limit ?? '?'} bytes), so it was not kept whole; raise maxResponseBytes to accept it`,
    { limit },
  );
}

interface NativeBatches {
  nextBatch(): Promise<unknown>;
  close(): Promise<void>;
  response(): string;
}

/** The metadata of the response that opened `opening`'s stream (once it is open). */
async function openingResponse(opening: Opening): Promise<APIResponse> {
  let stream: NativeBatches;
  try {
    stream = await opening.stream;
  } catch (e) {
    if (opening.aborted) throw new APIUserAbortError();
    throw mapError(e);
  }
  return JSON.parse(stream.response()) as APIResponse;
}

/** A stream request already on its way (started when the stream object is created). */
interface Opening {
  stream: Promise<NativeBatches>;
  /** Whether the caller's signal fired. */
  readonly aborted: boolean;
  /** Runs `cb` when the signal fires (once). */
  onAbort(cb: () => void): void;
  release(): void;
}

/**
 * Sends the request at once, as a call does, so `sendMessage` sends even before (or without)
 * iteration; a failure of the request surfaces when the stream is iterated. An argument the
 * native layer refuses (`TypeError`, `RangeError`) is thrown at once, and an already aborted
 * signal sends nothing. When the signal fires later, the native stream is closed at once
 * (closing the connection) and the iteration rejects with `APIUserAbortError`.
 */
function startOpening(
  open: (cancel: CancelHandle | undefined) => Promise<NativeBatches>,
  opts: RequestOptions | undefined,
): Opening {
  const signal = signalOf(opts);
  const callbacks: Array<() => void> = [];
  let link: SignalLink | undefined;
  let stream: Promise<NativeBatches>;
  const opening: Opening = {
    get stream() {
      return stream;
    },
    get aborted() {
      return link?.aborted ?? signal?.aborted ?? false;
    },
    onAbort(cb) {
      callbacks.push(cb);
    },
    release: () => link?.release(),
  };
  if (signal?.aborted) {
    stream = Promise.reject(new APIUserAbortError());
  } else {
    link = linkSignal(signal, false, () => {
      // close the native stream (and its connection) without waiting for the next read
      stream.then((s) => s.close()).catch(() => {});
      for (const cb of callbacks.splice(0)) cb();
    });
    try {
      stream = open(link.handle);
    } catch (e) {
      link.release();
      const mapped = mapError(e);
      if (mapped instanceof TypeError || mapped instanceof RangeError) throw mapped;
      stream = Promise.reject(mapped);
    }
  }
  stream.catch(() => {
    // observed by the iteration; never an unhandled rejection
  });
  return opening;
}

/**
 * The batches of `opening`'s native stream, each made by `decode` of what `nextBatch()`
 * answered (other than `null`, the end).
 */
async function* batches<B>(opening: Opening, decode: (raw: unknown) => B): AsyncGenerator<B, void, undefined> {
  let stream: NativeBatches | undefined;
  try {
    try {
      stream = await opening.stream;
    } catch (e) {
      if (opening.aborted) throw new APIUserAbortError();
      throw mapError(e);
    }
    for (;;) {
      if (opening.aborted) throw new APIUserAbortError();
      let raw: unknown;
      try {
        raw = await stream.nextBatch();
      } catch (e) {
        if (opening.aborted) throw new APIUserAbortError();
        throw mapError(e);
      }
      if (opening.aborted) throw new APIUserAbortError();
      if (raw === null || raw === undefined) return;
      yield decode(raw);
    }
  } finally {
    // the signal stays linked until the consumer is done: tokens read ahead are still refused
    // once it fires (the consumer releases it)
    if (stream) await stream.close();
  }
}

/**
 * The streamed answer of a platform conversation: `for await (const token of stream)` yields
 * the tokens as strings. After the stream ended, `messageId`, `tokensUsed`, `timestamp` and
 * `text` hold the `done` event's fields and the whole answer. The request is sent when the
 * stream is created. Not a promise: use it directly in `for await`, or call `finalText()`.
 */
export class MessageStream implements AsyncIterable<string> {
  /** `messageId` of the stored answer (after the end). */
  messageId: string | undefined;
  /** `tokensUsed` of the answer (after the end). */
  tokensUsed: number | undefined;
  /** `timestamp` of the answer (after the end). */
  timestamp: string | undefined;
  /**
   * The tokens received so far, concatenated (the whole answer after the end), up to the
   * call's `maxResponseBytes` (UTF-8 bytes, default 32 MiB): see `textTruncated`.
   */
  text = '';
  /**
   * Whether the answer's text outgrew `maxResponseBytes`: `text` then keeps only its beginning
   * (every token is still handed out while iterating) and `finalText()` throws.
   */
  textTruncated = false;
  /** Whether the `done` event arrived. */
  completed = false;
  #textLimit: number | undefined;
  #started = false;
  readonly #opening: Opening;

  /** @internal The request is sent at once. */
  constructor(
    open: (cancel: CancelHandle | undefined) => Promise<native.TokenStream>,
    opts: RequestOptions | undefined,
  ) {
    this.#opening = startOpening(open, opts);
  }

  /**
   * Waits until the stream is open and resolves with it and the metadata of the response
   * that opened it (status, headers, request id, rate limit, attempts); iterate `data` then.
   *
   * @returns `{ data: this stream, response }`.
   * @throws {APIError} The request was answered with an error.
   * @throws {APIConnectionError} No answer.
   * @throws {APIUserAbortError} `options.signal` aborted the stream.
   */
  async withResponse(): Promise<WithResponse<MessageStream>> {
    return { data: this, response: await openingResponse(this.#opening) };
  }

  /**
   * Iterates the answer's tokens as they arrive (once per stream). Leaving the loop early
   * (`break`, `return`, a thrown error) closes the connection.
   *
   * @throws {IncompleteStreamError} The stream ended before its `done` event.
   * @throws {APIError} An `error` event inside the stream, as the class of its code.
   * @throws {APITimeoutError} The stream stayed silent longer than `streamIdleTimeout`.
   * @throws {APIUserAbortError} `options.signal` aborted the stream.
   */
  // A hand-written iterator rather than an `async function*`: a token already in the current
  // batch is handed out with one resolved promise, without resuming a generator, which makes
  // `for await` over the tokens several times faster.
  [Symbol.asyncIterator](): AsyncIterator<string, void, undefined> {
    if (this.#started) throw new CJHirashiError('a stream can be iterated only once');
    this.#started = true;
    const opening = this.#opening;
    const source = batches(opening, (raw) => raw as native.TokenBatch);
    let joined = '';
    let lens: ArrayLike<number> = NO_LENGTHS;
    let index = 0;
    let pos = 0;
    let finished = false;
    // set when the signal fires: the tokens already read ahead are not handed out
    let aborted = opening.aborted;
    opening.onAbort(() => {
      aborted = true;
    });
    const end: IteratorResult<string, void> = { done: true, value: undefined };
    // the iteration is over: the signal is unlinked (a later abort changes nothing)
    const over = (): IteratorResult<string, void> => {
      finished = true;
      lens = NO_LENGTHS;
      opening.release();
      return end;
    };
    const abort = async (): Promise<IteratorResult<string, void>> => {
      if (finished && index >= lens.length) return over();
      over();
      await source.return().catch(() => {});
      throw new APIUserAbortError();
    };
    const take = (): IteratorResult<string, void> => {
      const len = lens[index++]!;
      const value = joined.slice(pos, pos + len);
      pos += len;
      return { done: false, value };
    };
    const refill = async (): Promise<IteratorResult<string, void>> => {
      for (;;) {
        if (finished) return over();
        let next: IteratorResult<native.TokenBatch, void>;
        try {
          next = await source.next();
        } catch (e) {
          over();
          throw e;
        }
        if (aborted) return abort();
        if (next.done) return over();
        const batch = next.value;
        joined = batch.joined;
        lens = batch.lens;
        index = 0;
        pos = 0;
        const keep = batch.keep;
        if (keep === undefined || keep === null) {
          this.text += joined;
        } else {
          if (keep > 0) this.text += joined.slice(0, keep);
          this.textTruncated = true;
          this.#textLimit = batch.limit ?? undefined;
        }
        if (batch.done !== undefined && batch.done !== null) {
          const done = JSON.parse(batch.done) as StreamDone;
          this.messageId = done.messageId;
          this.tokensUsed = done.tokensUsed;
          this.timestamp = done.timestamp;
          this.completed = true;
          finished = true;
          await source.return();
        }
        if (lens.length > 0) return take();
      }
    };
    return {
      next: (): Promise<IteratorResult<string, void>> =>
        aborted ? abort() : index < lens.length ? Promise.resolve(take()) : refill(),
      return: async (): Promise<IteratorResult<string, void>> => {
        over();
        await source.return();
        return end;
      },
    };
  }

  /**
   * Reads the stream to its end and returns the whole answer.
   *
   * @throws {ResponseTooLargeError} The answer's text outgrew `maxResponseBytes`.
   */
  async finalText(): Promise<string> {
    for await (const _ of this) {
      // consumed for its side effects
    }
    if (this.textTruncated) throw truncatedText(this.#textLimit);
    return this.text;
  }
}

/**
 * The streamed answer of an ops chat: `for await (const event of stream)` yields typed events
 * (`thinking`, `tool_call`, `tool_result`, `message`, `done`). After the end, `text` is the
 * concatenated `message` content and `conversationId` the conversation it was stored in.
 */
export class ChatEventStream implements AsyncIterable<ChatEvent> {
  /**
   * The concatenated `message` contents received so far, up to the call's `maxResponseBytes`
   * (UTF-8 bytes, default 32 MiB): see `textTruncated`.
   */
  text = '';
  /**
   * Whether the answer's text outgrew `maxResponseBytes`: `text` then keeps only its beginning
   * (every event is still handed out) and `finalText()` throws.
   */
  textTruncated = false;
  #textLimit: number | undefined;
  /** `conversation_id` of the `done` event (after the end). */
  conversationId: string | undefined;
  /** The `done` event (after the end). */
  done: ChatDone | undefined;
  /** Whether the `done` event arrived. */
  completed = false;
  #started = false;
  readonly #opening: Opening;

  /** @internal The request is sent at once. */
  constructor(
    open: (cancel: CancelHandle | undefined) => Promise<native.ChatStream>,
    opts: RequestOptions | undefined,
  ) {
    this.#opening = startOpening(open, opts);
  }

  /**
   * Waits until the stream is open and resolves with it and the metadata of the response
   * that opened it (status, headers, request id, rate limit, attempts); iterate `data` then.
   *
   * @returns `{ data: this stream, response }`.
   * @throws {APIError} The request was answered with an error.
   * @throws {APIConnectionError} No answer.
   * @throws {APIUserAbortError} `options.signal` aborted the stream.
   */
  async withResponse(): Promise<WithResponse<ChatEventStream>> {
    return { data: this, response: await openingResponse(this.#opening) };
  }

  /**
   * Iterates the typed events as they arrive (once per stream). Leaving the loop early closes
   * the connection.
   *
   * @throws {IncompleteStreamError} The stream ended before its `done` event.
   * @throws {APIError} An `error` event inside the stream, as the class of its code.
   * @throws {APITimeoutError} The stream stayed silent longer than `streamIdleTimeout`.
   * @throws {APIUserAbortError} `options.signal` aborted the stream.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<ChatEvent, void, undefined> {
    if (this.#started) throw new CJHirashiError('a stream can be iterated only once');
    this.#started = true;
    const opening = this.#opening;
    try {
      for await (const batch of batches(opening, (raw) => JSON.parse(raw as string) as ChatBatch)) {
        if (batch.truncated && !this.textTruncated) {
          // from here on the core's text stands (kept up to the limit, like Python's)
          this.textTruncated = true;
          this.#textLimit = batch.limit;
          if (batch.text !== undefined) this.text = batch.text;
        }
        for (const ev of batch.events) {
          // the events already read are not handed out once the signal fired
          if (opening.aborted) throw new APIUserAbortError();
          if (ev.type === 'message' && !this.textTruncated) this.text += ev.content;
          if (ev.type === 'done') {
            this.done = ev;
            this.conversationId = ev.conversation_id;
            this.completed = true;
            if (batch.text !== undefined) this.text = batch.text;
          }
          yield ev;
          if (ev.type === 'done') return;
        }
      }
    } finally {
      opening.release();
    }
  }

  /**
   * Reads the stream to its end and returns the answer's text.
   *
   * @throws {ResponseTooLargeError} The answer's text outgrew `maxResponseBytes`.
   */
  async finalText(): Promise<string> {
    for await (const _ of this) {
      // consumed for its side effects
    }
    if (this.textTruncated) throw truncatedText(this.#textLimit);
    return this.text;
  }
}
