/** Small numeric helpers: medians, and process measurements that suites share. */

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Client CPU time (user + system) in microseconds since `start` (a `process.cpuUsage()` value). */
export function cpuSince(start) {
  const d = process.cpuUsage(start);
  return d.user + d.system;
}

/** Runs a full GC when the process was started with `--expose-gc`, so one contestant's garbage is not billed to the next. */
export function collect() {
  globalThis.gc?.();
}

/** Rotates `items` by `round`, so every contestant runs first, second, … equally often across rounds. */
export function rotate(items, round) {
  const k = round % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** Parses `--key=value` and `--flag` arguments. */
export function parseArgs(argv = process.argv.slice(2)) {
  const args = {};
  for (const arg of argv) {
    const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (match) args[match[1]] = match[2] ?? true;
  }
  return args;
}

/** Prints a suite's result as the last stdout line, for the orchestrator to read. */
export function report(result) {
  process.stdout.write(`\n@@RESULT ${JSON.stringify(result)}\n`);
}
