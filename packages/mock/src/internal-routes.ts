/** The mock's own endpoints, under `/__` so they can never collide with a MiniMax path. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockState, ServerSettings } from './context.ts';
import { serveDownload } from './files-api.ts';
import { sendJson } from './http-io.ts';
import { scenarioNames } from './scenarios.ts';
import type { SpecRuntime } from './spec-loader.ts';

/** Answers `/__health`, `/__reset`, `/__scenarios`, `/__download/<file_id>/<name>`. */
export function answerInternal(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  runtime: SpecRuntime,
  state: MockState,
  settings: ServerSettings,
) {
  const path = url.pathname;
  if (path === '/__health') {
    return sendJson(res, 200, {
      status: 'ok',
      spec: runtime.source,
      specLoadedAt: runtime.loadedAt.toISOString(),
      operations: runtime.index.operations.length,
      dynamic: settings.dynamic,
    });
  }
  if (path === '/__scenarios') return sendJson(res, 200, { scenarios: scenarioNames(runtime.index.errorCodes) });
  if (path === '/__reset' && req.method === 'POST') {
    state.reset();
    return sendJson(res, 200, { status: 'reset' });
  }
  const download = /^\/__download\/([0-9]+)(?:\/.*)?$/.exec(path);
  if (download && (req.method === 'GET' || req.method === 'HEAD')) return serveDownload(res, state, download[1]!);
  sendJson(res, 404, { type: 'mock_error', message: `no mock endpoint ${req.method} ${path}` });
}
