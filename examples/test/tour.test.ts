/** `npm start` as on a fresh clone in CI: no key, no TTY → the mock, plain output, exit 0. */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, type RunResult, repoRoot, run } from './run.ts';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('npm start (the guided tour)', () => {
  let result: RunResult;

  it('runs every step against the embedded mock and exits 0', async () => {
    result = await run(npm, ['start'], cleanEnv());
    expect(result.stderr).not.toMatch(/Error|failed/);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Target: the embedded mock server at http:\/\/127\.0\.0\.1:\d+/);
    expect(result.stdout).toMatch(/Tour finished in [\d.]+ s: 6 steps ok\./);
  });

  it('prints plain text when piped: no escape codes', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for the escape character itself.
    expect(result.stdout).not.toMatch(/\u001b/);
  });

  it('streams the chat answer', () => {
    expect(result.stdout).toContain('model    The three traditional primary colors of paint are red, yellow and blue.');
    expect(result.stdout).toMatch(/\d+ chunks in [\d.]+ s, \d+ tokens/);
  });

  it('saves the speech clip to ./out with its size and duration', () => {
    const line = result.stdout.match(/saved out\/tour-speech\.mp3 \((\d+) bytes, (\d+) chunks\)/);
    expect(line).not.toBeNull();
    const path = join(repoRoot, 'out', 'tour-speech.mp3');
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).size).toBe(Number(line?.[1]));
    expect(result.stdout).toMatch(/duration \d+\.\d s \(the final event's extra_info\.audio_length\)/);
  });

  it('generates an image and runs a video task with a progress line per poll until the file URL', () => {
    expect(result.stdout).toMatch(/\d+ image URLs? \(success_count \d+, failed_count \d+/);
    expect(result.stdout).toMatch(/task \d+\n {2}Preparing +[\d.]+ s elapsed · poll 1\n/);
    expect(result.stdout).toMatch(/Success +[\d.]+ s elapsed · poll \d+/);
    expect(result.stdout).toMatch(/file http:\/\/127\.0\.0\.1:\d+\/__download\/\d+\/\d+\.mp4/);
  });

  it('round-trips a file with an 18-digit id', () => {
    const id = result.stdout.match(/uploaded tour-notes\.txt → file_id (\d+) \(18 digits\)/)?.[1];
    expect(id).toMatch(/^\d{18}$/);
    expect(result.stdout).toContain(`listed among`);
    expect(result.stdout).toMatch(/downloaded out\/tour-notes\.txt \(\d+ bytes, the bytes that were uploaded\)/);
    expect(result.stdout).toContain(`deleted file_id ${id}`);
  });

  it('shows a deliberate error with its type, code and trace id', () => {
    expect(result.stdout).toMatch(/type +AuthenticationError \(extends APIError → MiniMaxError\)/);
    expect(result.stdout).toMatch(/code +2049 invalid_api_key/);
    expect(result.stdout).toMatch(/trace id +[0-9a-f]{32} /);
  });

  it('skips the billable steps with --skip-billable', async () => {
    const skipped = await run(npm, ['start', '--', '--skip-billable'], cleanEnv());
    expect(skipped.code, skipped.stdout + skipped.stderr).toBe(0);
    expect(skipped.stdout.match(/skipped \(billable; --skip-billable\)/g)).toHaveLength(4);
    expect(skipped.stdout).toMatch(/2 steps ok, 4 skipped\./);
    expect(skipped.stdout).toMatch(/file_id \d{18}/);
  });
});
