/**
 * The client's logger: drops messages below the configured level (so call sites never check it), and redacts every
 * line it passes on. Retry lines quote the failure's message and validation warnings quote the response, either of
 * which may echo the key; redacting here, at the one door to the user's logger, covers every line the SDK writes.
 */

import type { Logger, LogLevel } from '../core/client-options.ts';
import { redactText, scrubDeep } from './redact.ts';

const RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40, off: 100 };

/**
 * A logger that drops messages below `level` and redacts credentials from the rest (see `redact.ts`).
 *
 * @example
 * ```ts
 * const logger = levelLogger(console, 'info');
 * logger.debug('dropped');
 * logger.info('retrying'); // printed, with any registered key replaced by [redacted]
 * ```
 */
export function levelLogger(logger: Logger, level: LogLevel): Logger {
  const min = RANK[level] ?? RANK.warn;
  const noop = (): void => {};
  const redacting =
    (write: (message: string, ...rest: unknown[]) => void) =>
    (message: string, ...rest: unknown[]): void =>
      write.call(logger, redactText(String(message)), ...rest.map(scrubDeep));
  return {
    debug: min <= RANK.debug ? redacting(logger.debug) : noop,
    info: min <= RANK.info ? redacting(logger.info) : noop,
    warn: min <= RANK.warn ? redacting(logger.warn) : noop,
    error: min <= RANK.error ? redacting(logger.error) : noop,
  };
}

/**
 * The level named by `MINIMAX_LOG`, or `undefined` when it names none.
 *
 * @example
 * ```ts
 * parseLogLevel('debug'); // 'debug'
 * ```
 */
export function parseLogLevel(value: string | undefined): LogLevel | undefined {
  return value && Object.hasOwn(RANK, value) ? (value as LogLevel) : undefined;
}
