import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { saveToFile } from '@minimax-ts/sdk/node';
import { indent, type Step } from '../context.ts';
import { formatBytes, plural } from '../print.ts';

const PURPOSE = 't2a_async_input';

/** Upload, list, download and delete one file; the id survives intact although it is above 2^53. */
export const filesStep: Step = {
  title: 'Files: upload, list, download, delete',
  call: "mm.files.upload / list / content / delete  (purpose 't2a_async_input')",
  billable: false,
  async run({ mm, print, signal, outDir }) {
    const text = `Notes from the minimax-ts tour, ${new Date().toISOString()}.\n`;
    const sent = new TextEncoder().encode(text);
    const { file } = await mm.files.upload({ file: sent, filename: 'tour-notes.txt', purpose: PURPOSE }, { signal });
    const id = file?.file_id;
    if (!id) throw new Error('files.upload answered without a file_id');
    print.line(
      indent(
        `${print.green('uploaded')} tour-notes.txt → file_id ${print.bold(id)} ${print.dim(`(${id.length} digits)`)}`,
      ),
    );
    const asNumber = String(Number(id));
    if (asNumber !== id) {
      print.line(indent(print.dim(`ids are strings: JSON.parse would have made it ${asNumber}, another file`)));
    }

    let seen = 0;
    let found = false;
    for await (const listed of mm.files.list({ purpose: PURPOSE }, { signal })) {
      seen++;
      found ||= listed.file_id === id;
    }
    print.line(
      indent(
        `${found ? print.green('listed') : print.red('missing')} among ${plural(seen, 'file')} with purpose ${PURPOSE}`,
      ),
    );

    await mkdir(outDir, { recursive: true });
    const path = join(outDir, 'tour-notes.txt');
    const written = await saveToFile(await mm.files.content(id, { signal }), path);
    const same = written === sent.length;
    print.line(
      indent(
        `${print.green('downloaded')} ${relative(process.cwd(), path) || path} ${print.dim(`(${formatBytes(written)}${same ? ', the bytes that were uploaded' : ''})`)}`,
      ),
    );

    const deleted = await mm.files.delete({ file_id: id, purpose: PURPOSE }, { signal });
    print.line(indent(`${print.green('deleted')} file_id ${deleted.file_id ?? id}`));
    if (!found) throw new Error(`file ${id} was uploaded but not listed`);
  },
};
