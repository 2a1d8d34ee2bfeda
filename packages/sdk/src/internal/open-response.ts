/**
 * A response whose headers arrived, handed from the transport to whatever reads its body (a stream, a download). Its
 * own file so that the readers and the transport's helpers can share the type without importing the transport.
 */

import type { AttemptSignal } from './attempt-signal.ts';
import type { Operation } from './operation.ts';
import type { RequestLine } from './read-json.ts';

/** A response whose headers arrived; `attempt` owns the caller's abort wiring until the body is consumed. */
export interface OpenResponse {
  response: Response;
  attempt: AttemptSignal;
  idleTimeout: number;
  /** For streams: the largest line or event accepted (`maxEventBytes`). */
  maxEventBytes: number;
  request: RequestLine;
  /** For streams with validation on: checks one event's data (throws in strict mode). */
  validateEvent?: ((data: unknown) => void) | undefined;
  /** Bytes of the body already read (an event stream's first bytes, read to tell it from a JSON error body). */
  prefix?: Uint8Array | undefined;
  /**
   * The client's secret registration (see `secrets.ts`). Held here so that a key stays known, and so redacted from
   * errors, while a stream or download of its client is alive — even after the client itself is gone.
   */
  secrets: object;
  /**
   * For a stream whose body turned out to be a JSON error (see `open-stream.ts`): applies the retry policy to that
   * error, as if the attempt had failed inside the retry loop, and resolves with the next attempt's response; rejects
   * with the error when it is final (or with what failed next).
   */
  resume?: ((error: unknown) => Promise<OpenResponse>) | undefined;
  /** Called once when a stream is finished with for good (its signal, and a `streamTimeout` deadline, released). */
  done?: (() => void) | undefined;
  /** Cancels the stream's call as a whole: the attempt in flight and any retry to come (see `Transport.sse`). */
  stop?: (() => void) | undefined;
}

/**
 * Turns a successful answer into a call's result (see `Transport.call`); it owns `open.attempt` and must release it
 * (or stop its timer and hand the body on).
 */
export type AnswerReader<R> = (open: OpenResponse, op: Operation) => Promise<R>;
