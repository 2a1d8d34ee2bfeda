/**
 * The files API: upload, list (every file with `for await`), retrieve, download, delete. File ids are 18-digit
 * numbers on the wire, above 2^53: the SDK parses them losslessly and hands them out as strings.
 *
 *   npm run example -- files
 */
import { MiniMax } from '@minimax-ts/sdk';

const mm = new MiniMax();

const { file } = await mm.files.upload({
  file: new TextEncoder().encode('Text for async speech synthesis.'),
  filename: 'input.txt',
  purpose: 't2a_async_input',
});
const id = file!.file_id;
console.log(`uploaded input.txt: file_id ${id} (${id.length} digits; Number() would say ${Number(id)})`);

for await (const f of mm.files.list({ purpose: 't2a_async_input' })) {
  console.log(`listed ${f.file_id} ${f.filename} ${f.bytes} bytes`);
}

const { file: meta } = await mm.files.retrieve(id);
console.log(`retrieved ${meta?.filename}, created ${new Date((meta?.created_at ?? 0) * 1000).toISOString()}`);

const content = await mm.files.content(id);
console.log(`downloaded: ${JSON.stringify(await content.text())}`);

await mm.files.delete({ file_id: id, purpose: 't2a_async_input' });
console.log(`deleted ${id}`);
