import { indent, type Step } from '../context.ts';
import { plural } from '../print.ts';

/** One image from a prompt; URLs are valid for 24 hours. */
export const imageStep: Step = {
  title: 'Image',
  call: "mm.images.generate({ model: 'image-01', prompt, aspect_ratio: '16:9' })",
  billable: true,
  async run({ mm, print, signal }) {
    const result = await mm.images.generate(
      { model: 'image-01', prompt: 'A lighthouse on a cliff at dawn, watercolour', aspect_ratio: '16:9', n: 1 },
      { signal },
    );
    const urls = result.data?.image_urls ?? [];
    const { success_count: ok, failed_count: failed } = result.metadata ?? {};
    print.line(
      indent(
        `${print.green(plural(urls.length, 'image URL'))} ${print.dim(`(success_count ${ok ?? '?'}, failed_count ${failed ?? '?'}; valid for 24 h)`)}`,
      ),
    );
    for (const url of urls) print.line(indent(`  ${url}`));
  },
};
