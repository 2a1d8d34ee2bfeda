/**
 * Regenerates packages/generated/src from the effective spec with @hey-api/openapi-ts.
 *
 *   npm run generate                    spec/minimax.openapi.json → packages/generated/src
 *   npm run generate -- --input F --output DIR   (spec-diff generates a candidate into a temp folder)
 */
import { parseArgs } from 'node:util';
import { generateClient } from './lib/generate-client.ts';
import { effectiveSpecPath, generatedSrcDir } from './lib/spec-paths.ts';

const { values } = parseArgs({
  options: {
    input: { type: 'string', default: effectiveSpecPath },
    output: { type: 'string', default: generatedSrcDir },
  },
});
const files = await generateClient({ input: values.input, output: values.output });
console.log(`generate: ${files.length} files → ${values.output}`);
