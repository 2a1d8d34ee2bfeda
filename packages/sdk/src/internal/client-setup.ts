import { type ClientOptions, DEFAULTS, REGION_BASE_URLS, type Region } from '../core/client-options.ts';
import { InvalidArgumentError } from '../core/invalid-argument-error.ts';
import { MiniMaxError } from '../core/minimax-error.ts';
import type { ResourceContext } from '../core/resource.ts';
import { isBrowserLike, readEnv } from './env.ts';
import { levelLogger, parseLogLevel } from './logger.ts';
import { Transport } from './transport.ts';

/** What every client class is built from: the resolved options and the context its resources share. */
export interface ClientSetup {
  ctx: ResourceContext;
  baseURL: string;
  region: Region | 'custom';
  /** The options with the key resolved, for `withOptions`. */
  resolved: ClientOptions;
}

/** Resolves options and environment (key, region, host, logger) and builds the transport. */
export function setupClient(options: ClientOptions): ClientSetup {
  const apiKey = options.apiKey ?? readEnv('MINIMAX_API_KEY');
  if (!apiKey) {
    throw new MiniMaxError(
      'No API key: pass `apiKey` to new MiniMax({ apiKey }) or set the MINIMAX_API_KEY environment variable.',
    );
  }
  if (isBrowserLike() && !options.dangerouslyAllowBrowser) {
    throw new MiniMaxError(
      'This looks like a browser, where a secret API key is visible to everyone who opens the page. ' +
        'Call MiniMax from your server, or pass `dangerouslyAllowBrowser: true` if the key is meant to be public.',
    );
  }
  const region = resolveRegion(options.region ?? readEnv('MINIMAX_REGION'));
  const customURL = options.baseURL ?? readEnv('MINIMAX_BASE_URL');
  const baseURL = (customURL ?? REGION_BASE_URLS[region]).replace(/\/+$/, '');
  const logger = levelLogger(
    options.logger ?? console,
    options.logLevel ?? parseLogLevel(readEnv('MINIMAX_LOG')) ?? DEFAULTS.logLevel,
  );
  const transport = new Transport({
    baseURL,
    apiKey,
    fetch: options.fetch ?? ((...args) => globalThis.fetch(...args)),
    defaultHeaders: { ...options.defaultHeaders },
    timeout: options.timeout ?? DEFAULTS.timeout,
    idleTimeout: options.idleTimeout ?? DEFAULTS.idleTimeout,
    maxEventBytes: checkMaxEventBytes(options.maxEventBytes) ?? DEFAULTS.maxEventBytes,
    maxRetries: options.maxRetries ?? DEFAULTS.maxRetries,
    validate: options.validate ?? DEFAULTS.validate,
    validator: options.validator,
    logger,
  });
  return {
    ctx: { transport, pollInterval: options.pollInterval ?? DEFAULTS.pollInterval },
    baseURL,
    region: customURL ? 'custom' : region,
    resolved: { ...options, apiKey },
  };
}

function resolveRegion(value: string | undefined): Region {
  if (value === undefined) return 'global';
  const normalized = value.toLowerCase();
  if (normalized === 'global' || normalized === 'intl' || normalized === 'international') return 'global';
  if (normalized === 'cn' || normalized === 'china') return 'cn';
  throw new MiniMaxError(
    `Unknown region ${JSON.stringify(value)}: use 'global' (api.minimax.io) or 'cn' (api.minimaxi.com).`,
  );
}

/** `maxEventBytes` must be a positive number (`Infinity` lifts the limit). */
function checkMaxEventBytes(value: number | undefined): number | undefined {
  if (value === undefined || (typeof value === 'number' && value > 0)) return value;
  throw new InvalidArgumentError('maxEventBytes', `must be a positive number of bytes, got ${String(value)}`);
}
