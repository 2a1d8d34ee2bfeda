/**
 * How the SDK falls back when the `ws` package cannot be imported. Deno refuses `ws` the variables it reads at import
 * (`WS_NO_BUFFER_UTIL`, …) unless they are granted, and then the global WebSocket carries the session but cannot
 * report a refused upgrade: that must be said once, through the client's logger, with the flag that fixes it. A `ws`
 * that is simply not there (a browser) is the expected case and says nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SocketRequest } from '../../src/internal/websocket.ts';

const request: SocketRequest = {
  url: 'ws://127.0.0.1:9/ws/v1/t2a_v2',
  headers: {},
  maxPayload: 1024,
  handlers: { onOpen() {}, onMessage() {}, onRefused() {}, onError() {}, onClose() {} },
};

/** A fresh copy of the websocket module whose `import('ws')` rejects with `error`, and no global WebSocket. */
async function websocketModule(error: Error) {
  vi.resetModules();
  vi.doMock('../../src/internal/import-at-run-time.ts', () => ({ importAtRunTime: () => Promise.reject(error) }));
  vi.stubGlobal('WebSocket', undefined);
  return import('../../src/internal/websocket.ts');
}

function namedError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

afterEach(() => {
  vi.doUnmock('../../src/internal/import-at-run-time.ts');
  vi.unstubAllGlobals();
});

describe('openSocket without ws', () => {
  it('warns once, naming the Deno flag, when a permission refused the import', async () => {
    const { openSocket } = await websocketModule(
      namedError('NotCapable', 'Requires env access to "WS_NO_BUFFER_UTIL", run again with the --allow-env flag'),
    );
    const logger = { warn: vi.fn() };
    await expect(openSocket(undefined, { ...request, logger })).rejects.toThrow(/No WebSocket implementation/);
    await expect(openSocket(undefined, { ...request, logger })).rejects.toThrow(/No WebSocket implementation/);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0]?.[0]).toContain('NotCapable: Requires env access to "WS_NO_BUFFER_UTIL"');
    expect(logger.warn.mock.calls[0]?.[0]).toContain('--allow-env=WS_NO_BUFFER_UTIL,WS_NO_UTF_8_VALIDATE');
  });

  it("reads Deno 1's PermissionDenied the same way", async () => {
    const { openSocket } = await websocketModule(namedError('PermissionDenied', 'Requires env access'));
    const logger = { warn: vi.fn() };
    await expect(openSocket(undefined, { ...request, logger })).rejects.toThrow(/No WebSocket implementation/);
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('says nothing when ws is simply not there (a browser)', async () => {
    const { openSocket } = await websocketModule(namedError('TypeError', "Failed to resolve module specifier 'ws'"));
    const logger = { warn: vi.fn() };
    await expect(openSocket(undefined, { ...request, logger })).rejects.toThrow(/No WebSocket implementation/);
    expect(logger.warn).not.toHaveBeenCalled();
  });
});
