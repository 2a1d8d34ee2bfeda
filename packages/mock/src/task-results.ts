/**
 * What a task leaves behind when it succeeds: the result file in the files store (V1 video and templates: a `file_id`
 * and a `download_url`; async speech: the `.tar`), or V2's `content.url`. Shared by the query handlers and by the
 * timers that advance tasks created with a `callback_url`, so a result appears once, whichever reaches success first.
 */
import type { MockState } from './context.ts';
import { downloadUrl } from './files-api.ts';
import type { StoredFile } from './files-store.ts';
import { fakeMp4, speechArchive } from './result-files.ts';
import type { Task } from './tasks.ts';
import type { V2Task } from './video-v2-tasks.ts';

/**
 * Puts a V1 task's result file in the store on its first success (idempotent) and returns it.
 *
 * @example
 * ```ts
 * const file = deliverTaskResult(ctx.state, task, 'video'); // file.fileId is now the task's file_id
 * ```
 */
export function deliverTaskResult(state: MockState, task: Task, result: 'video' | 'speech'): StoredFile {
  const existing = task.fileId ? state.files.get(task.fileId) : undefined;
  if (existing) return existing;
  const video = result === 'video';
  const file = state.files.put({
    ...(task.fileId && { fileId: task.fileId }),
    filename: `${task.id}.${video ? 'mp4' : 'tar'}`,
    purpose: video ? 'video_generation' : 't2a_async',
    bytes: video ? fakeMp4() : speechArchive(task.id),
    contentType: video ? 'video/mp4' : 'application/x-tar',
  });
  task.fileId = file.fileId;
  task.delivered = true;
  return file;
}

/**
 * Gives a succeeded V2 video task its `content.url` (once): the real one is a CDN link, here a download from the mock
 * itself, not listed by the files API (V2 has none).
 *
 * @example
 * ```ts
 * if (store.poll(task) === 'succeeded') finishVideoV2Task(ctx.state, ctx.baseUrl, task);
 * ```
 */
export function finishVideoV2Task(state: MockState, baseUrl: string, task: V2Task): void {
  if (task.status !== 'succeeded' || task.kind !== 'generation' || task.url !== undefined) return;
  const file = state.files.put({
    filename: `${task.id}.mp4`,
    purpose: 'video_generation',
    bytes: fakeMp4(),
    contentType: 'video/mp4',
    unlisted: true,
  });
  task.url = downloadUrl(baseUrl, file);
}
