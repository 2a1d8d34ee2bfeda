/**
 * `speech-session-loader.ts` for the CommonJS build, which `tsup.config.ts` swaps in: there the session code is part
 * of the client's own file (CommonJS is what Node runs from node_modules, not what edge bundles are made of), so its
 * errors are the client's classes and its secret registry the client's.
 */

import type { SpeechSessionOpener } from '../lib/speech-session-types.ts';

/**
 * The session opener, from the client's own modules.
 *
 * @example
 * ```ts
 * const open = config.opener ?? (await loadSpeechSessionOpener());
 * ```
 */
export function loadSpeechSessionOpener(): Promise<SpeechSessionOpener> {
  return import('../lib/speech-session-open.ts').then((module) => module.openSpeechSession);
}
