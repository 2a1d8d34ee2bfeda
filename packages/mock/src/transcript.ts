/**
 * What the mock "hears" in an uploaded audio file for speech-to-text: derived from the bytes, so a test or a frontend
 * knows the transcript in advance, and the same file always gives the same answer.
 *
 * - **Text is its own transcript.** A file whose bytes are UTF-8 text (no control characters but tab and line breaks)
 *   is transcribed to that text, whitespace collapsed. Each non-empty line is a speaker turn, the speakers
 *   alternating `S1`, `S2`; sentences end at `.`, `!`, `?`, `。`, `！`, `？`; words are split at spaces, Chinese and
 *   Japanese per character (as MiniMax's word level does). It is "spoken" at 0.4 s per word (0.25 s per character),
 *   starting at 0.1 s, with 0.3 s between sentences and 0.1 s of silence at the end: that is its duration.
 * - **Anything else is audio**, heard as a fixed two-speaker exchange ({@link AUDIO_TURNS}), stretched over the
 *   file's duration: its size at a WAV file's own byte rate (from its header), else at a nominal 128 kbit/s
 *   (16,000 bytes a second) — but never shorter than the exchange takes to say (5.3 s), so a tiny sample still
 *   gets readable timestamps.
 *
 * Times are in seconds, rounded to the millisecond.
 */

/** The transcript of every file that is not text. */
export const AUDIO_TURNS: readonly string[] = ['Can we go over the agenda?', "Sure, let's start with the budget."];

/** Bytes per second of audio that is not a WAV file with a readable header (128 kbit/s). */
export const NOMINAL_BYTES_PER_SECOND = 16_000;

const WORD_SECONDS = 0.4;
const CHARACTER_SECONDS = 0.25;
const LEAD_SECONDS = 0.1;
const PAUSE_SECONDS = 0.3;

/** One timed unit: a word (or character), or a sentence. */
export interface TimedText {
  text: string;
  speaker: string;
  start: number;
  end: number;
}

export interface Transcript {
  text: string;
  duration: number;
  speakers: number;
  sentences: TimedText[];
  words: TimedText[];
  /** Each word with what goes before it in `text` (`''` or `' '`), in order: for streamed deltas. */
  pieces: string[];
}

/** Han, Hiragana and Katakana: spoken (and timed) per character, written without spaces. */
const PER_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what tells audio from text.
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
const SENTENCE = /[^.!?。！？]+[.!?。！？]*|[.!?。！？]+/g;

/**
 * The transcript of a file (see the file comment).
 *
 * @example
 * ```ts
 * hear(new TextEncoder().encode('Hello there')).text; // 'Hello there'
 * ```
 */
export function hear(bytes: Uint8Array): Transcript {
  const text = asText(bytes);
  const lines = text === undefined ? AUDIO_TURNS : text.split(/\r\n|\r|\n/);
  const turns = lines.map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line !== '');
  const spoken = timeline(turns);
  const duration = text === undefined ? Math.max(audioSeconds(bytes), spoken.length) : spoken.length;
  const scale = spoken.length > 0 ? duration / spoken.length : 0;
  const at = (t: number) => round(t * scale);
  const words = spoken.words.map((w) => ({ ...w, start: at(w.start), end: at(w.end) }));
  const sentences = spoken.sentences.map((s) => ({ ...s, start: at(s.start), end: at(s.end) }));
  return {
    text: spoken.pieces.join(''),
    duration: round(duration),
    speakers: Math.min(turns.length, 2),
    sentences,
    words,
    pieces: spoken.pieces,
  };
}

/** The bytes as text, or `undefined` when they are not UTF-8 text. */
function asText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
  return CONTROL.test(text) ? undefined : text;
}

/** The length of audio: a WAV file's data at its header's byte rate, else the nominal bitrate. */
function audioSeconds(bytes: Uint8Array): number {
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length > 44 && tag(0) === 'RIFF' && tag(8) === 'WAVE' && tag(12) === 'fmt ') {
    const byteRate = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(28, true);
    if (byteRate > 0) return (bytes.length - 44) / byteRate;
  }
  return bytes.length / NOMINAL_BYTES_PER_SECOND;
}

interface Timeline {
  words: TimedText[];
  sentences: TimedText[];
  pieces: string[];
  /** When the speech ends, trailing silence included. */
  length: number;
}

/** The turns spoken at the natural pace: every word and sentence timed, and the text's pieces. */
function timeline(turns: readonly string[]): Timeline {
  const out: Timeline = { words: [], sentences: [], pieces: [], length: 0 };
  let t = LEAD_SECONDS;
  let previous = '';
  turns.forEach((turn, i) => {
    const speaker = `S${(i % 2) + 1}`;
    for (const sentence of turn.match(SENTENCE) ?? []) {
      const units = splitWords(sentence.trim());
      if (units.length === 0) continue;
      const start = t;
      let text = '';
      for (const { word, spaced } of units) {
        const gap = spaced && previous !== '' && !joinsTight(previous, word) ? ' ' : '';
        out.pieces.push(gap + word);
        text += text === '' ? word : gap + word;
        previous = word;
        out.words.push({ text: word, speaker, start: t, end: t + secondsOf(word) });
        t += secondsOf(word);
      }
      out.sentences.push({ text, speaker, start, end: t });
      t += PAUSE_SECONDS;
    }
  });
  out.length = out.words.length === 0 ? 0 : t - PAUSE_SECONDS + LEAD_SECONDS;
  return out;
}

/**
 * Words at spaces; Chinese and Japanese characters one by one, punctuation kept with the unit before it. `spaced`:
 * a space came before the unit in the text.
 */
function splitWords(sentence: string): Array<{ word: string; spaced: boolean }> {
  const out: Array<{ word: string; spaced: boolean }> = [];
  for (const chunk of sentence.split(' ')) {
    let current = '';
    let spaced = true;
    for (const ch of chunk) {
      const last = current.slice(-1);
      if (current !== '' && (PER_CHARACTER.test(ch) || (PER_CHARACTER.test(last) && LETTER_OR_DIGIT.test(ch)))) {
        out.push({ word: current, spaced });
        spaced = false;
        current = '';
      }
      current += ch;
    }
    if (current !== '') out.push({ word: current, spaced });
  }
  return out;
}

/** Between two units of Chinese or Japanese no space is written, even across lines. */
function joinsTight(before: string, after: string): boolean {
  return PER_CHARACTER.test(before.slice(-1)) || PER_CHARACTER.test(after.slice(0, 1));
}

function secondsOf(word: string): number {
  return PER_CHARACTER.test(word) ? CHARACTER_SECONDS : WORD_SECONDS;
}

const round = (seconds: number): number => Math.round(seconds * 1000) / 1000;
