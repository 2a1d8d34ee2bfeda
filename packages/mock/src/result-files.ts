/**
 * Tiny but well-formed result files for finished tasks, so a client can download them and even open them:
 * a minimal MP4 (`ftyp` box) for video, and for async speech the `.tar` archive the real API delivers
 * (audio plus subtitles), written as POSIX ustar with nothing but node:buffer.
 */

/** An `ftyp` + empty `mdat` box: enough for `file` / content sniffers to say "MP4". */
export function fakeMp4(): Uint8Array {
  const ftyp = Buffer.concat([u32(24), Buffer.from('ftypisom'), u32(0x200), Buffer.from('isomiso2')]);
  const mdat = Buffer.concat([u32(8), Buffer.from('mdat')]);
  return new Uint8Array(Buffer.concat([ftyp, mdat]));
}

/** An MP3 frame header followed by silence: the smallest thing players accept as audio. */
export function fakeMp3(): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413)]));
}

/** The async speech result: `<task>.mp3` and `<task>.json` (subtitles) in a tar archive. */
export function speechArchive(taskId: string): Uint8Array {
  const subtitles = JSON.stringify([{ text: 'Mock audio.', time_begin: 0, time_end: 1000 }]);
  return tar([
    { name: `${taskId}.mp3`, data: fakeMp3() },
    { name: `${taskId}.json`, data: new TextEncoder().encode(subtitles) },
  ]);
}

export function tar(entries: ReadonlyArray<{ name: string; data: Uint8Array }>): Uint8Array {
  const blocks: Buffer[] = [];
  for (const { name, data } of entries) {
    const header = Buffer.alloc(512);
    header.write(name.slice(0, 100), 0, 'utf8');
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write(
      `${Math.floor(Date.now() / 1000)
        .toString(8)
        .padStart(11, '0')}\0`,
      136,
    );
    header.write('        ', 148); // checksum field counts as spaces while summing
    header.write('0', 156); // regular file
    header.write('ustar\0', 257);
    header.write('00', 263);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, Buffer.from(data), Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024)); // two zero blocks end the archive
  return new Uint8Array(Buffer.concat(blocks));
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}
