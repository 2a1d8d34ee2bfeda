/**
 * Subtitles of a transcript as speech-to-text returns them for `response_format` `srt` (SubRip, `text/plain`) and `vtt`
 * (WebVTT, `text/vtt`), in the layout of MiniMax's examples: numbered SRT cues with `,` before the milliseconds, a
 * `WEBVTT` header and `.` before the milliseconds, a blank line between cues.
 */

/** One cue: its text and its times in seconds. */
export interface Cue {
  text: string;
  start: number;
  end: number;
}

/**
 * SRT: `1\n00:00:00,100 --> 00:00:01,660\nText\n`, cues separated by a blank line.
 *
 * @example
 * ```ts
 * srt([{ text: 'Hello', start: 0.1, end: 0.5 }]); // '1\n00:00:00,100 --> 00:00:00,500\nHello\n'
 * ```
 */
export function srt(cues: readonly Cue[]): string {
  return cues.map((c, i) => `${i + 1}\n${clock(c.start, ',')} --> ${clock(c.end, ',')}\n${c.text}\n`).join('\n');
}

/**
 * WebVTT: `WEBVTT\n\n00:00:00.100 --> 00:00:01.660\nText\n`, cues separated by a blank line.
 *
 * @example
 * ```ts
 * vtt([{ text: 'Hello', start: 0.1, end: 0.5 }]); // 'WEBVTT\n\n00:00:00.100 --> 00:00:00.500\nHello\n'
 * ```
 */
export function vtt(cues: readonly Cue[]): string {
  const body = cues.map((c) => `${clock(c.start, '.')} --> ${clock(c.end, '.')}\n${c.text}\n`).join('\n');
  return body === '' ? 'WEBVTT\n' : `WEBVTT\n\n${body}`;
}

/** `HH:MM:SS,mmm` (SRT) or `HH:MM:SS.mmm` (WebVTT). */
function clock(seconds: number, separator: ',' | '.'): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(ms % 1000, 3)}`;
}
