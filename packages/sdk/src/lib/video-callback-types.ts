/**
 * What a video task's `callback_url` receives, typed. MiniMax first POSTs a verification `challenge`, then one body
 * per status change: on V1 (`mm.video.create`, video templates) the query response's shape with lowercase statuses
 * (`processing`, `success`, `failed`), on V2 (`mm.video.v2.create`) the query's `{task}` (`queued`, `running`,
 * `succeeded`, `failed`, `cancelled`). One union covers both, so a single endpoint can receive either.
 */

import type { VideoTaskV2 } from '@minimax-ts/generated';
import type { TaskState } from './poll-task.ts';

/** A V1 callback status as MiniMax spells it (the docs list these three; compare with `state`, not the spelling). */
export type VideoCallbackV1Status = 'processing' | 'success' | 'failed' | (string & {});
/** A V2 callback status as MiniMax spells it. */
export type VideoCallbackV2Status = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | (string & {});

/** A V1 status body (the query response's shape): ids as strings, whatever the wire had; unknown fields kept. */
export interface VideoCallbackV1Body {
  task_id: string;
  status: VideoCallbackV1Status;
  /** The video's file id (`mm.files.retrieve(file_id)` gives its `download_url`), once the task succeeded. */
  file_id?: string;
  video_width?: number;
  video_height?: number;
  /** Video templates (`mm.video.templates.create`) give the video's URL instead of a file id. */
  video_url?: string;
  base_resp?: { status_code?: number; status_msg?: string };
  [field: string]: unknown;
}

/**
 * The verification request MiniMax sends first. Answer it by echoing `challenge` (the handler does) within 3 s, or
 * MiniMax does not validate the URL and sends nothing more.
 */
export interface VideoCallbackChallenge {
  kind: 'challenge';
  /** The value to echo, as sent (a number arrives as its digits). */
  challenge: string;
  /** The parsed body, unknown fields included. */
  raw: Record<string, unknown>;
}

interface VideoStatusEventBase {
  kind: 'status';
  /** The task's id, always a string. */
  taskId: string;
  /** `'pending'`, `'succeeded'` or `'failed'` (failed, cancelled or expired), whatever the spelling. */
  state: TaskState;
  /** Why the task failed, when the body says so: V2's `task.error`, or a non-zero V1 `base_resp`. */
  error: { code: string; message: string } | undefined;
  /**
   * `true` only when a handler created with `confirm` queried the task and built this event from the answer; a
   * parsed body is just what someone POSTed (MiniMax signs nothing): confirm before acting on it.
   */
  verified: boolean;
  /** The body as received (parsed losslessly), unknown fields included. */
  raw: Record<string, unknown>;
}

/** A status change of a V1 video task (or a video template task). */
export interface VideoCallbackV1Event extends VideoStatusEventBase {
  api: 'v1';
  /** The status exactly as sent (`processing`, `success`, `failed`; the query's `Success`, `Fail`…). */
  status: VideoCallbackV1Status;
  /** The result's file id, once the task succeeded (video generation). */
  fileId: string | undefined;
  /** The result's URL, once the task succeeded (video templates' `video_url`). */
  url: string | undefined;
  body: VideoCallbackV1Body;
}

/** A status change of a V2 task (MiniMax-H3 video, H3-Context-IR prompt). */
export interface VideoCallbackV2Event extends VideoStatusEventBase {
  api: 'v2';
  /** The status exactly as sent. */
  status: VideoCallbackV2Status;
  /** `task.content.url`, the time-limited video URL, once the task succeeded. */
  url: string | undefined;
  /** The task, as `mm.video.v2.retrieve` gives it. */
  task: VideoTaskV2;
}

/** A status change of any video task: check `api` to narrow it. */
export type VideoStatusEvent = VideoCallbackV1Event | VideoCallbackV2Event;

/**
 * Anything MiniMax POSTs to a video `callback_url`: check `kind`, then `api`.
 *
 * @example
 * ```ts
 * const message: VideoCallback = parseVideoCallback(body);
 * if (message.kind === 'status' && message.api === 'v2') console.log(message.task.status, message.url);
 * ```
 */
export type VideoCallback = VideoCallbackChallenge | VideoStatusEvent;
