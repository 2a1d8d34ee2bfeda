/**
 * Builds the effective spec: upstream file + overlays (in file-name order) → spec/minimax.openapi.json.
 * Fails when an overlay action matches nothing, a `$ref` dangles, or the result is not valid OpenAPI 3.1.
 *
 *   npm run spec:build                       write spec/minimax.openapi.json
 *   npm run spec:build -- --check            fail if the committed file is not what the build produces
 *   npm run spec:build -- --upstream F --out F   build from another upstream file (spec-diff uses this)
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildEffectiveSpec, serializeSpec } from './lib/build.ts';
import { effectiveSpecPath, overlaysDir, upstreamSpecPath } from './lib/spec-paths.ts';

const { values } = parseArgs({
  options: {
    upstream: { type: 'string', default: upstreamSpecPath },
    overlays: { type: 'string', default: overlaysDir },
    out: { type: 'string', default: effectiveSpecPath },
    check: { type: 'boolean', default: false },
  },
});

const result = await buildEffectiveSpec({ upstreamPath: values.upstream, overlaysDir: values.overlays });
if (result.errors.length > 0) {
  console.error(`spec:build failed with ${result.errors.length} problem(s):`);
  for (const e of result.errors) console.error(`  - ${e}`);
  process.exit(1);
}
const text = serializeSpec(result.spec);
if (values.check) {
  const committed = await readFile(values.out, 'utf8').catch(() => '');
  if (committed !== text) {
    console.error(`${values.out} is stale: run \`npm run spec:build\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${values.out} is up to date.`);
} else {
  await writeFile(values.out, text);
  console.log(
    `spec:build: ${result.overlayCount} overlays, ${result.actionCount} actions → ${values.out} (${text.length} bytes)`,
  );
}
