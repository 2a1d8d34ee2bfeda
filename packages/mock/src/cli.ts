/**
 * `npm run mock` — starts the mock for local frontend work and manual testing.
 *
 *   npm run mock -- --port 4010 --host 127.0.0.1 --dynamic --seed 42 --spec spec/minimax.openapi.json
 */
import { parseArgs } from 'node:util';
import { startMock } from './server.ts';
import { DEFAULT_SPEC_PATH } from './spec-loader.ts';

const HELP = `Usage: npm run mock -- [options]

  --port <n>            port to listen on (default 4010; 0 = any free port)
  --host <addr>         interface to bind (default 127.0.0.1)
  --spec <file>         effective OpenAPI JSON (default ${DEFAULT_SPEC_PATH})
  --dynamic             generate JSON bodies from schemas instead of serving examples
  --seed <s>            seed for --dynamic and for ids (reproducible runs)
  --stream-delay <ms>   delay between stream events (default 25)
  --task-polls <n>      polls a task spends before Success/Fail (default 3)
  --no-watch            do not reload when the spec file changes
  --quiet               no request log
  -h, --help            this help`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    spec: { type: 'string' },
    dynamic: { type: 'boolean', default: false },
    seed: { type: 'string' },
    'stream-delay': { type: 'string' },
    'task-polls': { type: 'string' },
    'no-watch': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const integer = (name: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) {
    console.error(`--${name} expects a non-negative integer, got "${raw}"\n\n${HELP}`);
    process.exit(2);
  }
  return Number(raw);
};

const log = (line: string) => console.log(`[mock] ${line}`);
const streamDelayMs = integer('stream-delay', values['stream-delay']);
const taskPolls = integer('task-polls', values['task-polls']);

const mock = await startMock({
  port: integer('port', values.port) ?? 4010,
  host: values.host,
  dynamic: values.dynamic,
  watch: !values['no-watch'],
  ...(values.spec !== undefined && { spec: values.spec }),
  ...(values.seed !== undefined && { seed: values.seed }),
  ...(streamDelayMs !== undefined && { streamDelayMs }),
  ...(taskPolls !== undefined && { taskPolls }),
  log: values.quiet ? (line) => (line.startsWith('spec') ? log(line) : undefined) : log,
}).catch((err: Error) => {
  console.error(`mock: could not start: ${err.message}`);
  process.exit(1);
});

console.log(
  `MiniMax mock listening on ${mock.url} (${values.dynamic ? 'dynamic' : 'examples'}; spec ${values.spec ?? DEFAULT_SPEC_PATH})`,
);
console.log(
  `Try: curl -s ${mock.url}/v1/text/chatcompletion_v2 -H 'Authorization: Bearer test' -H 'Content-Type: application/json' -d '{"model":"MiniMax-M2","messages":[{"role":"user","content":"hi"}]}'  — errors on demand: -H 'Prefer: scenario=rate_limit'`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1); // a second Ctrl-C forces it
    stopping = true;
    log(`${signal}: shutting down`);
    void mock.close().then(() => process.exit(0));
  });
}
