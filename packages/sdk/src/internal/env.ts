/** Reads an environment variable where there is one (Node, Deno, Bun), and nothing in a browser. */
export function readEnv(name: string): string | undefined {
  const process = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  let raw: string | undefined;
  try {
    raw = process?.env?.[name];
  } catch {
    // Deno without `--allow-env` for this name throws NotCapable: a variable we may not read is one not set.
    return undefined;
  }
  const value = raw?.trim();
  return value === '' ? undefined : value;
}

/** True in a browser page (or a web worker), where a secret key would be visible to the page's users. */
export function isBrowserLike(): boolean {
  const g = globalThis as { window?: unknown; document?: unknown; importScripts?: unknown; process?: unknown };
  const isWindow = typeof g.window !== 'undefined' && typeof g.document !== 'undefined';
  const isWorker = typeof g.importScripts === 'function';
  // Electron renderers and jsdom test environments have both a window and Node's process; they are not web pages.
  return (isWindow || isWorker) && typeof g.process === 'undefined';
}
