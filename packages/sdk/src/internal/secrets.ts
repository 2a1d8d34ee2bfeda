/**
 * The credentials of the clients alive in this process, so that every error and log line can be scrubbed of them
 * whatever their shape. A pattern (`sk-…`, `Bearer …`) misses a proxy's key or a short key; only the literal value
 * catches every echo of it. Errors are built in many places that have no client in reach (stream decoders, pollers,
 * argument checks, user code calling `new APIError()`), so the client registers its secrets here once and the error
 * classes read them.
 *
 * A registration lives as long as its token: the transport and every open response keep it, so a key stays known while
 * anything that could report it exists, and leaves memory once its client, streams and downloads are all gone.
 */

/**
 * Secrets shorter than this are not matched literally: a one-character "key" (a placeholder such as `k` in a test)
 * occurs in nearly every word, so masking it would garble every message while hiding nothing. Any longer key — a
 * proxy's short token included — is never shown, even inside a word: the guarantee outranks the occasional masked
 * word when a key is as short as `test`. Real MiniMax keys run to hundreds of characters.
 */
export const MIN_SECRET_LENGTH = 2;

type Registration = { ref: WeakRef<object> | { deref(): object }; secrets: readonly string[] };

const registrations = new Set<Registration>();
let cache: readonly string[] | undefined;

// A runtime without WeakRef keeps registrations for good (safe, only not collectable).
const HasWeakRef = typeof WeakRef === 'function';
const finalizer =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry<Registration>((registration) => {
        registrations.delete(registration);
        cache = undefined;
      })
    : undefined;

/**
 * Registers secrets (an API key, credential header values) and returns the token that keeps them registered: hold it
 * for as long as anything built with these secrets may produce an error or a log line.
 *
 * @example
 * ```ts
 * const token = registerSecrets([apiKey]);
 * redactText(`echo ${apiKey}`); // 'echo [redacted]'
 * ```
 */
export function registerSecrets(secrets: readonly string[]): object {
  const token = {};
  const kept = secrets.filter((secret) => typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH);
  const registration: Registration = {
    ref: HasWeakRef ? new WeakRef(token) : { deref: () => token },
    secrets: kept,
  };
  registrations.add(registration);
  finalizer?.register(token, registration);
  cache = undefined;
  return token;
}

/**
 * Every secret currently registered, longest first (so a key that contains another is replaced whole).
 *
 * @example
 * ```ts
 * for (const secret of liveSecrets()) if (text.includes(secret)) …
 * ```
 */
export function liveSecrets(): readonly string[] {
  if (cache) return cache;
  const all = new Set<string>();
  for (const registration of registrations) {
    if (registration.ref.deref() === undefined) {
      registrations.delete(registration);
      continue;
    }
    for (const secret of registration.secrets) all.add(secret);
  }
  cache = [...all].sort((a, b) => b.length - a.length);
  return cache;
}
