/**
 * Detects a stream that stopped sending bytes, without a timer per chunk. A busy stream delivers
 * thousands of chunks a second; arming and clearing a `setTimeout` for each would cost more than the
 * parsing. Instead one timer runs per idle period: when it fires it compares the time the current
 * wait began with now, and re-arms itself for the remainder if the wait is still young.
 */

/** The watchdog returned by {@link createIdleWatchdog}. */
export interface IdleWatchdog {
  /** A wait for bytes begins (call before each read). */
  waiting(): void;
  /** Bytes arrived, or the wait ended (call after each read). */
  received(): void;
  /** Stops for good and clears any timer. */
  stop(): void;
}

/**
 * Calls `onIdle` once if a wait lasts `timeoutMs` or longer.
 *
 * @example
 * ```ts
 * const watchdog = createIdleWatchdog(30_000, () => reader.cancel());
 * watchdog.waiting();
 * const chunk = await reader.read();
 * watchdog.received();
 * ```
 */
export function createIdleWatchdog(timeoutMs: number, onIdle: () => void): IdleWatchdog {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waitStart = 0;
  let isWaiting = false;
  let stopped = false;

  const schedule = (delay: number): void => {
    timer = setTimeout(check, delay);
  };

  function check(): void {
    timer = undefined;
    if (stopped || !isWaiting) return; // the next `waiting()` schedules again
    const elapsed = Date.now() - waitStart;
    if (elapsed >= timeoutMs) {
      stopped = true;
      onIdle();
    } else {
      schedule(timeoutMs - elapsed);
    }
  }

  return {
    waiting() {
      if (stopped) return;
      isWaiting = true;
      waitStart = Date.now();
      if (timer === undefined) schedule(timeoutMs);
    },
    received() {
      isWaiting = false;
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
