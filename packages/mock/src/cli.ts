#!/usr/bin/env node
/**
 * `npx @minimax-ts/mock` / `minimax-mock` (and `npm run mock` inside the repository): starts the mock server for
 * local frontend work and manual testing. A mistyped option or a busy port is one line plus the usage, never a
 * stack trace.
 *
 *   npx @minimax-ts/mock --port 4010 --host 127.0.0.1 --dynamic --seed 42
 */
import { parseArgs } from 'node:util';
import { MockListenError, startMock } from './server.ts';
import { DEFAULT_SPEC_PATH } from './spec-loader.ts';

const HELP = `Usage: minimax-mock [options]   (npx @minimax-ts/mock …; in the minimax-ts repository: npm run mock -- …)

  --port <n>            port to listen on (default 4010; 0 = any free port)
  --host <addr>         interface to bind (default 127.0.0.1)
  --public-url <url>    base URL clients reach the mock at, for download_url (default: the listening address)
  --spec <file>         effective OpenAPI JSON (default: the spec shipped with the mock)
  --dynamic             generate JSON bodies from schemas instead of serving examples
  --seed <s>            seed for --dynamic and for ids (reproducible runs)
  --stream-delay <ms>   delay between stream events (default 25)
  --task-polls <n>      polls a task spends before Success/Fail (default 3)
  --task-step <ms>      a video task with a callback_url advances one status every <ms> (default 1000)
  --no-watch            do not reload when the spec file changes
  --quiet               no request log
  -h, --help            this help`;

/** Prints one line and the usage, and exits: what every user mistake gets. */
function usageError(message: string, code = 2): never {
  console.error(`minimax-mock: ${message}\n\n${HELP}`);
  process.exit(code);
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        'public-url': { type: 'string' },
        spec: { type: 'string' },
        dynamic: { type: 'boolean', default: false },
        seed: { type: 'string' },
        'stream-delay': { type: 'string' },
        'task-polls': { type: 'string' },
        'task-step': { type: 'string' },
        'no-watch': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (err) {
    // parseArgs' messages are one line already ("Unknown option '--prot'…"); its stack helps nobody.
    return usageError((err as Error).message.split('\n')[0]!);
  }
}

const values = readArgs();
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const integer = (name: string, raw: string | undefined, max: number): number | undefined => {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) > max)
    usageError(`--${name} expects an integer from 0 to ${max}, got "${raw}"`);
  return Number(raw);
};

const log = (line: string) => console.log(`[mock] ${line}`);
const port = integer('port', values.port, 65535) ?? 4010;
const streamDelayMs = integer('stream-delay', values['stream-delay'], 600_000);
const taskPolls = integer('task-polls', values['task-polls'], 1_000_000);
const taskStepMs = integer('task-step', values['task-step'], 600_000);
const publicUrl = values['public-url'];
if (publicUrl !== undefined && !URL.canParse(publicUrl)) usageError(`--public-url expects a URL, got "${publicUrl}"`);

const mock = await startMock({
  port,
  host: values.host,
  dynamic: values.dynamic,
  watch: !values['no-watch'],
  ...(publicUrl !== undefined && { publicUrl }),
  ...(values.spec !== undefined && { spec: values.spec }),
  ...(values.seed !== undefined && { seed: values.seed }),
  ...(streamDelayMs !== undefined && { streamDelayMs }),
  ...(taskPolls !== undefined && { taskPolls }),
  ...(taskStepMs !== undefined && { taskStepMs }),
  log: values.quiet ? (line) => (line.startsWith('spec') ? log(line) : undefined) : log,
}).catch((err: Error) => {
  if (err instanceof MockListenError) {
    const hint = err.code === 'EADDRINUSE' ? ' (pick another with --port, or --port 0 for any free port)' : '';
    return usageError(`${err.message}${hint}`, 1);
  }
  console.error(`minimax-mock: could not start: ${err.message}`);
  return process.exit(1);
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
