import { indent, type Step } from '../context.ts';
import { formatSeconds, plural } from '../print.ts';

const question = 'Name the three primary colours of paint, in one sentence.';

/** Native chat, streamed: reasoning and answer printed as the tokens arrive. */
export const chatStep: Step = {
  title: 'Chat, streamed token by token',
  call: "mm.chat.create({ model: 'MiniMax-M2', messages, stream: true })",
  billable: true,
  async run({ mm, print, signal }) {
    print.line(indent(`${print.dim('you     ')} ${question}`));
    const started = Date.now();
    const stream = await mm.chat.create(
      { model: 'MiniMax-M2', messages: [{ role: 'user', content: question }], stream: true },
      { signal },
    );
    let open: 'reasoning' | 'text' | undefined;
    const begin = (part: 'reasoning' | 'text', label: string) => {
      if (open === part) return;
      if (open) print.write('\n');
      print.write(indent(`${print.dim(label)} `));
      open = part;
    };
    stream.on('reasoning', (delta) => {
      begin('reasoning', 'thinking');
      print.write(print.dim(delta));
    });
    stream.on('text', (delta) => {
      begin('text', 'model   ');
      print.write(print.cyan(delta));
    });
    let chunks = 0;
    for await (const _chunk of stream) chunks++;
    if (open) print.write('\n');
    const final = await stream.finalMessage();
    const usage = final.usage?.total_tokens;
    print.line(
      indent(
        print.dim(
          `${plural(chunks, 'chunk')} in ${formatSeconds(Date.now() - started)}` +
            (usage !== undefined ? `, ${usage} tokens (usage from the aggregated final frame, not printed twice)` : ''),
        ),
      ),
    );
  },
};
