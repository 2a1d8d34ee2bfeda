/** MiniMax reports moderated images only in `metadata.failed_count`; the provider turns that into a warning. */

import { generateImage } from 'ai';
import { afterAll, expect, it } from 'vitest';
import { createMiniMax } from '../src/index.ts';
import { scriptedServer } from './scripted-server.ts';

(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

const server = await scriptedServer(() => ({
  json: {
    id: 'trace-1',
    data: { image_base64: ['AAAA', 'BBBB'] },
    metadata: { success_count: '2', failed_count: '1' },
    base_resp: { status_code: 0, status_msg: 'success' },
  },
}));
afterAll(() => server.close());

it('returns the images that were made and warns about the withheld one', async () => {
  const minimax = createMiniMax({ apiKey: 'k', baseURL: server.url, logLevel: 'off' });
  const result = await generateImage({ model: minimax.image('image-01'), prompt: 'Cats', n: 3, maxRetries: 0 });
  expect(result.images.map((image) => image.base64)).toEqual(['AAAA', 'BBBB']);
  expect(result.warnings).toEqual([
    { type: 'other', message: 'MiniMax withheld 1 image(s) (failed_count; moderation).' },
  ]);
  expect(server.bodies[0]).toMatchObject({ n: 3, response_format: 'base64' });
});
