import { APIError, errorCodeInfo } from '@minimax-ts/sdk';
import { indent, type Step } from '../context.ts';

/**
 * A request with a bad key. The real API answers it with HTTP 200 and a non-zero `base_resp`; a mock is asked for
 * the same answer (`Prefer: scenario=invalid_key`), since it accepts any key.
 */
export const errorStep: Step = {
  title: 'A deliberate error',
  call: "mm.withOptions({ apiKey: 'not-a-real-key' }).files.list(…)",
  billable: false,
  async run({ mm, print, signal, target }) {
    const badKey = mm.withOptions({ apiKey: 'not-a-real-key', maxRetries: 0 });
    // A mock accepts any key: ask it for the answer the real API gives (MINIMAX_BASE_URL may point at `npm run mock`).
    const headers = target === 'mock' || mm.region === 'custom' ? { Prefer: 'scenario=invalid_key' } : undefined;
    const error = await badKey.files.list({ purpose: 'voice_clone' }, { signal, headers }).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof APIError)) {
      throw new Error(`expected an APIError from a bad key, got ${error === undefined ? 'a success' : String(error)}`);
    }
    const info = errorCodeInfo(error.code);
    const row = (label: string, value: string) => print.line(indent(`${print.dim(label.padEnd(10))} ${value}`));
    const serverType = error.type ? ` ${print.dim(`(server error type ${error.type})`)}` : '';
    row('type', `${print.red(error.name)} ${print.dim('(extends APIError → MiniMaxError)')}${serverType}`);
    row(
      'code',
      `${error.code}${info ? ` ${print.dim(`${info.name}: ${info.meaning}; retryable: ${info.retryable ? 'yes' : 'no'}`)}` : ''}`,
    );
    row(
      'HTTP',
      `${error.status}${error.status === 200 ? print.dim(' (MiniMax reports most errors inside an HTTP 200)') : ''}`,
    );
    row('trace id', `${error.traceId ?? '(none)'} ${print.dim('(what MiniMax support asks for)')}`);
    row('message', error.serverMessage);
    if (error.hint) row('hint', error.hint);
  },
};
