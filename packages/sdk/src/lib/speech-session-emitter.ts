/**
 * The `on` / `off` listeners of a speech session, typed by event name. A listener that throws fails the session
 * (the subclass catches around `emit`), as a throwing listener fails an HTTP stream; `emitSafely` is for the events
 * that end a session, where there is nothing left to fail: the listener's error is rethrown on its own.
 */

type Listener = (...args: never[]) => void;
type ListenerOf<E, K extends keyof E> = E[K] extends Listener ? E[K] : never;

export abstract class SessionEmitter<Events extends object> {
  #listeners = new Map<string, Set<Listener>>();

  /**
   * Registers a listener.
   *
   * @example
   * ```ts
   * session.on('audio', (bytes) => speaker.write(bytes)).on('warning', (err) => console.warn(err.message));
   * ```
   */
  on<K extends keyof Events & string>(event: K, listener: ListenerOf<Events, K>): this {
    let set = this.#listeners.get(event);
    if (!set) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener as Listener);
    return this;
  }

  off<K extends keyof Events & string>(event: K, listener: ListenerOf<Events, K>): this {
    this.#listeners.get(event)?.delete(listener as Listener);
    return this;
  }

  protected hasListeners(event: keyof Events & string): boolean {
    return (this.#listeners.get(event)?.size ?? 0) > 0;
  }

  protected emit(event: keyof Events & string, ...args: unknown[]): void {
    const set = this.#listeners.get(event);
    if (!set) return;
    for (const listener of set) (listener as (...a: unknown[]) => void)(...args);
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
