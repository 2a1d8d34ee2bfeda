/**
 * `music_cover_preprocess` answers the reference song's structure as a JSON document inside a string
 * (`structure_result`). The response keeps that string untouched; this parses it, on request, into typed segments,
 * and raises a `ResponseValidationError` (with the text) when it is not the document the reference describes.
 */

import { ResponseValidationError } from '../core/response-validation-error.ts';

/** One section of the song: `intro`, `verse`, `chorus`, `bridge`, `outro`, `inst`, `silence` (open: more may come). */
export interface CoverSegment {
  /** Start, in seconds. */
  start: number;
  /** End, in seconds. */
  end: number;
  label: string;
  [key: string]: unknown;
}

/** The parsed `structure_result`; unknown fields kept. */
export interface CoverStructure {
  num_segments?: number;
  segments: CoverSegment[];
  [key: string]: unknown;
}

const OPERATION = 'POST /v1/music_cover_preprocess';

/**
 * Parses a `structure_result` string.
 *
 * @example
 * ```ts
 * const pre = await mm.music.coverPreprocess({ model: 'music-cover', audio_url });
 * const { segments } = parseCoverStructure(pre.structure_result ?? '{"segments":[]}');
 * for (const s of segments) console.log(s.label, s.start, s.end);
 * ```
 */
export function parseCoverStructure(structureResult: string): CoverStructure {
  let parsed: unknown;
  try {
    parsed = JSON.parse(structureResult);
  } catch {
    throw invalid('structure_result is not JSON', structureResult);
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as CoverStructure).segments)) {
    throw invalid('structure_result has no `segments` array', structureResult);
  }
  const segments = (parsed as CoverStructure).segments;
  const bad = segments.findIndex(
    (s) => typeof s !== 'object' || s === null || typeof s.start !== 'number' || typeof s.end !== 'number',
  );
  if (bad >= 0) throw invalid(`segment ${bad} has no numeric start and end`, structureResult, `segments.${bad}`);
  return parsed as CoverStructure;
}

function invalid(message: string, body: string, path = 'structure_result'): ResponseValidationError {
  return new ResponseValidationError(OPERATION, [{ path, message }], body);
}
