/**
 * Handlers for operations whose answer depends on the request beyond what the contract engine does, by operationId.
 * A handler may return `undefined` to let the generic answer (the spec's example) through.
 */
import type { RequestContext } from './context.ts';
import { handleRetrieveModel } from './models-api.ts';
import { handleCoverPreprocess, handleLyrics } from './music-api.ts';
import { handleCreateResponse, handleInputTokens } from './responses-api.ts';

type Handler = (ctx: RequestContext) => Response | undefined | Promise<Response | undefined>;

export const OPERATION_HANDLERS: Readonly<Record<string, Handler>> = {
  createResponse: handleCreateResponse,
  countResponseInputTokens: handleInputTokens,
  retrieveModel: handleRetrieveModel,
  generateLyrics: handleLyrics,
  musicCoverPreprocess: handleCoverPreprocess,
};
