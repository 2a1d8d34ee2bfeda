/**
 * `parseVideoCallback`: one body POSTed to a video `callback_url`, as a typed {@link VideoCallback}. The shape decides
 * what it is — a `challenge` first (MiniMax's verification, which wins over anything else in the body), then a V2
 * `{task}`, then a V1 `{task_id, status}` (or a bare V2 task `{id, status}`, as a relay might forward it). Text is
 * parsed losslessly, so an 18-digit `file_id` sent as a bare number keeps its digits; statuses are kept as sent and
 * normalised case-insensitively into `state`; unknown fields are kept in `raw` and never an error.
 */

import type { VideoTaskV2 } from '@minimax-ts/generated';
import { parseJSON } from '../internal/lossless-json.ts';
import { taskState } from './poll-task.ts';
import { VideoCallbackParseError } from './video-callback-error.ts';
import type {
  VideoCallback,
  VideoCallbackV1Body,
  VideoCallbackV1Event,
  VideoCallbackV2Event,
  VideoStatusEvent,
} from './video-callback-types.ts';

type Obj = Record<string, unknown>;

/** Id fields kept as strings whatever their size (`id` is V2's `task.id`, a string of digits on the wire). */
const ID_KEYS: ReadonlySet<string> = new Set(['task_id', 'file_id', 'id']);

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Parses a body POSTed to a video `callback_url` (text, bytes, or an object you already parsed) into a challenge or
 * a V1/V2 status event. Throws {@link VideoCallbackParseError} for anything else. It proves nothing about the
 * sender: MiniMax does not sign callbacks, so confirm with `mm.video.retrieve(taskId)` /
 * `mm.video.v2.retrieve(taskId)` before acting on one.
 *
 * Pass the raw text when you can: an object from `JSON.parse` has already rounded an int64 `file_id` sent as a bare
 * number, and such an id (above 2^53) is refused rather than passed on wrong.
 *
 * @example
 * ```ts
 * const message = parseVideoCallback(await request.text());
 * if (message.kind === 'challenge') return Response.json({ challenge: message.challenge });
 * if (message.state === 'succeeded') console.log(message.taskId, message.api === 'v1' ? message.fileId : message.url);
 * ```
 */
export function parseVideoCallback(body: string | Uint8Array | ArrayBuffer | object): VideoCallback {
  const root =
    typeof body === 'string' || body instanceof Uint8Array || body instanceof ArrayBuffer ? decode(body) : body;
  if (!isObj(root)) throw new VideoCallbackParseError(`expected a JSON object, got ${describe(root)}`);
  if (root.challenge !== undefined && root.challenge !== null) {
    const { challenge } = root;
    if (typeof challenge === 'string') return { kind: 'challenge', challenge, raw: root };
    if (typeof challenge === 'number' && Number.isFinite(challenge)) {
      return { kind: 'challenge', challenge: String(challenge), raw: root };
    }
    throw new VideoCallbackParseError(`expected a string, got ${describe(challenge)}`, 'challenge');
  }
  if (root.task !== undefined) return v2Event(root.task, root, 'task.');
  if (root.task_id !== undefined) return v1Event(root);
  if (root.id !== undefined && typeof root.status === 'string') return v2Event(root, root, '');
  throw new VideoCallbackParseError(
    'not a video callback: expected a `challenge`, a V1 status body `{task_id, status, …}` or a V2 status body `{task: {id, status, …}}`',
  );
}

/**
 * The status event in `body`, or a {@link VideoCallbackParseError} if it is a challenge or not a callback (for code
 * that has answered the challenge already, e.g. after its own router).
 *
 * @example
 * ```ts
 * const event = parseVideoStatusEvent(text);
 * await db.tasks.update(event.taskId, { state: event.state });
 * ```
 */
export function parseVideoStatusEvent(body: string | Uint8Array | ArrayBuffer | object): VideoStatusEvent {
  const parsed = parseVideoCallback(body);
  if (parsed.kind === 'challenge') throw new VideoCallbackParseError('expected a status event, got a challenge');
  return parsed;
}

function decode(body: string | Uint8Array | ArrayBuffer): unknown {
  let text: string;
  try {
    text = typeof body === 'string' ? body : new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch (error) {
    throw new VideoCallbackParseError('the body is not valid UTF-8', undefined, { cause: error });
  }
  if (text.trim() === '') throw new VideoCallbackParseError('the body is empty');
  try {
    return parseJSON(text, { int64Keys: ID_KEYS });
  } catch (error) {
    throw new VideoCallbackParseError(`the body is not JSON (${(error as Error).message})`, undefined, {
      cause: error,
    });
  }
}

function v1Event(root: Obj): VideoCallbackV1Event {
  const taskId = id(root.task_id, 'task_id');
  const status = text(root.status, 'status');
  if (status === undefined) throw new VideoCallbackParseError('missing', 'status');
  const fileId = optionalId(root.file_id, 'file_id');
  const url = text(root.video_url, 'video_url') || undefined;
  const body = { ...root, task_id: taskId, status } as VideoCallbackV1Body;
  if (fileId === undefined) delete body.file_id;
  else body.file_id = fileId;
  return {
    kind: 'status',
    api: 'v1',
    taskId,
    status,
    state: taskState(status),
    fileId,
    url,
    error: v1Error(root.base_resp),
    verified: false,
    raw: root,
    body,
  };
}

function v2Event(value: unknown, root: Obj, prefix: string): VideoCallbackV2Event {
  if (!isObj(value)) throw new VideoCallbackParseError(`expected an object, got ${describe(value)}`, 'task');
  const taskId = id(value.id, `${prefix}id`);
  const status = text(value.status, `${prefix}status`);
  if (status === undefined) throw new VideoCallbackParseError('missing', `${prefix}status`);
  if (value.content !== undefined && value.content !== null && !isObj(value.content)) {
    throw new VideoCallbackParseError(`expected an object, got ${describe(value.content)}`, `${prefix}content`);
  }
  const content = isObj(value.content) ? value.content : undefined;
  const url = text(content?.url, `${prefix}content.url`) || undefined;
  return {
    kind: 'status',
    api: 'v2',
    taskId,
    status,
    state: taskState(status),
    url,
    error: v2Error(value.error, `${prefix}error`),
    verified: false,
    raw: root,
    task: { ...value, id: taskId, status } as VideoTaskV2,
  };
}

/** A non-zero `base_resp` is a failure with MiniMax's code; a zero one (or none) is no error. */
function v1Error(baseResp: unknown): VideoStatusEvent['error'] {
  if (!isObj(baseResp)) return undefined;
  const code = baseResp.status_code;
  if (code === undefined || code === null || code === 0 || code === '0') return undefined;
  const message = typeof baseResp.status_msg === 'string' ? baseResp.status_msg : '';
  return { code: String(code), message };
}

function v2Error(error: unknown, field: string): VideoStatusEvent['error'] {
  if (error === undefined || error === null) return undefined;
  if (typeof error === 'string') return { code: '', message: error };
  if (!isObj(error)) throw new VideoCallbackParseError(`expected an object, got ${describe(error)}`, field);
  const code = error.code === undefined || error.code === null ? '' : String(error.code);
  const message = typeof error.message === 'string' ? error.message : '';
  return code === '' && message === '' ? undefined : { code, message };
}

/** An id as a non-empty string: a string as is, a safe integer in digits; a rounded one is refused. */
function id(value: unknown, field: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
    if (Number.isSafeInteger(value)) return String(value);
    throw new VideoCallbackParseError(
      `${value} is above 2^53 and has lost its last digits in a JavaScript number; pass the raw body text instead of a JSON.parse result`,
      field,
    );
  }
  throw new VideoCallbackParseError(`expected an id string, got ${describe(value)}`, field);
}

function optionalId(value: unknown, field: string): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : id(value, field);
}

function text(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  throw new VideoCallbackParseError(`expected a string, got ${describe(value)}`, field);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
