/**
 * The listener registry behind `on` / `off` of HTTP streams (`EventStream`) and speech sessions (`SessionEmitter`):
 * one implementation, so both fire listeners in registration order and skip all work when nobody listens (an emit
 * runs per stream event, usually with no listener at all).
 */

/** Any listener; the typed `on` / `off` of each class narrow it per event. */
export type Listener = (...args: never[]) => void;

/** The listener type of event `K` in an events map. */
export type ListenerOf<E, K extends keyof E> = E[K] extends Listener ? E[K] : never;

export class Listeners {
  readonly #byEvent = new Map<string, Set<Listener>>();

  add(event: string, listener: Listener): void {
    let set = this.#byEvent.get(event);
    if (!set) {
      set = new Set();
      this.#byEvent.set(event, set);
    }
    set.add(listener);
  }

  delete(event: string, listener: Listener): void {
    this.#byEvent.get(event)?.delete(listener);
  }

  /** Whether `event` has a listener: lets a caller skip building an argument nobody reads. */
  has(event: string): boolean {
    return this.#byEvent.size > 0 && (this.#byEvent.get(event)?.size ?? 0) > 0;
  }

  emit(event: string, args: unknown[]): void {
    if (this.#byEvent.size === 0) return; // the common case: a `for await` loop and no listener
    const set = this.#byEvent.get(event);
    if (!set) return;
    for (const listener of set) (listener as (...a: unknown[]) => void)(...args);
  }
}
