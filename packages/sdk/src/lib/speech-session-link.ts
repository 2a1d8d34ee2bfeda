/**
 * What ties a speech session to the world and must be let go when it ends: its socket and its timers (keep-alive
 * pings). A failure drops the connection at once; a clean end closes it and terminates it if the server never
 * answers the close frame, so no socket lingers for ws's 30-second close timeout.
 */

import type { RealtimeSocket } from '../internal/websocket-types.ts';

const CLOSE_GRACE_MS = 2_000;

export class SessionLink {
  #socket: RealtimeSocket | undefined;
  #timers: Array<ReturnType<typeof setTimeout>> = [];
  #linger: ReturnType<typeof setTimeout> | undefined;
  #released = false;

  attach(socket: RealtimeSocket): void {
    this.#socket = socket;
    if (this.#released) socket.terminate();
  }

  send(text: string): void {
    this.#socket?.send(text);
  }

  /** Arms a timer (or an interval) cleared on release. */
  timer(ms: number, onFire: () => void, repeat: boolean): void {
    if (this.#released) return;
    this.#timers.push(repeat ? setInterval(onFire, ms) : setTimeout(onFire, ms));
  }

  /** The socket closed: nothing left to wait for. */
  closed(): void {
    clearTimeout(this.#linger);
  }

  release(failed: boolean): void {
    this.#released = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers = [];
    const socket = this.#socket;
    if (!socket) return;
    if (failed) socket.terminate();
    else {
      socket.close(1000);
      this.#linger = setTimeout(() => socket.terminate(), CLOSE_GRACE_MS);
    }
  }
}
