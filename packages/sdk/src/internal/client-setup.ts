/**
 * What `MiniMax` and `MiniMaxChat` share: resolving options and environment (key, region, host, logger), refusing bad
 * ones before anything is sent, registering the credentials that errors and logs must never show, and building the
 * transport.
 */

import { type ClientOptions, DEFAULTS, type LogLevel, REGION_BASE_URLS, type Region } from '../core/client-options.ts';
import { regionOfHost } from '../core/hosts.ts';
import { InvalidArgumentError } from '../core/invalid-argument-error.ts';
import { MiniMaxError } from '../core/minimax-error.ts';
import type { ResourceContext } from '../core/resource.ts';
import {
  checkApiKey,
  checkBaseURL,
  checkCount,
  checkDuration,
  checkHeaderValue,
  checkRequestOptions,
} from './check-options.ts';
import { isBrowserLike, readEnv } from './env.ts';
import { levelLogger, parseLogLevel } from './logger.ts';
import { isCredentialHeader } from './redact.ts';
import { registerSecrets } from './secrets.ts';
import { Transport } from './transport.ts';
import type { UrlBuilder } from './url-builder.ts';

/** What every client class is built from: the resolved options and the context its resources share. */
export interface ClientSetup {
  ctx: ResourceContext;
  baseURL: string;
  region: Region | 'custom';
  /** The options with the key resolved, for `withOptions`. */
  resolved: ClientOptions;
}

/**
 * Resolves options and environment and builds the transport; throws `InvalidArgumentError` for a bad option.
 * `urlBuilder` gives the transport the generated URL builder (see `url-builder.ts`): every client whose endpoints
 * take a query or path parameters passes it.
 *
 * @example
 * ```ts
 * const { ctx, baseURL } = setupClient({ apiKey, region: 'cn' }, generatedUrlBuilder);
 * ```
 */
export function setupClient(
  options: ClientOptions,
  urlBuilder?: ((baseURL: string) => UrlBuilder) | undefined,
): ClientSetup {
  const apiKey = options.apiKey ?? readEnv('MINIMAX_API_KEY');
  if (!apiKey) {
    throw new MiniMaxError('No API key: pass `apiKey` or set MINIMAX_API_KEY.');
  }
  // First of all, so that no message below (a base URL holding the key, say) can show it.
  const secrets = registerSecrets([apiKey, ...credentialValues(options.defaultHeaders)]);
  checkApiKey(apiKey);
  if (isBrowserLike() && !options.dangerouslyAllowBrowser) {
    throw new MiniMaxError(
      'In a browser the API key is visible to every visitor: call MiniMax from a server, or pass `dangerouslyAllowBrowser: true`.',
    );
  }
  checkRequestOptions(options);
  checkDuration('pollInterval', options.pollInterval);
  checkCount('maxRetries', options.maxRetries);
  for (const [name, value] of Object.entries(options.defaultHeaders ?? {})) {
    checkHeaderValue('defaultHeaders', name, value);
  }
  for (const name of ['fetch', 'openSpeechSession'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      throw new InvalidArgumentError(name, `expected a function, got ${typeof options[name]}`);
    }
  }
  const region = resolveRegion(options.region ?? readEnv('MINIMAX_REGION'));
  const envURL = options.baseURL === undefined ? readEnv('MINIMAX_BASE_URL') : undefined;
  const customURL = options.baseURL ?? envURL;
  const baseURL =
    customURL === undefined
      ? REGION_BASE_URLS[region]
      : checkBaseURL(customURL, options.baseURL === undefined ? 'MINIMAX_BASE_URL' : 'baseURL');
  const logger = levelLogger(options.logger ?? console, resolveLogLevel(options.logLevel));
  const transport = new Transport({
    baseURL,
    apiKey,
    secrets,
    fetch: options.fetch ?? ((...args) => globalThis.fetch(...args)),
    defaultHeaders: { ...options.defaultHeaders },
    timeout: options.timeout ?? DEFAULTS.timeout,
    idleTimeout: options.idleTimeout ?? DEFAULTS.idleTimeout,
    streamTimeout: options.streamTimeout,
    maxEventBytes: options.maxEventBytes ?? DEFAULTS.maxEventBytes,
    maxRetries: options.maxRetries ?? DEFAULTS.maxRetries,
    validate: options.validate ?? DEFAULTS.validate,
    validator: options.validator,
    logger,
    buildUrl: urlBuilder?.(baseURL),
  });
  const realtime = {
    baseURL,
    apiKey: () => apiKey,
    webSocket: options.webSocket,
    timeout: options.timeout ?? DEFAULTS.timeout,
    idleTimeout: options.idleTimeout ?? DEFAULTS.idleTimeout,
    validate: options.validate ?? DEFAULTS.validate,
    validator: options.validator,
    logger,
    defaultHeaders: { ...options.defaultHeaders },
    opener: options.openSpeechSession,
  };
  return {
    ctx: { transport, pollInterval: options.pollInterval ?? DEFAULTS.pollInterval, realtime },
    baseURL,
    // A known MiniMax host given as baseURL (api.minimaxi.com, api-bj.minimaxi.com, …) still names its region.
    region: customURL ? (regionOfHost(new URL(baseURL).host) ?? 'custom') : region,
    resolved: { ...options, apiKey },
  };
}

/** Values of credential headers among the default headers (and the token of an `Authorization: Bearer …`). */
function credentialValues(headers: Record<string, string> | undefined): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (typeof value !== 'string' || !isCredentialHeader(name)) continue;
    values.push(value);
    const token = /^\s*(?:Bearer|Basic|Token)\s+(\S.*?)\s*$/i.exec(value)?.[1];
    if (token) values.push(token);
  }
  return values;
}

function resolveLogLevel(level: LogLevel | undefined): LogLevel {
  if (level === undefined) return parseLogLevel(readEnv('MINIMAX_LOG')) ?? DEFAULTS.logLevel;
  if (parseLogLevel(level) === undefined) {
    throw new InvalidArgumentError(
      'logLevel',
      `expected 'debug', 'info', 'warn', 'error' or 'off', got ${JSON.stringify(level)}`,
    );
  }
  return level;
}

function resolveRegion(value: string | undefined): Region {
  if (value === undefined) return 'global';
  const normalized = value.toLowerCase();
  if (normalized === 'global' || normalized === 'intl' || normalized === 'international') return 'global';
  if (normalized === 'cn' || normalized === 'china') return 'cn';
  throw new MiniMaxError(
    `Unknown region ${JSON.stringify(value)}: use 'global' or 'cn' (another host: pass it as baseURL).`,
  );
}
