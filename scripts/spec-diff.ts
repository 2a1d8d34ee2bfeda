/**
 * What an upstream OpenAPI change does to the SDK, before it lands.
 *
 *   npm run spec:diff -- <candidate: path or URL> [--json] [--update] [--no-impact] [--output FILE]
 *
 * Exit codes: 0 no change, 1 breaking (or an overlay / typecheck / contract-test failure), 2 non-breaking only,
 * 3 error (bad input, or --update refused). See the README's spec-diff section.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { runSpecDiff } from './lib/spec-diff/run.ts';

const USAGE = `Usage: npm run spec:diff -- <candidate spec: path or URL> [options]

  --json            the report as JSON (default: Markdown for a pull-request comment)
  --update          accept the candidate: vendor it, update its hash, rebuild the effective spec, regenerate
                    (refused while overlays fail to apply)
  --no-impact       skip regenerating, typechecking packages/sdk and running the contract tests (fast)
  --output <file>   also write the report to this file
  --timeout <s>     give up fetching a URL after this many seconds (default 30)
  -h, --help        this help

Exit codes: 0 no change, 1 breaking, 2 non-breaking only, 3 error.`;

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      update: { type: 'boolean', default: false },
      'no-impact': { type: 'boolean', default: false },
      output: { type: 'string' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
try {
  parsed = parse();
} catch (error) {
  console.error(`spec-diff: ${(error as Error).message.split('\n')[0]} (see --help)`);
  process.exit(3);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) {
  console.error(
    `spec-diff: ${positionals.length === 0 ? 'no candidate spec given' : 'give exactly one candidate spec'} (usage: npm run spec:diff -- <path or URL> [--json] [--update])`,
  );
  process.exit(3);
}
const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
if (timeout !== undefined && !(timeout > 0)) {
  console.error(`spec-diff: --timeout expects a number of seconds, got "${values.timeout}"`);
  process.exit(3);
}

const result = await runSpecDiff({
  candidate: positionals[0] as string,
  json: values.json,
  update: values.update,
  impact: !values['no-impact'],
  ...(timeout !== undefined && { timeoutMs: timeout * 1000 }),
  log: (line) => console.error(line),
});
if (result.output) {
  process.stdout.write(result.output);
  if (values.output) await writeFile(values.output, result.output);
}
if (result.error) console.error(`spec-diff: ${result.error}`);
process.exitCode = result.exitCode;
