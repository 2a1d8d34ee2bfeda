/**
 * "The process exits on its own", literally: exit-probe.ts plays a batch of faults in a child process with the
 * client's default timeouts (600 s, 60 s idle) and never calls `process.exit`. A socket or a timer left behind would
 * keep it alive for up to ten minutes; here it must end by itself within seconds, with every fault typed.
 */

import { expect, it } from 'vitest';
import { runProbe } from './run-probe.ts';

const EXIT_BOUND_MS = 20_000; // tsx start-up included; a leak would hold the process for 60–600 s

it('a process that met every fault exits on its own, with every failure typed', async () => {
  const { code, signal, stdout, stderr } = await runProbe('exit-probe.ts', EXIT_BOUND_MS);
  expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
  expect(JSON.parse(stdout)).toEqual({
    http500: 'InternalServerError',
    resetBeforeHeaders: 'APIConnectionError',
    resetMidBody: 'APIConnectionError',
    abortWaitingForHeaders: 'APIUserAbortError',
    timeoutSignalWaitingForHeaders: 'APITimeoutError',
    abortDuringBackoff: 'APIUserAbortError',
    abortDuringPollSleep: 'APIUserAbortError',
    streamErrorEvent: 'InternalServerError',
    streamCut: 'APIConnectionError',
    streamAbortedInLoop: 'APIUserAbortError',
    streamLeftEarly: 'ok',
    streamToTheEnd: 'ok',
  });
}, 30_000);
