/**
 * Lossless JSON: the SDK's `parseJSON` (every id and big integer kept digit for digit) against plain `JSON.parse`
 * (which rounds them) on large bodies: a 50 MB file list with 18-digit ids, an array of big integers, and a speech
 * answer with megabytes of hex audio. In one process, interleaved (order alternated each round, a GC before each
 * parse); CPU time per parse, ratio within each round, median over rounds. The parser is bundled from the
 * workspace sources (`packages/sdk/src/internal/lossless-json.ts`), as it is not a public export.
 *
 *   node --expose-gc bench/suites/lossless-json.mjs [--rounds=7] [--scale=1]
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { bigIntegerArray, fileList, hexAudio } from '../lib/json-documents.mjs';
import { ROOT } from '../lib/paths.mjs';
import { cpuSince, median, parseArgs, report } from '../lib/stats.mjs';

const args = parseArgs();
const rounds = Number(args.rounds ?? 7);
const scale = Number(args.scale ?? 1);

const dir = mkdtempSync(join(tmpdir(), 'minimax-lossless-'));
const outfile = join(dir, 'lossless-json.mjs');
await esbuild.build({
  entryPoints: [join(ROOT, 'packages/sdk/src/internal/lossless-json.ts')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  outfile,
  logLevel: 'silent',
});
const { parseJSON } = await import(pathToFileURL(outfile).href);
rmSync(dir, { recursive: true, force: true });

const documents = [
  { name: 'file list, 18-digit ids', ...fileList(50e6 * scale) },
  { name: 'big-integer array', ...bigIntegerArray(20e6 * scale) },
  { name: 'speech answer, hex audio', ...hexAudio(4e6 * scale) },
];

function timed(parse, text) {
  globalThis.gc?.();
  const cpu0 = process.cpuUsage();
  const value = parse(text);
  return { cpuMs: cpuSince(cpu0) / 1000, value };
}

const results = [];
for (const doc of documents) {
  const plain = [];
  const lossless = [];
  // Warm-up (JIT) and the exactness check.
  if (!doc.check(parseJSON(doc.text))) throw new Error(`parseJSON lost an id in "${doc.name}"`);
  JSON.parse(doc.text);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? ['lossless', 'plain'] : ['plain', 'lossless'];
    for (const which of order) {
      if (which === 'plain') plain.push(timed(JSON.parse, doc.text).cpuMs);
      else lossless.push(timed((t) => parseJSON(t), doc.text).cpuMs);
    }
  }
  const ratios = lossless.map((v, i) => v / plain[i]);
  results.push({
    name: doc.name,
    mb: doc.text.length / 1e6,
    plainMs: median(plain),
    losslessMs: median(lossless),
    ratio: median(ratios),
    ratios,
  });
  process.stderr.write(`lossless-json: ${doc.name} ${median(ratios).toFixed(2)}×\n`);
}
report({ rounds, node: process.version, results });
