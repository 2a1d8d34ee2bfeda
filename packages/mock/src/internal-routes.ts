/** The mock's own endpoints, under `/__` so they can never collide with a MiniMax path. */
import type { MockState, ServerSettings } from './context.ts';
import { serveDownload } from './files-api.ts';
import { jsonResponse, mockErrorResponse } from './responses.ts';
import { scenarioNames } from './scenarios.ts';
import type { SpecRuntime } from './spec-runtime.ts';

/** Answers `/__health`, `/__reset`, `/__scenarios`, `/__download/<file_id>/<name>`. */
export function answerInternal(
  method: string,
  path: string,
  runtime: SpecRuntime,
  state: MockState,
  settings: ServerSettings,
): Response {
  if (path === '/__health') {
    return jsonResponse(200, {
      status: 'ok',
      spec: runtime.source,
      specLoadedAt: runtime.loadedAt.toISOString(),
      operations: runtime.index.operations.length,
      dynamic: settings.dynamic,
      engine: runtime.engine.name,
    });
  }
  if (path === '/__scenarios') return jsonResponse(200, { scenarios: scenarioNames(runtime.index.errorCodes) });
  if (path === '/__reset' && method === 'POST') {
    state.reset();
    return jsonResponse(200, { status: 'reset' });
  }
  const download = /^\/__download\/([0-9]+)(?:\/.*)?$/.exec(path);
  if (download && (method === 'GET' || method === 'HEAD')) return serveDownload(state, download[1]!);
  return mockErrorResponse(404, `no mock endpoint ${method} ${path}`);
}
