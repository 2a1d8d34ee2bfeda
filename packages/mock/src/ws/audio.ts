/**
 * Deterministic audio for the speech WebSocket: the same text always gives the same bytes, sized like the real thing
 * (about 60 ms of speech per character). `wav` and `pcm` are real, playable PCM (a tone whose pitch follows the
 * text), so a browser can decode what the mock sends; other formats get an `ID3` tag and bytes derived from the text,
 * which are not playable but are what a client must pass through untouched.
 */

import { createHash } from 'node:crypto';

export interface AudioSettings {
  format: string;
  sampleRate: number;
  bitrate: number;
  channel: number;
}

/** Reads `task_start.audio_setting`, with MiniMax's defaults (mp3, 32 kHz, 128 kbps, mono). */
export function audioSettings(value: unknown): AudioSettings {
  const s = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const num = (v: unknown, fallback: number): number => (typeof v === 'number' && v > 0 ? v : fallback);
  return {
    format: typeof s.format === 'string' ? s.format : 'mp3',
    sampleRate: num(s.sample_rate, 32_000),
    bitrate: num(s.bitrate, 128_000),
    channel: s.channel === 2 ? 2 : 1,
  };
}

const MS_PER_CHAR = 60;
/** Audio bytes per frame: ~32 KiB of hex, like the HTTP stream's events. */
export const CHUNK_BYTES = 16_384;

/** Duration of the speech for a text, in ms (what `extra_info.audio_length` reports). */
export function durationMs(text: string): number {
  return Math.max(MS_PER_CHAR, [...text.trim()].length * MS_PER_CHAR);
}

/** The whole clip for one text. */
export function synthesize(text: string, settings: AudioSettings): Uint8Array {
  const ms = durationMs(text);
  if (settings.format === 'wav' || settings.format === 'pcm') return pcmClip(text, ms, settings);
  const size = Math.max(64, Math.round(((settings.bitrate / 8) * ms) / 1000));
  const out = new Uint8Array(size);
  // A xorshift stream seeded by the text's hash: deterministic, and cheap enough that pacing off means no delay.
  const words = new Uint32Array(out.buffer, 0, size >>> 2);
  let x = createHash('sha256').update(text).digest().readUInt32LE(0) || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  out.set([0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0]); // "ID3" v2.4, empty tag
  return out;
}

function pcmClip(text: string, ms: number, { format, sampleRate, channel }: AudioSettings): Uint8Array {
  const frames = Math.round((sampleRate * ms) / 1000);
  const dataBytes = frames * channel * 2;
  const header = format === 'wav' ? 44 : 0;
  const out = new Uint8Array(header + dataBytes);
  const view = new DataView(out.buffer);
  if (header) writeWavHeader(view, dataBytes, sampleRate, channel);
  const pitch = 220 + (createHash('sha256').update(text).digest()[0] ?? 0);
  for (let i = 0; i < frames; i++) {
    const sample = Math.round(Math.sin((2 * Math.PI * pitch * i) / sampleRate) * 8_000);
    for (let c = 0; c < channel; c++) view.setInt16(header + (i * channel + c) * 2, sample, true);
  }
  return out;
}

function writeWavHeader(view: DataView, dataBytes: number, sampleRate: number, channel: number): void {
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channel, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channel * 2, true);
  view.setUint16(32, channel * 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
}

/** Cuts a clip into frame-sized chunks (at least one, so even a tiny clip has a final frame). */
export function chunksOf(clip: Uint8Array): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < clip.length; offset += CHUNK_BYTES)
    chunks.push(clip.subarray(offset, offset + CHUNK_BYTES));
  return chunks.length > 0 ? chunks : [clip];
}

/** `extra_info` of a request's last frame, as the docs' example shows it. */
export function extraInfo(text: string, clip: Uint8Array, settings: AudioSettings): Record<string, unknown> {
  const chars = [...text].length;
  return {
    audio_length: durationMs(text),
    audio_sample_rate: settings.sampleRate,
    audio_size: clip.length,
    bitrate: settings.bitrate,
    audio_format: settings.format,
    audio_channel: settings.channel,
    invisible_character_ratio: 0,
    usage_characters: chars,
    word_count: [...text].filter((c) => /[\p{L}\p{N}]/u.test(c)).length,
  };
}
