/**
 * The `on` / `off` listeners of a speech session, typed by event name. A listener that throws fails the session
 * (the subclass catches around `emit`), as a throwing listener fails an HTTP stream; `emitSafely` is for the events
 * that end a session, where there is nothing left to fail: the listener's error is rethrown on its own.
 */

import { type Listener, type ListenerOf, Listeners } from '../internal/listeners.ts';

export abstract class SessionEmitter<Events extends object> {
  readonly #listeners = new Listeners();

  /**
   * Registers a listener.
   *
   * @example
   * ```ts
   * session.on('audio', (bytes) => speaker.write(bytes)).on('warning', (err) => console.warn(err.message));
   * ```
   */
  on<K extends keyof Events & string>(event: K, listener: ListenerOf<Events, K>): this {
    this.#listeners.add(event, listener as Listener);
    return this;
  }

  off<K extends keyof Events & string>(event: K, listener: ListenerOf<Events, K>): this {
    this.#listeners.delete(event, listener as Listener);
    return this;
  }

  protected hasListeners(event: keyof Events & string): boolean {
    return this.#listeners.has(event);
  }

  protected emit(event: keyof Events & string, ...args: unknown[]): void {
    this.#listeners.emit(event, args);
  }

  /** Emits without letting a listener's exception escape into the caller (it is rethrown asynchronously). */
  protected emitSafely(event: keyof Events & string, ...args: unknown[]): void {
    try {
      this.emit(event, ...args);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}
