/**
 * The AI SDK gives a speech language as an ISO 639-1 code; MiniMax's `language_boost` takes English names (and
 * `Chinese,Yue` for Cantonese). The table is MiniMax's documented list.
 */

const LANGUAGE_BOOST: Readonly<Record<string, string>> = {
  auto: 'auto',
  zh: 'Chinese',
  yue: 'Chinese,Yue',
  en: 'English',
  ar: 'Arabic',
  ru: 'Russian',
  es: 'Spanish',
  fr: 'French',
  pt: 'Portuguese',
  de: 'German',
  tr: 'Turkish',
  nl: 'Dutch',
  uk: 'Ukrainian',
  vi: 'Vietnamese',
  id: 'Indonesian',
  ja: 'Japanese',
  it: 'Italian',
  ko: 'Korean',
  th: 'Thai',
  pl: 'Polish',
  ro: 'Romanian',
  el: 'Greek',
  cs: 'Czech',
  fi: 'Finnish',
  hi: 'Hindi',
  bg: 'Bulgarian',
  da: 'Danish',
  he: 'Hebrew',
  ms: 'Malay',
  fa: 'Persian',
  sk: 'Slovak',
  sv: 'Swedish',
  hr: 'Croatian',
  fil: 'Filipino',
  tl: 'Filipino',
  hu: 'Hungarian',
  no: 'Norwegian',
  nb: 'Norwegian',
  nn: 'Nynorsk',
  sl: 'Slovenian',
  ca: 'Catalan',
  ta: 'Tamil',
  af: 'Afrikaans',
};

/**
 * MiniMax's `language_boost` for a language code (`en`, `zh-CN`, `yue`, `auto`), or `undefined` when it has none.
 *
 * @example
 * ```ts
 * languageBoost('en'); // 'English'
 * languageBoost('zh-HK'); // 'Chinese'
 * languageBoost('xx'); // undefined
 * ```
 */
export function languageBoost(language: string): string | undefined {
  const normalized = language.trim().toLowerCase();
  return LANGUAGE_BOOST[normalized] ?? LANGUAGE_BOOST[normalized.split(/[-_]/)[0] ?? ''];
}
