/** The headers a successful call reports: the sdk's safe copy, as an error's would be. */

import { MiniMax } from '@minimax-ts/sdk';
import { describe, expect, it } from 'vitest';
import { responseHeaders } from '../src/response-headers.ts';

describe('responseHeaders', () => {
  it('lower-cases names, drops credential headers and scrubs a key a server echoed', () => {
    // A client registers its key as a secret: from then on no copy of a header shows it.
    const client = new MiniMax({ apiKey: 'sk-echoed-key-123' });
    const response = new Response('{}', {
      headers: {
        'Trace-Id': 'abc123',
        'Set-Cookie': 'session=1',
        'X-Debug': 'key was sk-echoed-key-123',
        'Content-Type': 'application/json',
      },
    });
    const headers = responseHeaders(response);
    expect(headers['trace-id']).toBe('abc123');
    expect(headers['content-type']).toBe('application/json');
    expect(headers).not.toHaveProperty('set-cookie');
    expect(JSON.stringify(headers)).not.toContain('sk-echoed-key-123');
    expect(client.baseURL).toMatch(/^https:/); // alive until here: its key stays registered
  });
});
