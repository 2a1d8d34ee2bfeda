/**
 * One POST to a task's `callback_url`, the way MiniMax makes it: JSON, a deadline (3 s for the verification
 * challenge, as the docs give the receiver; a few seconds for a status update), no redirect followed — the mock calls
 * exactly the URL it was given and nothing else — and the answer read to a small cap. It never throws: a target that
 * is down, slow, or answers nonsense is an outcome to log, not a crash.
 */

/** How the mock sends a callback: `fetch`, or (under MSW) a fetch that bypasses the mock's own interception. */
export type CallbackFetch = (request: Request) => Promise<Response>;

/** What the receiver is given to echo the challenge (the docs: "within 3 seconds"). */
export const CHALLENGE_TIMEOUT_MS = 3_000;
/** What the receiver is given per status update (undocumented: a few seconds). */
export const EVENT_TIMEOUT_MS = 5_000;
/** Answers are read up to this many bytes: a challenge echo is tiny. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** What a POST came to: an HTTP answer (any status), or why there was none. */
export type PostOutcome = { ok: true; status: number; text: string } | { ok: false; reason: string };

/**
 * POSTs `body` (JSON text) to `url`, giving up after `timeoutMs` or when `stop` aborts.
 *
 * @example
 * ```ts
 * const outcome = await postCallback(fetch, url, '{"challenge":"x"}', CHALLENGE_TIMEOUT_MS, shutdown.signal);
 * ```
 */
export async function postCallback(
  send: CallbackFetch,
  url: string,
  body: string,
  timeoutMs: number,
  stop: AbortSignal,
): Promise<PostOutcome> {
  if (stop.aborted) return { ok: false, reason: 'the mock is shutting down' };
  const deadline = new AbortController();
  const abort = () => deadline.abort();
  const timer = setTimeout(abort, timeoutMs);
  stop.addEventListener('abort', abort, { once: true });
  try {
    const request = new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'minimax-ts-mock (video task callback)' },
      body,
      redirect: 'manual',
      signal: deadline.signal,
    });
    const response = await send(request);
    const text = await readCapped(response);
    return { ok: true, status: response.status, text };
  } catch (error) {
    if (stop.aborted) return { ok: false, reason: 'the mock is shutting down' };
    if (deadline.signal.aborted) return { ok: false, reason: `no answer within ${timeoutMs} ms` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, reason: cause?.code ?? cause?.message ?? (error as Error).message ?? String(error) };
  } finally {
    clearTimeout(timer);
    stop.removeEventListener('abort', abort);
  }
}

/** The answer's text, at most {@link MAX_ANSWER_BYTES} of it (the rest is cancelled, never buffered). */
async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel().catch(() => {});
      break;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * Whether an answer echoes the challenge as the docs ask: a 2xx with a JSON body whose `challenge` is the one sent.
 * Returns why not, or `undefined` when it does.
 *
 * @example
 * ```ts
 * challengeProblem({ ok: true, status: 200, text: '{"challenge":"x"}' }, 'x'); // undefined
 * ```
 */
export function challengeProblem(outcome: PostOutcome, challenge: string): string | undefined {
  if (!outcome.ok) return outcome.reason;
  if (outcome.status < 200 || outcome.status > 299) return `HTTP ${outcome.status}`;
  let echoed: unknown;
  try {
    echoed = (JSON.parse(outcome.text) as { challenge?: unknown } | null)?.challenge;
  } catch {
    return `the answer is not JSON (${JSON.stringify(outcome.text.slice(0, 60))}); expected {"challenge":"${challenge}"}`;
  }
  if (echoed !== challenge) return `the answer's challenge is ${JSON.stringify(echoed)}, not the one sent`;
  return undefined;
}
