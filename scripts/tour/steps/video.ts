import type { TaskProgress, VideoTaskStatus } from '@minimax-ts/sdk';
import { indent, type Step } from '../context.ts';
import { formatSeconds, type Printer } from '../print.ts';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * The progress line. On a terminal it is redrawn ten times a second (spinner, elapsed time) between polls; piped,
 * it is one plain line per poll.
 */
function progressLine(print: Printer) {
  let last: TaskProgress<VideoTaskStatus> | undefined;
  let started = Date.now();
  let frame = 0;
  let stopped = false;
  const render = (final = false) => {
    if (!last) return;
    const elapsed = print.fancy && !final ? Date.now() - started : last.elapsedMs;
    const mark = final ? print.green('✓') : print.cyan(SPINNER[frame++ % SPINNER.length] ?? '');
    const spinner = print.fancy ? `${mark} ` : '';
    print.progress(
      indent(`${spinner}${last.status.padEnd(10)} ${formatSeconds(elapsed)} elapsed · poll ${last.polls}`),
    );
  };
  const timer = print.fancy ? setInterval(render, 100) : undefined;
  return {
    update(progress: TaskProgress<VideoTaskStatus>) {
      if (!last) {
        started = Date.now() - progress.elapsedMs;
        print.line(indent(`task ${progress.taskId}`));
      }
      last = progress;
      render();
    },
    /** Ends the live redraw; on a terminal the last poll's line stays, with a check mark when the task succeeded. */
    stop(succeeded: boolean) {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      if (print.fancy && succeeded) render(true);
      print.keepProgress();
    },
  };
}

/** A video task: created, polled with a live progress line, and resolved to its download URL. */
export const videoStep: Step = {
  title: 'Video task with live progress',
  call: "mm.video.generate({ model: 'MiniMax-Hailuo-02', … }, { onProgress })",
  billable: true,
  async run({ mm, print, signal, pollInterval }) {
    const line = progressLine(print);
    try {
      const video = await mm.video.generate(
        {
          model: 'MiniMax-Hailuo-02',
          prompt: 'A paper boat drifting down a rainy street, cinematic',
          duration: 6,
          resolution: '768P',
        },
        { signal, pollInterval, onProgress: (p) => line.update(p) },
      );
      line.stop(true);
      const size = video.video_width && video.video_height ? `${video.video_width}×${video.video_height}, ` : '';
      print.line(indent(`${print.green('done')} ${print.dim(`(${size}file_id ${video.file_id})`)}`));
      print.line(indent(`file ${video.download_url ?? '(no download URL)'}`));
    } finally {
      line.stop(false);
    }
  },
};
