import { afterEach, describe, expect, it, vi } from 'vitest';
import { APITimeoutError, APIUserAbortError } from '../src/core/connection-errors.ts';
import { errorForAbort } from '../src/internal/abort-error.ts';
import { sleep } from '../src/internal/sleep.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('sleep', () => {
  it('resolves after the delay and leaves no timer or listener', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const removed = vi.spyOn(controller.signal, 'removeEventListener');
    let done = false;
    const promise = sleep(1_000, controller.signal).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await promise;
    expect(done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
    controller.abort(); // must not reject anything now
  });

  it('rejects with APIUserAbortError on abort and clears its timer', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const promise = sleep(60_000, controller.signal);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort(new Error('user stop'));
    await expect(promise).rejects.toBeInstanceOf(APIUserAbortError);
    await expect(promise).rejects.toMatchObject({ cause: new Error('user stop') });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once, without a timer, when the signal is already aborted', async () => {
    vi.useFakeTimers();
    const promise = sleep(1_000, AbortSignal.abort());
    expect(vi.getTimerCount()).toBe(0);
    await expect(promise).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it('works without a signal and treats negative delays as zero', async () => {
    vi.useFakeTimers();
    const promise = sleep(-5);
    await vi.advanceTimersByTimeAsync(0);
    await expect(promise).resolves.toBeUndefined();
  });
});

describe('errorForAbort', () => {
  it('maps a plain abort to APIUserAbortError with the reason as cause', () => {
    const controller = new AbortController();
    controller.abort('stop');
    const error = errorForAbort(controller.signal);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error.cause).toBe('stop');
  });

  it('maps a TimeoutError reason to APITimeoutError', () => {
    const controller = new AbortController();
    controller.abort(new DOMException('timed out', 'TimeoutError'));
    expect(errorForAbort(controller.signal)).toBeInstanceOf(APITimeoutError);
  });

  it('passes an SDK error reason through unchanged', () => {
    const reason = new APITimeoutError({ message: 'total timeout' });
    const controller = new AbortController();
    controller.abort(reason);
    expect(errorForAbort(controller.signal)).toBe(reason);
  });

  it('makes sleep reject with APITimeoutError when a timeout aborts it', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const promise = sleep(10_000, controller.signal);
    controller.abort(new DOMException('timed out', 'TimeoutError'));
    await expect(promise).rejects.toBeInstanceOf(APITimeoutError);
  });
});
