/**
 * Checks Video V2 requests before they are sent. A V2 create is billable and its failures are HTTP 400s whose only
 * detail is a sentence, so the mistakes the docs name are refused here with the field that is wrong: no non-empty
 * text item (the server's 400/2013), an item whose payload does not match its `type`, a role on the wrong kind of
 * media, frame roles mixed with reference roles, a duration that is not a whole number. Ranges the server may widen
 * (models, resolutions, durations, text length, media counts) are left to it.
 */

import { InvalidArgumentError } from '../core/invalid-argument-error.ts';
import { v2TaskId } from '../internal/ids.ts';

type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const shown = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'string'
        ? JSON.stringify(value)
        : typeof value;

/** The media type each documented role belongs on; other roles are the server's to judge. */
const ROLE_MEDIA: Readonly<Record<string, string>> = {
  first_frame: 'image_url',
  last_frame: 'image_url',
  reference_image: 'image_url',
  reference_video: 'video_url',
  reference_audio: 'audio_url',
};
const FRAME_ROLES = new Set(['first_frame', 'last_frame']);
const REFERENCE_ROLES = new Set(['reference_image', 'reference_video', 'reference_audio']);
const CONTENT_TYPES = new Set(['text', 'image_url', 'video_url', 'audio_url']);

function checkItem(item: unknown, at: string): { text: boolean; role: string | undefined } {
  if (!isObj(item)) throw new InvalidArgumentError(at, `expected a content item object, got ${shown(item)}`);
  const { type } = item;
  if (typeof type !== 'string' || !CONTENT_TYPES.has(type)) {
    throw new InvalidArgumentError(
      `${at}.type`,
      `expected 'text', 'image_url', 'video_url' or 'audio_url', got ${shown(type)}`,
    );
  }
  if (type === 'text') {
    if (typeof item.text !== 'string') {
      throw new InvalidArgumentError(
        `${at}.text`,
        `a text item carries its prompt in \`text\` (a string), got ${shown(item.text)}`,
      );
    }
  } else {
    const media = item[type];
    if (!isObj(media) || typeof media.url !== 'string' || media.url.trim() === '') {
      throw new InvalidArgumentError(
        `${at}.${type}.url`,
        `a ${type} item needs \`${type}: { url }\` (a public URL, mm_file://<file_id> or a data: URI)`,
      );
    }
  }
  const { role } = item;
  if (role !== undefined && typeof role !== 'string') {
    throw new InvalidArgumentError(`${at}.role`, `expected a string, got ${shown(role)}`);
  }
  const media = role === undefined ? undefined : ROLE_MEDIA[role];
  if (media !== undefined && media !== type) {
    throw new InvalidArgumentError(`${at}.role`, `role '${role}' belongs on a ${media} item, not on a ${type} item`);
  }
  return { text: type === 'text' && (item.text as string).trim() !== '', role };
}

/**
 * Checks a `content` array: a non-empty array of known items, one non-empty text item among them, roles on the right
 * media, and never frame roles together with reference roles.
 *
 * @example
 * ```ts
 * checkContent([{ type: 'text', text: 'A cat surfing' }]); // ok
 * checkContent([{ type: 'image_url', image_url: { url } }]); // throws InvalidArgumentError('content', …): no prompt
 * ```
 */
export function checkContent(content: unknown): void {
  if (!Array.isArray(content) || content.length === 0) {
    throw new InvalidArgumentError(
      'content',
      `expected a non-empty array of items such as { type: 'text', text: 'A cat surfing' }, got ${Array.isArray(content) ? 'an empty array' : shown(content)}`,
    );
  }
  let prompt = false;
  let frame: string | undefined;
  let reference: string | undefined;
  content.forEach((item, index) => {
    const checked = checkItem(item, `content[${index}]`);
    prompt ||= checked.text;
    if (checked.role !== undefined && FRAME_ROLES.has(checked.role)) frame ??= checked.role;
    if (checked.role !== undefined && REFERENCE_ROLES.has(checked.role)) reference ??= checked.role;
  });
  if (!prompt) {
    throw new InvalidArgumentError(
      'content',
      "needs one non-empty text item (the prompt), e.g. { type: 'text', text: 'A cat surfing' }; MiniMax answers 400 (2013) without one",
    );
  }
  if (frame !== undefined && reference !== undefined) {
    throw new InvalidArgumentError(
      'content',
      `mixes a frame role (${frame}) with a reference role (${reference}): a task is image-to-video (first/last frame) or reference-to-video, not both`,
    );
  }
}

function checkString(params: Obj, key: string, required: boolean, example: string, argument = key): void {
  const value = params[key];
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidArgumentError(
      argument,
      `expected a non-empty string such as ${JSON.stringify(example)}, got ${shown(value)}`,
    );
  }
}

function checkDurationSeconds(value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new InvalidArgumentError(
      'duration',
      `expected a whole number of seconds (4–15 for MiniMax-H3, 5–15 for MiniMax-H3-Max), got ${typeof value === 'number' ? value : shown(value)}`,
    );
  }
}

function checkCommon(params: unknown, what: string): Obj {
  if (!isObj(params))
    throw new InvalidArgumentError('params', `expected the ${what} parameters as an object, got ${shown(params)}`);
  checkString(params, 'model', true, 'MiniMax-H3');
  checkContent(params.content);
  checkDurationSeconds(params.duration);
  checkString(params, 'ratio', false, '16:9');
  checkString(params, 'callback_url', false, 'https://example.com/minimax-callback');
  return params;
}

/**
 * Checks the body of `POST /v2/video_generation` (model, content, resolution, duration).
 *
 * @example
 * ```ts
 * checkVideoV2Create({ model: 'MiniMax-H3', content: [{ type: 'text', text: 'A cat' }], resolution: '2K', duration: 5 });
 * ```
 */
export function checkVideoV2Create(params: unknown): void {
  const checked = checkCommon(params, 'video');
  checkString(checked, 'resolution', true, '2K');
}

/**
 * Checks the body of `POST /v2/h3_context_ir` (model, content, duration; there is no resolution).
 *
 * @example
 * ```ts
 * checkPromptEnhancement({ model: 'MiniMax-H3', content: [{ type: 'text', text: 'A cat' }], duration: 5 });
 * ```
 */
export function checkPromptEnhancement(params: unknown): void {
  checkCommon(params, 'prompt enhancement');
}

/**
 * What `list()` sends, checked: page numbers are positive integers, task ids are digit strings.
 *
 * @example
 * ```ts
 * checkListQuery({ page_size: 20, filter: { task_ids: ['424010985738629'] } }); // ok
 * checkListQuery({ page_size: 0 }); // throws InvalidArgumentError('page_size', …)
 * ```
 */
export function checkListQuery(params: unknown): void {
  if (!isObj(params)) throw new InvalidArgumentError('params', `expected an object, got ${shown(params)}`);
  for (const key of ['page_num', 'page_size'] as const) {
    const value = params[key];
    if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 1)) {
      throw new InvalidArgumentError(
        key,
        `expected a whole number of at least 1, got ${typeof value === 'number' ? value : shown(value)}`,
      );
    }
  }
  const { filter } = params;
  if (filter === undefined) return;
  if (!isObj(filter)) throw new InvalidArgumentError('filter', `expected an object, got ${shown(filter)}`);
  for (const key of ['status', 'model', 'task_type'] as const) {
    const example = key === 'status' ? 'succeeded' : key === 'model' ? 'MiniMax-H3' : 'generation';
    checkString(filter, key, false, example, `filter.${key}`);
  }
  const ids = filter.task_ids;
  if (ids === undefined) return;
  if (!Array.isArray(ids))
    throw new InvalidArgumentError('filter.task_ids', `expected an array of task ids, got ${shown(ids)}`);
  ids.forEach((id, index) => {
    v2TaskId(id, `filter.task_ids[${index}]`);
  });
}
