/**
 * Asynchronous tasks (video generation, async speech, video templates). A task advances one status per poll —
 * `Preparing → Queueing → Processing → Success` by default — so clients exercise their polling loops, and ends in
 * `Fail` when created with the `task_fail` scenario. The status spellings come from the spec's enum for the query
 * response (`Success` for video, `success` for async speech), never hard-coded.
 */

export interface Task {
  id: string;
  /** Which create/query pair this task belongs to (the create path). */
  family: string;
  fail: boolean;
  /** Non-terminal polls before the terminal status. */
  polls: number;
  /** Polls answered so far. */
  seen: number;
  /** The status the last poll reported (undefined before the first). */
  status?: string;
  /** The result file id: promised at creation for async speech, allocated at success otherwise. */
  fileId?: string;
  /** Set once the result file exists in the files store. */
  delivered: boolean;
}

export interface Lifecycle {
  progress: string[];
  success: string;
  fail: string;
}

const CANONICAL: Lifecycle = { progress: ['Preparing', 'Queueing', 'Processing'], success: 'Success', fail: 'Fail' };

/** The lifecycle in the spellings of a status enum (case-insensitive match); the canonical one without an enum. */
export function lifecycleFromEnum(values: readonly string[] | undefined): Lifecycle {
  if (!values || values.length === 0) return CANONICAL;
  const find = (re: RegExp) => values.find((v) => re.test(v));
  const progress = CANONICAL.progress
    .map((p) => values.find((v) => v.toLowerCase() === p.toLowerCase()))
    .filter((v): v is string => v !== undefined);
  return {
    progress: progress.length > 0 ? progress : CANONICAL.progress,
    success: find(/^succe/i) ?? CANONICAL.success,
    fail: find(/^fail/i) ?? CANONICAL.fail,
  };
}

export class TaskStore {
  private readonly tasks = new Map<string, Task>();

  create(task: Omit<Task, 'seen' | 'delivered'>): Task {
    const created: Task = { ...task, seen: 0, delivered: false };
    this.tasks.set(task.id, created);
    return created;
  }

  get(id: string): Task | undefined {
    return this.tasks.get(id);
  }

  /** Answers one poll: the status to report now, and whether it is terminal. */
  poll(task: Task, lifecycle: Lifecycle): { status: string; terminal: boolean; succeeded: boolean } {
    const i = task.seen++;
    if (i < task.polls) {
      const p = lifecycle.progress;
      const status = p[Math.min(p.length - 1, Math.floor((i * p.length) / task.polls))]!;
      task.status = status;
      return { status, terminal: false, succeeded: false };
    }
    task.status = task.fail ? lifecycle.fail : lifecycle.success;
    return { status: task.status, terminal: true, succeeded: !task.fail };
  }

  /** The status to report now without advancing (a task that moves on its own timer is only read by a poll). */
  peek(task: Task, lifecycle: Lifecycle): { status: string; terminal: boolean; succeeded: boolean } {
    const status = task.status ?? lifecycle.progress[0] ?? lifecycle.success;
    const terminal = status === lifecycle.success || status === lifecycle.fail;
    return { status, terminal, succeeded: status === lifecycle.success };
  }

  clear(): void {
    this.tasks.clear();
  }
}
