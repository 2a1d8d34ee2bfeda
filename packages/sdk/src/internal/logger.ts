import type { Logger, LogLevel } from '../core/client-options.ts';

const RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40, off: 100 };

/** A logger that drops messages below `level`, so call sites never check the level themselves. */
export function levelLogger(logger: Logger, level: LogLevel): Logger {
  const min = RANK[level] ?? RANK.warn;
  const noop = (): void => {};
  return {
    debug: min <= RANK.debug ? logger.debug.bind(logger) : noop,
    info: min <= RANK.info ? logger.info.bind(logger) : noop,
    warn: min <= RANK.warn ? logger.warn.bind(logger) : noop,
    error: min <= RANK.error ? logger.error.bind(logger) : noop,
  };
}

export function parseLogLevel(value: string | undefined): LogLevel | undefined {
  return value && value in RANK ? (value as LogLevel) : undefined;
}
