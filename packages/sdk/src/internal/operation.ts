/**
 * What the transport needs to know about an endpoint beyond what the generated function encodes: whether running it
 * twice could bill twice, how its body and errors are shaped, which zod schema describes its answer.
 */

import type { IdKeys } from './lossless-json.ts';

/** What a generated `@minimax-ts/generated` function resolves to when called with `throwOnError: false`. */
export interface GeneratedResult {
  data?: unknown;
  error?: unknown;
  request?: Request;
  response?: Response;
}

// biome-ignore lint/suspicious/noExplicitAny: each generated function has its own options type; the transport only spreads them.
export type GeneratedCall = (options: any) => Promise<GeneratedResult | undefined>;

export interface Operation {
  /** The generated function that builds and sends the request (URL, query, headers, auth, body serialisation). */
  readonly call: GeneratedCall;
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  /** Creates that cost money: retried only when the failure proves the request did not run. */
  readonly billable: boolean;
  /** `json` bodies are written by the lossless writer (ids as bare numbers); `multipart` keeps the generated one. */
  readonly body: 'json' | 'multipart' | 'none';
  /** Request-body keys that are int64 ids on the wire (written as bare JSON numbers), declared with `idKeys()`. */
  readonly idKeys?: IdKeys;
  /** Native endpoints answer failures as HTTP 200 with a non-zero `base_resp`. */
  readonly envelope: 'native' | 'compatible';
  /** Export of `@minimax-ts/generated/zod` that describes the JSON answer, for `validate`. */
  readonly responseSchema?: string;
  /** Export of `@minimax-ts/generated/zod` that describes one SSE event's data. */
  readonly eventSchema?: string;
}

/** Declares an operation; a function only so that resources read as a table. */
export const defineOperation = (operation: Operation): Operation => operation;
