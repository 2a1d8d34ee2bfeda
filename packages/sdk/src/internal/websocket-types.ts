/** The socket interface the speech session is written against, whatever WebSocket implementation carries it. */

import type { Logger } from '../core/client-options.ts';

/** What a socket reports; exactly one of `onRefused`, `onError` or `onClose` ends it. */
export interface SocketHandlers {
  /** The upgrade succeeded; `headers` are the 101 response's (empty where the implementation hides them). */
  onOpen(headers: Record<string, string>): void;
  /** One message: text, or bytes for a binary frame. */
  onMessage(data: string | Uint8Array): void;
  /** The upgrade was answered with another status (`ws` only; a standard WebSocket reports `onError`). */
  onRefused(status: number, headers: Record<string, string>, body: string): void;
  /** A transport failure (refused connection, reset, frame over the size limit). `onClose` may follow. */
  onError(error: unknown): void;
  onClose(code: number, reason: string): void;
}

/** An open (or opening) socket, the same whatever the implementation. */
export interface RealtimeSocket {
  send(text: string): void;
  /** A clean close (close frame, then the peer's). */
  close(code?: number, reason?: string): void;
  /** Drops the connection at once: the end of every failure, so nothing lingers for a close handshake. */
  terminate(): void;
  /** A WebSocket ping, where the implementation can send one (`ws`); keeps an idle MiniMax connection alive. */
  readonly ping: (() => void) | undefined;
}

export interface SocketRequest {
  url: string;
  headers: Record<string, string>;
  /** Largest message accepted, in bytes (`ws` only: it closes with 1009 above it). */
  maxPayload: number;
  /** Hears why `ws` could not be used when that is worth knowing (a Deno permission): the fallback cannot report a refused upgrade. */
  logger?: Pick<Logger, 'warn'> | undefined;
  handlers: SocketHandlers;
}
