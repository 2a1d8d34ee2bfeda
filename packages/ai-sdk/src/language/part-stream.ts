/**
 * Drives an sdk stream into the `ReadableStream` of parts that `doStream` returns. Pull-based, so a slow consumer
 * slows the reading of the HTTP body; cancelling it (the AI SDK does when its caller stops reading) closes the
 * response. A failure mid-stream becomes an `error` part then `finish` (the AI SDK reports it through `onError`),
 * except an abort by the caller's signal, which errors the stream the way the AI SDK's own providers do.
 */

import type { LanguageModelV3StreamPart, SharedV3Warning } from '@ai-sdk/provider';
import { type FailedRequest, toAISDKError } from '../errors/to-api-call-error.ts';
import type { StreamEvent } from './messages-types.ts';
import type { StreamMapper } from './stream-mapper.ts';

/**
 * Wraps the events of one response.
 *
 * @example
 * ```ts
 * const stream = partStream(await mm.anthropic.messages.stream(body), new StreamMapper({ json: false, includeRaw: false }), [], request);
 * ```
 */
export function partStream(
  events: AsyncIterable<StreamEvent>,
  mapper: StreamMapper,
  warnings: SharedV3Warning[],
  request: FailedRequest,
): ReadableStream<LanguageModelV3StreamPart> {
  const iterator = events[Symbol.asyncIterator]();
  return new ReadableStream<LanguageModelV3StreamPart>({
    start(controller) {
      controller.enqueue({ type: 'stream-start', warnings });
    },
    async pull(controller) {
      try {
        // Loop until something is enqueued: a pull that enqueues nothing (a `ping`) would not be called again.
        for (;;) {
          const next = await iterator.next();
          const parts = next.done ? mapper.finish() : mapper.map(next.value);
          for (const part of parts) controller.enqueue(part);
          if (next.done) {
            controller.close();
            return;
          }
          if (parts.length > 0) return;
        }
      } catch (error) {
        const mapped = toAISDKError(error, request);
        if (request.abortSignal?.aborted) {
          controller.error(mapped);
          return;
        }
        for (const part of mapper.fail(mapped)) controller.enqueue(part);
        controller.close();
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
