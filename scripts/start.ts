/**
 * `npm start`: a guided tour of the SDK. Without MINIMAX_API_KEY it starts the mock server on a free port and runs
 * against it; with the key it runs against the real API (`--skip-billable` or MINIMAX_SKIP_BILLABLE=1 leaves out
 * the steps that cost money). Plain output when piped or in CI, colour on a terminal.
 *
 *   npm start                        # the mock
 *   npm start -- --skip-billable     # only the free steps
 *   npm start -- --mock              # the mock even when MINIMAX_API_KEY is set
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MiniMaxError } from '@minimax-ts/sdk';
import { indent, type Step } from './tour/context.ts';
import { createPrinter, formatSeconds } from './tour/print.ts';
import { chatStep } from './tour/steps/chat.ts';
import { errorStep } from './tour/steps/error.ts';
import { filesStep } from './tour/steps/files.ts';
import { imageStep } from './tour/steps/image.ts';
import { speechStep } from './tour/steps/speech.ts';
import { videoStep } from './tour/steps/video.ts';
import { openTarget } from './tour/target.ts';

const HELP = `Usage: npm start [-- options]

  --skip-billable   skip chat, speech, image and video (also MINIMAX_SKIP_BILLABLE=1)
  --mock            use the embedded mock even when MINIMAX_API_KEY is set
  -h, --help        this help

Without MINIMAX_API_KEY the tour runs against an embedded mock server. With it (and MINIMAX_REGION=cn for
api.minimax.cn, or MINIMAX_BASE_URL=https://api.minimaxi.com), against the real API.`;

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        'skip-billable': { type: 'boolean', default: false },
        mock: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    // A mistyped option: one line and the usage, not a stack trace.
    console.error(`npm start: ${(err as Error).message.split('\n')[0]}\n\n${HELP}`);
    process.exit(2);
  }
})();
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const steps: Step[] = [chatStep, speechStep, imageStep, videoStep, filesStep, errorStep];
const skipBillable = values['skip-billable'] || /^(1|true|yes)$/i.test(process.env.MINIMAX_SKIP_BILLABLE ?? '');
const print = createPrinter();
const started = Date.now();

// Ctrl-C stops waiting (a video task keeps running on the server; its id was printed) and ends the tour.
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());

const target = await openTarget({ forceMock: values.mock });
print.line(print.bold('MiniMax TypeScript SDK: a guided tour'));
print.line(`Target: ${target.description}`);
if (target.kind === 'mock') {
  print.line(
    print.dim(
      'Set MINIMAX_API_KEY (and MINIMAX_REGION=cn for api.minimax.cn) to run the same tour against the real API.',
    ),
  );
} else if (!skipBillable) {
  print.line(
    print.yellow(
      'Billable steps (chat, speech, image, video) will use your account; pass --skip-billable to skip them.',
    ),
  );
}

const failures: string[] = [];
let skipped = 0;
for (const [i, step] of steps.entries()) {
  print.heading(i + 1, steps.length, step.title, step.call);
  if (step.billable && skipBillable) {
    print.line(indent(print.yellow('skipped (billable; --skip-billable)')));
    skipped++;
    continue;
  }
  try {
    await step.run({
      mm: target.mm,
      print,
      target: target.kind,
      pollInterval: target.pollInterval,
      signal: controller.signal,
      outDir: resolve('out'),
    });
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const task = error instanceof MiniMaxError && error.taskId ? ` (task ${error.taskId} may still be running)` : '';
    print.line(indent(print.red(`failed: ${message}${task}`)));
    failures.push(step.title);
    if (controller.signal.aborted) break;
  }
}
await target.close();

const ran = steps.length - skipped;
print.line('');
if (failures.length > 0) {
  print.line(
    print.red(
      `Tour finished in ${formatSeconds(Date.now() - started)}: ${failures.length} of ${ran} steps failed (${failures.join('; ')}).`,
    ),
  );
  process.exitCode = 1;
} else {
  const note = skipped > 0 ? `, ${skipped} skipped` : '';
  print.line(print.green(`Tour finished in ${formatSeconds(Date.now() - started)}: ${ran} steps ok${note}.`));
  print.line(
    print.dim('Next: npm run example -- chat (list them all with npm run example), README.md for every resource.'),
  );
}
