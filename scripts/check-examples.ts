/** Lists every operation/response without examples and every example that breaks its schema. */
import { readFile } from 'node:fs/promises';
import { hasDefaultExample, isBinaryMedia, listMediaSites, validateExamples } from './lib/spec-examples.ts';
import { effectiveSpecPath } from './lib/spec-paths.ts';

const path = process.argv[2] ?? effectiveSpecPath;
const doc = JSON.parse(await readFile(path, 'utf8'));
const missing = listMediaSites(doc)
  .filter((s) => !isBinaryMedia(s.mediaType) && !hasDefaultExample(s.media))
  .map((s) => `${s.operationId} ${s.where} ${s.mediaType}: no default example`);
const invalid = validateExamples(doc);
for (const line of [...missing, ...invalid]) console.log(line);
console.log(`${missing.length} media without a default example, ${invalid.length} invalid examples`);
process.exit(missing.length + invalid.length > 0 ? 1 : 0);
