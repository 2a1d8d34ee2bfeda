/**
 * Reads a candidate spec from a path or an http(s) URL and checks it is an OpenAPI 3.x document that can be
 * diffed. Every failure is a {@link SpecDiffInputError} whose message fits on one line.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { findDanglingRefs } from '../spec-check.ts';
import { isObject, type Json } from './pointer.ts';

/** Bad input: missing file, unreachable URL, not JSON/YAML, not OpenAPI, dangling refs. Exit code 3. */
export class SpecDiffInputError extends Error {
  override name = 'SpecDiffInputError' as const;
}

export interface LoadedSpec {
  /** The path or URL as given. */
  source: string;
  /** The exact bytes read (what `--update` vendors). */
  bytes: Buffer;
  format: 'json' | 'yaml';
  doc: Json;
  sha256: string;
}

export interface LoadOptions {
  /** Relative paths are resolved against this (npm sets INIT_CWD to where the user ran `npm run`). */
  cwd?: string;
  /** URL fetch timeout. Default 30 s. */
  timeoutMs?: number;
  /** `$ref` targets allowed to dangle (those the vendored file already has, which the overlays define). */
  toleratedRefs?: ReadonlySet<string>;
}

export async function loadSpecSource(source: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const bytes = /^https?:\/\//i.test(source)
    ? await fetchBytes(source, options.timeoutMs ?? 30_000)
    : await readBytes(source, options.cwd ?? process.cwd());
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const { doc, format } = parseDocument(text, source);
  checkOpenAPI(doc, source, options.toleratedRefs);
  return { source, bytes, format, doc, sha256: createHash('sha256').update(bytes).digest('hex') };
}

async function readBytes(source: string, cwd: string): Promise<Buffer> {
  const path = isAbsolute(source) ? source : resolve(cwd, source);
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new SpecDiffInputError(`${source}: no such file`);
  if (info.isDirectory()) throw new SpecDiffInputError(`${source}: is a directory, not a spec file`);
  try {
    return await readFile(path);
  } catch (error) {
    throw new SpecDiffInputError(`${source}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

async function fetchBytes(url: string, timeoutMs: number): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (error) {
    const err = error as Error & { cause?: { code?: string; message?: string } };
    if (err.name === 'TimeoutError') throw new SpecDiffInputError(`${url}: no answer within ${timeoutMs / 1000} s`);
    const reason = err.cause?.code ?? err.cause?.message ?? err.message;
    throw new SpecDiffInputError(`${url}: unreachable (${oneLine(reason)})`);
  }
  if (!response.ok) {
    throw new SpecDiffInputError(
      `${url}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    );
  }
  try {
    return Buffer.from(await response.arrayBuffer());
  } catch (error) {
    throw new SpecDiffInputError(`${url}: the download failed (${oneLine((error as Error).message)})`);
  }
}

/** JSON when it looks like JSON (so a JSON syntax error is reported as one), YAML otherwise. */
export function parseDocument(text: string, source: string): { doc: unknown; format: 'json' | 'yaml' } {
  if (text.trim() === '') throw new SpecDiffInputError(`${source}: the file is empty`);
  if (/^\s*[{[]/.test(text)) {
    try {
      return { doc: JSON.parse(text), format: 'json' };
    } catch (error) {
      throw new SpecDiffInputError(`${source}: not valid JSON (${oneLine((error as Error).message)})`);
    }
  }
  try {
    return { doc: parseYaml(text, { prettyErrors: false }), format: 'yaml' };
  } catch (error) {
    throw new SpecDiffInputError(`${source}: not valid JSON or YAML (${oneLine((error as Error).message)})`);
  }
}

/**
 * An OpenAPI 3.x document with `paths`. Dangling `$ref`s are refused unless `tolerated` lists them (the vendored
 * file has three that the overlays define; a candidate may keep those, not add new ones).
 */
export function checkOpenAPI(
  doc: unknown,
  source: string,
  tolerated: ReadonlySet<string> = new Set(),
): asserts doc is Json {
  if (!isObject(doc)) throw new SpecDiffInputError(`${source}: not an OpenAPI document (not a JSON/YAML object)`);
  if (typeof doc.swagger === 'string') {
    throw new SpecDiffInputError(`${source}: Swagger ${doc.swagger} is not supported (OpenAPI 3.x only)`);
  }
  if (typeof doc.openapi !== 'string') {
    throw new SpecDiffInputError(`${source}: not an OpenAPI document (no "openapi" version field)`);
  }
  if (!/^3\.\d+(\.\d+)?/.test(doc.openapi)) {
    throw new SpecDiffInputError(`${source}: OpenAPI ${doc.openapi} is not supported (3.x only)`);
  }
  if (!isObject(doc.paths)) throw new SpecDiffInputError(`${source}: not an OpenAPI document (no "paths" object)`);
  const dangling = findDanglingRefs(doc).filter((r) => !tolerated.has(refTarget(r)));
  if (dangling.length > 0) {
    const more = dangling.length > 1 ? ` (and ${dangling.length - 1} more)` : '';
    throw new SpecDiffInputError(`${source}: dangling $ref ${dangling[0]}${more}`);
  }
}

/** `'/paths/… -> #/components/schemas/X'` → `'#/components/schemas/X'`. */
export function refTarget(dangling: string): string {
  return dangling.slice(dangling.lastIndexOf(' -> ') + 4);
}

export function oneLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
  return line.trim().slice(0, 200);
}
