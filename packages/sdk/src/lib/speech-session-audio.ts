/**
 * The audio bookkeeping of a speech session: which chunks to hand out (an `is_final` frame that repeats the whole
 * request, as the HTTP stream's final event does, is not handed out twice), how many bytes came, the chunks kept for
 * an error's `partialAudio`, and the `extra_info` of each finished request.
 */

import type { T2aExtraInfo } from '@minimax-ts/generated';
import { concatBytes } from './hex.ts';

export class SessionAudio {
  /** Bytes received over the whole session. */
  bytes = 0;
  /** `extra_info` of every `is_final` frame, in order. */
  readonly extraInfos: T2aExtraInfo[] = [];
  readonly #kept: Uint8Array[] | undefined;
  #requestBytes = 0;
  #firstOfRequest: Uint8Array | undefined;

  constructor(retain: boolean) {
    this.#kept = retain ? [] : undefined;
  }

  /**
   * Accounts for one decoded chunk of a `task_continued` frame; false when it must not be handed out (the aggregated
   * repeat: an `is_final` chunk as long as everything received for its request, with the same first bytes).
   */
  accept(bytes: Uint8Array, isFinal: boolean): boolean {
    if (isFinal && this.#isRepeat(bytes)) return false;
    this.bytes += bytes.length;
    this.#requestBytes += bytes.length;
    this.#firstOfRequest ??= bytes;
    this.#kept?.push(bytes);
    return true;
  }

  /** A request ended (`is_final`). */
  finishRequest(info: T2aExtraInfo | undefined): void {
    if (info) this.extraInfos.push(info);
    this.#requestBytes = 0;
    this.#firstOfRequest = undefined;
  }

  /** Everything received, joined; `undefined` when the session does not keep its audio. */
  received(): Uint8Array | undefined {
    return this.#kept ? concatBytes(this.#kept) : undefined;
  }

  #isRepeat(bytes: Uint8Array): boolean {
    const first = this.#firstOfRequest;
    if (!first || bytes.length !== this.#requestBytes) return false;
    for (let i = 0; i < first.length; i++) if (bytes[i] !== first[i]) return false;
    return true;
  }
}
