/**
 * Where `mm.speech.connect()` finds its session code. The WebSocket session is ~12 kB minified (5–6 kB gzip), the
 * largest single feature of the client, and a single-file bundle (esbuild without code splitting, as Workers and edge
 * functions deploy) inlines whatever a literal `import()` names — for a call most applications never make, and which
 * cannot authenticate from a browser or an edge runtime without a WebSocket implementation given to it anyway. So the
 * client does not import it: the `openSpeechSession` client option hands it in (any bundle), else it is loaded at run
 * time from the package's own `@minimax-ts/sdk/realtime` entry (Node, Bun and Deno running the package from
 * node_modules), through an `import()` no bundler follows.
 *
 * The CommonJS build replaces this module with `speech-session-inline.ts` (see `tsup.config.ts`): a `require`d client
 * that imported the ESM entry would get second copies of the error classes and of the secret registry.
 */

import { InvalidArgumentError } from '../core/invalid-argument-error.ts';
import { MiniMaxError } from '../core/minimax-error.ts';
import type { SpeechSessionOpener } from '../lib/speech-session-types.ts';
import { importAtRunTime } from './import-at-run-time.ts';

const REALTIME_ENTRY = '@minimax-ts/sdk/realtime';

let loaded: Promise<SpeechSessionOpener> | undefined;

/**
 * The session opener of `@minimax-ts/sdk/realtime`, loaded once; an `InvalidArgumentError` naming the
 * `openSpeechSession` option (and saying how to pass it) where the runtime cannot load it, or where what loads is
 * another copy of the SDK than this client (a client bundled into an application that also has the package in
 * node_modules): its errors would not be this client's classes, and it would not know the key it must redact.
 *
 * @example
 * ```ts
 * const open = config.opener ?? (await loadSpeechSessionOpener());
 * ```
 */
export function loadSpeechSessionOpener(): Promise<SpeechSessionOpener> {
  loaded ??= importAtRunTime<{ openSpeechSession?: unknown; MiniMaxError?: unknown }>(REALTIME_ENTRY)
    .then((entry) => {
      if (typeof entry.openSpeechSession !== 'function') throw new Error(`${REALTIME_ENTRY} has no openSpeechSession`);
      if (entry.MiniMaxError !== MiniMaxError) throw new Error(`${REALTIME_ENTRY} is another copy of the SDK`);
      return entry.openSpeechSession as SpeechSessionOpener;
    })
    .catch((cause: unknown) => {
      loaded = undefined; // a later call may succeed (e.g. after an import map is set up)
      throw Object.assign(
        new InvalidArgumentError(
          'openSpeechSession',
          `mm.speech.connect() loads its session code from ${REALTIME_ENTRY} at run time, which failed here (a ` +
            `bundled application?). Import it and pass it: \`import { openSpeechSession } from '${REALTIME_ENTRY}'; ` +
            'new MiniMax({ openSpeechSession })`.',
        ),
        { cause },
      );
    });
  return loaded;
}
