/**
 * Callbacks of tasks created with a `callback_url`, as MiniMax delivers them: first a verification POST
 * `{"challenge": …}` that must be echoed (else nothing more is sent, and the log says why), then one POST per status
 * change, in order, one at a time per task. Nobody may poll such a task, so it advances on its own timer, one status
 * every `stepMs`, and a poll only reads it (as on the real API, where polling does not move a task): polls and
 * callbacks agree. A cancel is reported like any other change. Everything stops on
 * `close()` — timers and requests in flight alike — and a target that is down never disturbs the mock.
 */
import {
  type CallbackFetch,
  CHALLENGE_TIMEOUT_MS,
  challengeProblem,
  EVENT_TIMEOUT_MS,
  postCallback,
} from './callback-delivery.ts';

/** A task as the callbacks see it: how to move it on, and what to report about it now. */
export interface WatchedTask {
  /** `v1:<id>` or `v2:<id>`: what the query handlers name it by when a poll moves it. */
  key: string;
  url: string;
  /** Advances the task one status (a poll's worth). */
  advance(): void;
  /** The task's current status in the callback's spelling ('' before its first step) and the body to POST for it. */
  snapshot(): { status: string; body: unknown; terminal: boolean };
}

interface Watch {
  task: WatchedTask;
  /** Resolves true once the challenge was echoed, false if it was not. */
  verified: Promise<boolean>;
  queue: Array<{ status: string; body: unknown }>;
  /** The last status queued ('' before the first: the first step reports the task's status, changed or not). */
  reported: string;
  sending: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  done: boolean;
}

/** Options of {@link TaskCallbacks}. */
export interface TaskCallbacksOptions {
  send: CallbackFetch;
  log: (line: string) => void;
  /** Milliseconds between two status steps of a watched task. */
  stepMs: number;
}

/**
 * The callbacks of one mock.
 *
 * @example
 * ```ts
 * const callbacks = new TaskCallbacks({ send: fetch, log: console.log, stepMs: 1000 });
 * callbacks.watch({ key: `v2:${task.id}`, url, advance, snapshot });
 * callbacks.changed(`v2:${task.id}`); // after a poll moved it
 * callbacks.close();
 * ```
 */
export class TaskCallbacks {
  private readonly watches = new Map<string, Watch>();
  private stop = new AbortController();
  private closed = false;

  constructor(private readonly options: TaskCallbacksOptions) {}

  /** Starts calling back `task.url` about `task`: the challenge now, status changes as they come. */
  watch(task: WatchedTask): void {
    if (this.closed) return;
    const problem = urlProblem(task.url);
    if (problem) {
      this.options.log(`callback_url ${JSON.stringify(task.url)} of task ${task.key} ${problem}: no callbacks`);
      return;
    }
    const watch: Watch = {
      task,
      verified: this.verify(task),
      queue: [],
      reported: '',
      sending: false,
      timer: undefined,
      done: false,
    };
    this.watches.set(task.key, watch);
    this.schedule(watch);
  }

  /** Whether the task moves on its own timer (a poll then only reads it, as a poll of the real API does). */
  drives(key: string): boolean {
    return this.watches.has(key);
  }

  /** A poll (or a cancel) moved the task: report the change if there is one. */
  changed(key: string): void {
    const watch = this.watches.get(key);
    if (watch) this.report(watch);
  }

  /** Forgets every watched task (`POST /__reset`): their timers and requests in flight stop; new ones are taken. */
  clear(): void {
    for (const watch of this.watches.values()) this.end(watch);
    this.watches.clear();
    this.stop.abort();
    this.stop = new AbortController();
  }

  /** Stops everything for good (the mock is closing). */
  close(): void {
    this.closed = true;
    this.clear();
  }

  private async verify(task: WatchedTask): Promise<boolean> {
    // Unpredictable enough for a mock (`crypto.randomUUID` needs a secure context in browsers, where MSW runs).
    const challenge = `mock-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
    const signal = this.stop.signal;
    const body = JSON.stringify({ challenge });
    const outcome = await postCallback(this.options.send, task.url, body, CHALLENGE_TIMEOUT_MS, signal);
    if (signal.aborted) return false;
    const problem = challengeProblem(outcome, challenge);
    if (problem) {
      this.options.log(
        `callback ${task.url} not verified for task ${task.key} (${problem}): MiniMax would send it no status updates`,
      );
      return false;
    }
    this.options.log(`callback ${task.url} verified for task ${task.key}`);
    return true;
  }

  private schedule(watch: Watch): void {
    watch.timer = setTimeout(() => {
      watch.timer = undefined;
      if (watch.done) return;
      watch.task.advance();
      this.report(watch);
      if (!watch.done && !watch.task.snapshot().terminal) this.schedule(watch);
    }, this.options.stepMs);
  }

  private report(watch: Watch): void {
    const { status, body, terminal } = watch.task.snapshot();
    if (terminal && watch.timer !== undefined) {
      clearTimeout(watch.timer);
      watch.timer = undefined;
    }
    if (status === watch.reported) return;
    watch.reported = status;
    watch.queue.push({ status, body });
    void this.flush(watch, terminal);
  }

  /** Sends the queued updates one after another, in order, once the challenge is answered. */
  private async flush(watch: Watch, lastQueued: boolean): Promise<void> {
    if (watch.sending) return;
    watch.sending = true;
    const signal = this.stop.signal;
    try {
      if (!(await watch.verified)) {
        watch.queue.length = 0;
        if (lastQueued) this.forget(watch);
        return;
      }
      for (let next = watch.queue.shift(); next && !signal.aborted; next = watch.queue.shift()) {
        const started = Date.now();
        const outcome = await postCallback(
          this.options.send,
          watch.task.url,
          JSON.stringify(next.body),
          EVENT_TIMEOUT_MS,
          signal,
        );
        if (signal.aborted) return;
        const result = outcome.ok ? `HTTP ${outcome.status}` : outcome.reason;
        this.options.log(
          `callback POST ${watch.task.url} ${watch.task.key} ${next.status} → ${result} (${Date.now() - started} ms)`,
        );
      }
      if (watch.task.snapshot().terminal && watch.queue.length === 0) this.forget(watch);
    } finally {
      watch.sending = false;
    }
    // Updates queued while the last one was being sent.
    if (watch.queue.length > 0 && !watch.done) void this.flush(watch, watch.task.snapshot().terminal);
  }

  private forget(watch: Watch): void {
    this.end(watch);
    if (this.watches.get(watch.task.key) === watch) this.watches.delete(watch.task.key);
  }

  private end(watch: Watch): void {
    watch.done = true;
    if (watch.timer !== undefined) clearTimeout(watch.timer);
    watch.timer = undefined;
    watch.queue.length = 0;
  }
}

/** Why the mock will not call `url` back (it calls only absolute http(s) URLs), or `undefined`. */
function urlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not an absolute URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return `has the scheme ${JSON.stringify(parsed.protocol.slice(0, -1))}`;
  if (parsed.username || parsed.password) return 'carries credentials, which fetch refuses to send';
  return undefined;
}
