/** What one request's handlers share: the routed operation, decoded body, preferences and the mock's state. */

import type { EngineOperation } from './contract-engine.ts';
import type { ErrorAnswer } from './error-bodies.ts';
import { FilesStore, IdSource } from './files-store.ts';
import type { IdCodec } from './id-codec.ts';
import type { MultipartForm } from './multipart.ts';
import type { MockConfig, MockResponse, RunResult } from './prism-engine.ts';
import type { MockPrefs, ResolvedScenario } from './scenarios.ts';
import { ScenarioCounter } from './scenarios.ts';
import type { OperationInfo } from './spec-index.ts';
import type { SpecRuntime } from './spec-runtime.ts';
import { TaskCallbacks } from './task-callbacks.ts';
import { TaskStore } from './tasks.ts';
import { V2TaskStore } from './video-v2-tasks.ts';

/** State that lives as long as the server: reset by `POST /__reset`, never by a spec reload. */
export class MockState {
  readonly ids: IdSource;
  readonly files: FilesStore;
  readonly tasks = new TaskStore();
  readonly videoV2 = new V2TaskStore();
  readonly counter = new ScenarioCounter();
  /** The `callback_url`s of tasks: their timers and requests stop on reset and on close. */
  readonly callbacks: TaskCallbacks;

  constructor(seed?: string, callbacks?: TaskCallbacks) {
    this.ids = new IdSource(seed);
    this.files = new FilesStore(this.ids);
    this.callbacks =
      callbacks ?? new TaskCallbacks({ send: (request) => fetch(request), log: () => {}, stepMs: 1_000 });
  }

  reset(): void {
    this.callbacks.clear();
    this.files.clear();
    this.tasks.clear();
    this.videoV2.clear();
    this.counter.clear();
  }
}

export interface ServerSettings {
  dynamic: boolean;
  seed?: string;
  streamDelayMs: number;
  taskPolls: number;
  /** Milliseconds between two status steps of a task created with a `callback_url` (it advances on its own). */
  taskStepMs: number;
}

export interface RequestContext {
  request: Request;
  /** The request URL with the mount prefix (MSW base URL path) removed. */
  url: URL;
  /** Where the mock is reachable (the server's own address, or the MSW base URL), for URLs that point back at it. */
  baseUrl: string;
  traceId: string;
  prefs: MockPrefs;
  /** The scenario to play on this call (already counted), if any. */
  scenario?: ResolvedScenario;
  runtime: SpecRuntime;
  state: MockState;
  settings: ServerSettings;
  /** Aborts when the client goes away or the host shuts down: every wait and stream listens to it. */
  signal: AbortSignal;
  op: OperationInfo;
  operation: EngineOperation;
  /** Raw request bytes (multipart uploads need them). */
  rawBody: Uint8Array;
  /** The decoded JSON request body (int64 ids as strings), when the request was JSON. */
  json: unknown;
  /** The parsed multipart form, when the request was an upload. */
  form: MultipartForm | undefined;
  /** Request query, single values. */
  query: URLSearchParams;
  /** The validated first mock from Prism: the body handlers reshape. */
  mocked: MockResponse;
  /** Writes response bodies with this operation's int64 ids as bare numbers. */
  codec: IdCodec;
  /** Asks the contract engine again (other media type, example or status); never re-validates the request. */
  remock(config: Partial<MockConfig>): Promise<RunResult>;
  /** A JSON answer through the id codec with the standard headers. */
  jsonResponse(status: number, body: unknown, headers?: Record<string, string>): Response;
  /** An error of the API, shaped for this operation's flavour. */
  errorResponse(answer: ErrorAnswer): Response;
}
