/**
 * Image generation (`image-01`): URLs valid for 24 hours, or base64 with `response_format: 'base64'`.
 *
 *   npm run example -- image
 */
import { MiniMax } from '@minimax-ts/sdk';

const mm = new MiniMax();

const result = await mm.images.generate({
  model: 'image-01',
  prompt: 'A lighthouse on a cliff at dawn, watercolour',
  aspect_ratio: '16:9',
  n: 2,
});

console.log(`generated ${result.metadata?.success_count}, failed ${result.metadata?.failed_count}`);
for (const url of result.data?.image_urls ?? []) console.log(url);
