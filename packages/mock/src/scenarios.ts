/**
 * Per-request knobs and failure scenarios. A client asks with `Prefer: scenario=<name>` (RFC 7240 preferences,
 * comma- or semicolon-separated: `Prefer: scenario=rate_limit_once, session=t1`) or, from a browser that cannot set
 * headers easily, with `?__scenario=<name>` (and `__chunks`, `__delay`, …). Every preference is documented in the
 * package README.
 */
import { MAX_WAIT_MS } from './live-stream.ts';
import type { ErrorCodeInfo } from './spec-index.ts';

export interface MockPrefs {
  scenario?: string;
  /** How many times the scenario fires for one client before the call succeeds (`_once` = 1). */
  times?: number;
  /** Client key for one-shot scenarios (`X-Mock-Session` header or `session=`). */
  session?: string;
  /** Number of delta events in a stream (cycling the spec example's deltas). */
  chunks?: number;
  /** Milliseconds between stream events. */
  delayMs?: number;
  /** Milliseconds for `slow_headers`, and after which a `stream_stall` resumes (default: never). */
  waitMs?: number;
  /** Seconds in `Retry-After` for `http_429`. */
  retryAfter?: number;
  /** Polls a task takes before its terminal status. */
  polls?: number;
  /** Prism: named example, status code, dynamic generation. */
  example?: string;
  code?: number;
  dynamic?: boolean;
}

export type Scenario =
  | { kind: 'base_resp'; code: number }
  | { kind: 'http'; status: number }
  | { kind: 'stream_cut' }
  | { kind: 'stream_stall' }
  | { kind: 'stream_error' }
  | { kind: 'slow_headers' }
  | { kind: 'connection_reset' }
  | { kind: 'task_fail' };

export interface ResolvedScenario {
  name: string;
  scenario: Scenario;
  /** Set for one-shot / counted variants. */
  times?: number;
}

/**
 * Short names for the base_resp classes, next to the spec's own names (`x-minimax-error-codes[].name`).
 *
 * @example
 * ```ts
 * await fetch(`${mock.url}/v1/t2a_v2`, { method: 'POST', headers: { Prefer: 'scenario=rate_limit', … }, body });
 * BASE_RESP_ALIASES.rate_limit; // 1002
 * ```
 */
export const BASE_RESP_ALIASES: Readonly<Record<string, number>> = {
  unknown_error: 1000,
  timeout: 1001,
  rate_limit: 1002,
  auth: 1004,
  auth_failed: 1004,
  balance: 1008,
  insufficient_balance: 1008,
  internal_error: 1024,
  sensitive: 1026,
  sensitive_input: 1026,
  sensitive_output: 1027,
  system_error: 1033,
  tpm: 1039,
  tpm_limit: 1039,
  connection_limit: 1041,
  invalid_params: 2013,
  rate_growth: 2045,
  invalid_key: 2049,
  usage_limit: 2056,
};

const FIXED: Readonly<Record<string, Scenario>> = {
  stream_cut: { kind: 'stream_cut' },
  stream_stall: { kind: 'stream_stall' },
  stream_error: { kind: 'stream_error' },
  slow_headers: { kind: 'slow_headers' },
  connection_reset: { kind: 'connection_reset' },
  task_fail: { kind: 'task_fail' },
  /** HTTP 529 `overloaded_error` (the OaiError family; elsewhere the proxy's page). */
  overloaded: { kind: 'http', status: 529 },
};

/** Integer preferences and their caps: a timer holds 2^31-1 ms, and a stream of a billion chunks is an OOM, not a test. */
const INT_PREFS = {
  times: { field: 'times', max: 1_000_000 },
  chunks: { field: 'chunks', max: 10_000 },
  delay: { field: 'delayMs', max: MAX_WAIT_MS },
  wait: { field: 'waitMs', max: MAX_WAIT_MS },
  retry_after: { field: 'retryAfter', max: MAX_WAIT_MS },
  polls: { field: 'polls', max: 1_000_000 },
  code: { field: 'code', max: 599 },
} as const;

/** Largest `base_resp_<code>`: MiniMax codes are int32; a larger one would be written as `1e+20`. */
const MAX_STATUS_CODE = 2_147_483_647;

/** Reads the preferences from `Prefer`, `X-Mock-Session` and `__`-prefixed query parameters (query wins). */
export function readPrefs(headers: Record<string, string | string[] | undefined>, query: URLSearchParams): MockPrefs {
  const raw = new Map<string, string>();
  const prefer = headers.prefer;
  for (const line of Array.isArray(prefer) ? prefer : prefer ? [prefer] : []) {
    for (const token of line.split(/[,;]/)) {
      const [k, ...rest] = token.split('=');
      const key = k?.trim().toLowerCase();
      if (key)
        raw.set(
          key,
          rest
            .join('=')
            .trim()
            .replace(/^"(.*)"$/, '$1'),
        );
    }
  }
  const session = headers['x-mock-session'];
  if (typeof session === 'string' && session) raw.set('session', session);
  for (const [k, v] of query) if (k.startsWith('__')) raw.set(k.slice(2).toLowerCase(), v);

  const prefs: MockPrefs = {};
  if (raw.get('scenario')) prefs.scenario = raw.get('scenario');
  if (raw.get('session')) prefs.session = raw.get('session');
  if (raw.get('example')) prefs.example = raw.get('example');
  if (raw.has('dynamic')) prefs.dynamic = raw.get('dynamic') !== 'false';
  for (const [name, { field, max }] of Object.entries(INT_PREFS)) {
    const v = raw.get(name);
    if (v !== undefined && /^\d+$/.test(v)) prefs[field] = Math.min(Number(v), max);
  }
  return prefs;
}

/** Maps a scenario name to what it does; `undefined` for an unknown name (the server answers that loudly). */
export function resolveScenario(name: string, errorCodes: readonly ErrorCodeInfo[]): ResolvedScenario | undefined {
  const once = name.endsWith('_once');
  const base = once ? name.slice(0, -'_once'.length) : name;
  const scenario = lookup(base, errorCodes);
  if (!scenario) return undefined;
  return once ? { name: base, scenario, times: 1 } : { name: base, scenario };
}

function lookup(name: string, errorCodes: readonly ErrorCodeInfo[]): Scenario | undefined {
  const fixed = FIXED[name];
  if (fixed) return fixed;
  const alias = BASE_RESP_ALIASES[name];
  if (alias !== undefined) return { kind: 'base_resp', code: alias };
  const fromSpec = errorCodes.find((c) => c.name === name);
  if (fromSpec) return { kind: 'base_resp', code: fromSpec.code };
  const numbered = /^base_resp_(\d+)$/.exec(name);
  if (numbered && Number(numbered[1]) <= MAX_STATUS_CODE) return { kind: 'base_resp', code: Number(numbered[1]) };
  const http = /^http_([45]\d\d)$/.exec(name);
  if (http) return { kind: 'http', status: Number(http[1]) };
  return undefined;
}

/** Every scenario name the server knows, for error messages and `GET /__scenarios`. */
export function scenarioNames(errorCodes: readonly ErrorCodeInfo[]): string[] {
  const names = new Set([...Object.keys(FIXED), ...Object.keys(BASE_RESP_ALIASES)]);
  for (const c of errorCodes) if (c.name) names.add(c.name);
  return [...names, 'base_resp_<code>', 'http_<4xx|5xx>', '<any>_once'];
}

/**
 * Counts how often a counted scenario has fired per client, so `rate_limit_once` fails the first call and lets the
 * retry through. Keyed by session + scenario + operation: two tests using different sessions never interfere.
 */
export class ScenarioCounter {
  private readonly fired = new Map<string, number>();

  /** True when the scenario should fire for this call (and records that it did). */
  shouldFire(key: string, times: number | undefined): boolean {
    if (times === undefined) return true;
    const n = this.fired.get(key) ?? 0;
    if (n >= times) return false;
    this.fired.set(key, n + 1);
    return true;
  }

  clear(): void {
    this.fired.clear();
  }
}
