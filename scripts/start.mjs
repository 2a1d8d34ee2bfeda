// Placeholder until the guided tour lands (issue 7): shows that the workspace is installed and the spec builds.
import { readFile } from 'node:fs/promises';

const spec = JSON.parse(await readFile(new URL('../spec/minimax.openapi.json', import.meta.url), 'utf8'));
const ops = Object.values(spec.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
console.log(`${spec.info.title} ${spec.info.version}: ${ops.length} operations`);
for (const id of ops) console.log(`  - ${id}`);
