/**
 * Video V2 tasks (MiniMax-H3 videos and H3-Context-IR prompts) for the life of one mock server. A task goes
 * `queued → running → succeeded` over the configured number of polls of `GET /v2/query/video_generation/{id}` (or
 * ends `failed` with `error {code: "1026", …}` under the `task_fail` scenario); listing does not advance it. Its JSON
 * is the docs' `VideoTask`: `usage` is `{}` until it succeeded, times are Unix seconds, `content.url` (video) or
 * `content.prompt` (H3-Context-IR) appear at success. Cancelled tasks stay; deleted ones are gone.
 */

export type V2Status = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type V2Kind = 'generation' | 'h3_context_ir';

/** What the request asked for, as far as the task's answers need it. */
export interface V2Inputs {
  model: string;
  resolution: string | undefined;
  duration: number;
  /** The ratio to report (`adaptive` resolved). */
  ratio: string;
  prompt: string;
  images: number;
  videos: number;
  audios: number;
}

export interface V2Task {
  id: string;
  kind: V2Kind;
  inputs: V2Inputs;
  fail: boolean;
  /** Non-terminal polls before the terminal status. */
  polls: number;
  /** Polls answered so far. */
  seen: number;
  status: V2Status;
  createdAt: number;
  updatedAt: number;
  /** Where the video is downloadable, once it succeeded (video tasks). */
  url?: string;
}

/** The filters and page of a list request. */
export interface V2ListQuery {
  status?: string | undefined;
  taskIds?: readonly string[] | undefined;
  model?: string | undefined;
  taskType?: string | undefined;
  pageNum: number;
  pageSize: number;
}

const now = (): number => Math.floor(Date.now() / 1000);
const PROGRESS: readonly V2Status[] = ['queued', 'running'];
const TERMINAL = new Set<V2Status>(['succeeded', 'failed', 'cancelled']);

/** Seconds the mock pretends each reference clip lasts (the docs cap clips at 15 s in total). */
const CLIP_SECONDS = 5;
const TOKENS_PER_SECOND: Readonly<Record<string, number>> = { '480P': 9_800, '768P': 21_700, '2K': 52_078 };

/**
 * The tasks of one mock server.
 *
 * @example
 * ```ts
 * const task = store.create({ id, kind: 'generation', inputs, fail: false, polls: 2 });
 * store.poll(task); // 'queued', then 'running', then 'succeeded'
 * ```
 */
export class V2TaskStore {
  private readonly tasks = new Map<string, V2Task>();

  create(task: Omit<V2Task, 'seen' | 'status' | 'createdAt' | 'updatedAt'>): V2Task {
    const at = now();
    const created: V2Task = { ...task, seen: 0, status: 'queued', createdAt: at, updatedAt: at };
    this.tasks.set(task.id, created);
    return created;
  }

  get(id: string): V2Task | undefined {
    return this.tasks.get(id);
  }

  /** One poll of the task: advances it one step (a terminal task stays as it is). */
  poll(task: V2Task): V2Status {
    if (TERMINAL.has(task.status)) return task.status;
    const i = task.seen++;
    const next: V2Status =
      i < task.polls
        ? PROGRESS[Math.min(PROGRESS.length - 1, Math.floor((i * PROGRESS.length) / task.polls))]!
        : task.fail
          ? 'failed'
          : 'succeeded';
    this.setStatus(task, next);
    return next;
  }

  setStatus(task: V2Task, status: V2Status): void {
    if (task.status !== status) task.updatedAt = now();
    task.status = status;
  }

  delete(id: string): void {
    this.tasks.delete(id);
  }

  /** The matching tasks, newest first, and the page asked for. */
  list(query: V2ListQuery): { items: V2Task[]; total: number } {
    const ids = query.taskIds && query.taskIds.length > 0 ? new Set(query.taskIds) : undefined;
    const matching = [...this.tasks.values()]
      .reverse()
      .filter(
        (t) =>
          (query.status === undefined || t.status === query.status.toLowerCase()) &&
          (ids === undefined || ids.has(t.id)) &&
          (query.model === undefined || t.inputs.model === query.model) &&
          (query.taskType === undefined || t.kind === query.taskType),
      );
    const start = (query.pageNum - 1) * query.pageSize;
    return { items: matching.slice(start, start + query.pageSize), total: matching.length };
  }

  clear(): void {
    this.tasks.clear();
  }
}

/** The task as `GET /v2/query/video_generation/{id}` and the list describe it, e.g. `{ task: taskJson(task) }`. */
export function taskJson(task: V2Task): Record<string, unknown> {
  const { inputs } = task;
  const video = task.kind === 'generation';
  const succeeded = task.status === 'succeeded';
  return {
    id: task.id,
    model: inputs.model,
    status: task.status,
    ...(task.status === 'failed' && {
      error: { code: '1026', message: 'video description contains sensitive content' },
    }),
    created_at: task.createdAt,
    updated_at: task.updatedAt,
    ...(succeeded && { content: video ? { url: task.url } : { prompt: enhancedPrompt(inputs) } }),
    ...(video && inputs.resolution !== undefined && { resolution: inputs.resolution }),
    duration: inputs.duration,
    usage: succeeded ? usage(task) : {},
    ratio: inputs.ratio,
    task_type: task.kind,
    modality: video ? 'video' : 'text',
  };
}

function usage(task: V2Task): Record<string, number> {
  const { inputs } = task;
  const promptTokens = 1_200 + Math.ceil(inputs.prompt.length / 4) + 2_700 * (inputs.images + inputs.videos);
  if (task.kind === 'h3_context_ir') {
    const completion = 900 + 60 * inputs.duration;
    return { total_tokens: promptTokens + completion, prompt_tokens: promptTokens, completion_tokens: completion };
  }
  const inputSeconds = Math.min(15, CLIP_SECONDS * inputs.videos);
  const completion = inputs.duration * (TOKENS_PER_SECOND[inputs.resolution ?? ''] ?? TOKENS_PER_SECOND['768P']!);
  return {
    total_seconds: inputSeconds + inputs.duration,
    input_seconds: inputSeconds,
    output_seconds: inputs.duration,
    input_image_count: inputs.images,
    ...(inputs.audios > 0 && { input_audio_seconds: Math.min(15, CLIP_SECONDS * inputs.audios) }),
    total_tokens: promptTokens + completion,
    prompt_tokens: promptTokens,
    completion_tokens: completion,
  };
}

/**
 * An H3-Context-IR result in the documented sections, built around the request's own prompt.
 *
 * @example
 * ```ts
 * enhancedPrompt(inputs); // 'integrated_multimodal_description: [Shot 1] …\noverall_soundscape: …\nnon_diegetic_music: …'
 * ```
 */
export function enhancedPrompt(inputs: V2Inputs): string {
  const subject = inputs.prompt
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!?]*$/, '');
  const references = inputs.images + inputs.videos > 0 ? ', keeping the look of the reference media' : '';
  return [
    `integrated_multimodal_description: [Shot 1] Cinematic ${inputs.ratio} frame, ${inputs.duration} seconds. ${subject}${references}. The camera opens wide and pushes in slowly on the subject, who stays centre frame; soft natural key light, shallow depth of field, gentle film grain. [Shot 2] A closer angle holds on the subject's expression as the action resolves.`,
    'overall_soundscape: Quiet ambient room tone under the action, with close, clearly placed movement sounds that match what happens on screen.',
    'non_diegetic_music: Understated orchestral underscore, low strings building to a warm swell in the final seconds.',
  ].join('\n');
}
