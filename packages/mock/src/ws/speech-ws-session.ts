/**
 * One connection of the mock's speech WebSocket, playing MiniMax's protocol (docs `speech-t2a-websocket` and
 * `-bidi`): `connected_success` → `task_start`/`task_started` → `task_continue` → `task_continued` audio frames (the
 * last with `is_final` and `extra_info`) → `task_finish` → `task_finished` → close; on the bidirectional endpoint, text
 * buffered into sentences (`sentence_start`/`sentence_end`), `task_flush`/`task_flushed`, `task_cancel`/
 * `task_canceled`. Errors as MiniMax sends them: `task_failed` + close for hard ones, a `task_continued` with a soft
 * `base_resp` (2203, 2204, 2205) that leaves the session open. Requests are synthesized one after another.
 */

import type { WebSocket } from 'ws';
import { statusMessage } from '../error-bodies.ts';
import { newTraceId } from '../trace-id.ts';
import { type AudioSettings, audioSettings, chunksOf, extraInfo, synthesize } from './audio.ts';
import type { WsScenario } from './ws-scenarios.ts';

export interface MockSessionOptions {
  bidirectional: boolean;
  /** The upgrade's `Trace-Id`, repeated in the connection-level events. */
  traceId: string;
  sessionId: string;
  scenario: WsScenario | undefined;
  firstAudioDelayMs: number;
  chunkDelayMs: number;
  /** Close with 2201 after this long without a client event, ping or audio (MiniMax: ~120 s). */
  idleTimeoutMs: number;
  signal: AbortSignal;
}

type Job = { kind: 'speak'; text: string; sentence: boolean } | { kind: 'flushed' } | { kind: 'finished' };

const MAX_TEXT = 10_000;
const SENTENCE = /[^。！？…!?.;；\n]*[。！？…!?.;；\n]+/gu;
const WS_STATUS_MSG: Readonly<Record<number, string>> = {
  2201: 'connection closed: idle timeout',
  2202: 'illegal event',
  2203: 'empty text, skipped',
  2204: 'text exceeds 10000 characters, skipped',
  2205: 'request limit exceeded, retry later',
  2206: 'illegal event order',
};

export class MockSpeechSession {
  #state: 'connected' | 'started' | 'finishing' | 'closed' = 'connected';
  #settings: AudioSettings = audioSettings(undefined);
  #buffer = '';
  #jobs: Job[] = [];
  #running = false;
  #job = new AbortController();
  #idle: ReturnType<typeof setTimeout> | undefined;
  #requests = 0;
  #continues = 0;

  constructor(
    private readonly ws: WebSocket,
    private readonly o: MockSessionOptions,
  ) {}

  start(): void {
    const onShutdown = () => this.ws.terminate();
    this.o.signal.addEventListener('abort', onShutdown, { once: true });
    this.ws.on('close', () => {
      this.#state = 'closed';
      this.#job.abort();
      clearTimeout(this.#idle);
      this.o.signal.removeEventListener('abort', onShutdown);
    });
    this.ws.on('error', () => this.ws.terminate());
    this.ws.on('ping', () => this.#touch());
    this.ws.on('message', (data, isBinary) => {
      this.#touch();
      if (isBinary) return this.#fail(2202);
      let event: Record<string, unknown>;
      try {
        event = JSON.parse(String(data));
      } catch {
        return this.#fail(2202);
      }
      if (typeof event !== 'object' || event === null) return this.#fail(2202);
      this.#onEvent(event);
    });
    this.#send('connected_success', {});
  }

  #onEvent(event: Record<string, unknown>) {
    if (this.#state === 'closed') return;
    switch (event.event) {
      case 'task_start':
        return this.#taskStart(event);
      case 'task_continue':
        return this.#taskContinue(event.text);
      case 'task_finish':
        if (this.#state !== 'started') return this.#fail(this.#state === 'connected' ? 2202 : 2206);
        this.#state = 'finishing';
        if (this.o.bidirectional) this.#speakBuffered();
        return this.#enqueue({ kind: 'finished' });
      case 'task_flush':
      case 'task_cancel':
        if (!this.o.bidirectional) return this.#fail(2202);
        if (this.#state !== 'started') return this.#fail(2206);
        if (event.event === 'task_flush') {
          this.#speakBuffered();
          return this.#enqueue({ kind: 'flushed' });
        }
        this.#buffer = '';
        this.#jobs = [];
        this.#job.abort(); // the request in flight stops after its current frame
        this.#job = new AbortController();
        return this.#send('task_canceled', {});
      default:
        return this.#fail(2202);
    }
  }

  #taskStart(event: Record<string, unknown>) {
    if (this.#state !== 'connected') return this.#fail(2206);
    const voice = event.voice_setting as { voice_id?: unknown } | undefined;
    const mixed = Array.isArray(event.timbre_weights) && event.timbre_weights.length > 0;
    if (typeof event.model !== 'string' || typeof voice !== 'object' || voice === null) return this.#fail(2013);
    if (typeof voice.voice_id !== 'string' && !mixed) return this.#fail(2013);
    const scenario = this.o.scenario;
    if (scenario?.kind === 'task_failed' && scenario.at === 'start') return this.#fail(scenario.code);
    this.#settings = audioSettings(event.audio_setting);
    this.#state = 'started';
    this.#send('task_started', {});
  }

  #taskContinue(text: unknown) {
    if (this.#state !== 'started') return this.#fail(this.#state === 'connected' ? 2202 : 2206);
    if (typeof text !== 'string') return this.#fail(2013);
    const scenario = this.o.scenario;
    if (scenario?.kind === 'soft' && this.#continues++ === 0) return this.#soft(scenario.code);
    if (text.length > MAX_TEXT) return this.#soft(2204);
    if (!this.o.bidirectional) {
      if (text.trim() === '') return this.#soft(2203);
      return this.#enqueue({ kind: 'speak', text, sentence: false });
    }
    if (text.trim() === '' && this.#buffer === '') return; // the bidi endpoint drops whitespace silently
    this.#buffer += text;
    let consumed = 0;
    for (const match of this.#buffer.matchAll(SENTENCE)) {
      consumed = (match.index ?? 0) + match[0].length;
      if (match[0].trim() !== '') this.#enqueue({ kind: 'speak', text: match[0], sentence: true });
    }
    this.#buffer = this.#buffer.slice(consumed);
  }

  #speakBuffered(): void {
    if (this.#buffer.trim() !== '') this.#enqueue({ kind: 'speak', text: this.#buffer, sentence: true });
    this.#buffer = '';
  }

  #enqueue(job: Job): void {
    this.#jobs.push(job);
    if (!this.#running) void this.#run();
  }

  async #run(): Promise<void> {
    this.#running = true;
    try {
      for (let job = this.#jobs.shift(); job && this.#state !== 'closed'; job = this.#jobs.shift()) {
        if (job.kind === 'speak') await this.#speak(job.text, job.sentence, this.#job.signal);
        else if (job.kind === 'flushed') this.#send('task_flushed', {});
        else if (this.o.scenario?.kind === 'no_task_finished') this.ws.close(1000);
        else {
          this.#send('task_finished', {});
          this.ws.close(1000);
        }
      }
    } finally {
      this.#running = false;
    }
  }

  async #speak(text: string, sentence: boolean, signal: AbortSignal): Promise<void> {
    const first = this.#requests++ === 0;
    const clip = synthesize(text, this.#settings);
    const chunks = chunksOf(clip);
    const traceId = newTraceId();
    const scenario = this.o.scenario;
    if (sentence) this.#send('sentence_start', {});
    if (!(await this.#pause(this.o.firstAudioDelayMs, signal))) return;
    const aggregate = scenario?.kind === 'final_aggregate';
    for (let i = 0; i < chunks.length; i++) {
      if (first && i === Math.floor(chunks.length / 2) && i > 0 && this.#interrupt(scenario)) return;
      const last = i === chunks.length - 1 && !aggregate;
      const frame: Record<string, unknown> = { data: { audio: Buffer.from(chunks[i] as Uint8Array).toString('hex') } };
      if (last) Object.assign(frame, { is_final: true, extra_info: extraInfo(text, clip, this.#settings) });
      else frame.is_final = false;
      this.#send('task_continued', frame, traceId);
      if (!last && !(await this.#pause(this.o.chunkDelayMs, signal))) return;
    }
    if (aggregate) {
      const info = extraInfo(text, clip, this.#settings);
      this.#send(
        'task_continued',
        { data: { audio: Buffer.from(clip).toString('hex') }, is_final: true, extra_info: info },
        traceId,
      );
    }
    if (sentence) this.#send('sentence_end', {});
  }

  /** Plays the mid-audio scenarios; true when the request must stop here. */
  #interrupt(scenario: WsScenario | undefined): boolean {
    switch (scenario?.kind) {
      case 'cut':
        this.ws.terminate();
        return true;
      case 'close':
        this.ws.close(scenario.code);
        return true;
      case 'stall':
        this.#state = 'closed'; // nothing more is sent; the client gives up (or the server shuts down)
        clearTimeout(this.#idle);
        return true;
      case 'task_failed':
        this.#fail(scenario.code);
        return true;
      default:
        return false;
    }
  }

  /** Waits `ms` (no wait at 0); false if the request was cancelled or the connection closed meanwhile. */
  async #pause(ms: number, signal: AbortSignal): Promise<boolean> {
    if (ms > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        }
        signal.addEventListener('abort', done, { once: true });
      });
    }
    return !signal.aborted && this.#state !== 'closed';
  }

  #soft(code: number): void {
    this.#send('task_continued', {
      base_resp: { status_code: code, status_msg: WS_STATUS_MSG[code] ?? `error ${code}` },
    });
  }

  #fail(code: number): void {
    if (this.#state === 'closed') return;
    const message = WS_STATUS_MSG[code] ?? statusMessage(code, []);
    this.#send('task_failed', { base_resp: { status_code: code, status_msg: message } });
    this.#state = 'closed';
    this.ws.close(1000);
  }

  /** Any traffic restarts the idle clock (MiniMax: no event for ~120 s → 2201). */
  #touch(): void {
    clearTimeout(this.#idle);
    if (this.#state === 'closed' || this.o.idleTimeoutMs <= 0) return;
    this.#idle = setTimeout(() => this.#fail(2201), this.o.idleTimeoutMs);
  }

  #send(event: string, fields: Record<string, unknown>, traceId = this.o.traceId): void {
    if (this.#state === 'closed' || this.ws.readyState !== this.ws.OPEN) return;
    const frame: Record<string, unknown> = {
      event,
      ...fields,
      session_id: this.o.sessionId,
      trace_id: traceId,
      base_resp: { status_code: 0, status_msg: 'success' },
      ...(fields.base_resp ? { base_resp: fields.base_resp } : {}),
      ...(this.o.bidirectional ? { connect_id: this.o.sessionId } : {}),
    };
    this.ws.send(JSON.stringify(frame));
    this.#touch();
  }
}
