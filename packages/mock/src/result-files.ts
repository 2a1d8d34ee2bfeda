/**
 * Tiny but well-formed result files for finished tasks, so a client can download them and even open them:
 * a minimal MP4 (`ftyp` box) for video, and for async speech the `.tar` archive the real API delivers
 * (audio plus subtitles), written as POSIX ustar with plain Uint8Arrays (the same code runs in a browser).
 */

const encoder = new TextEncoder();

/** An `ftyp` + empty `mdat` box: enough for `file` / content sniffers to say "MP4". */
export function fakeMp4(): Uint8Array {
  return concat([u32(24), ascii('ftypisom'), u32(0x200), ascii('isomiso2'), u32(8), ascii('mdat')]);
}

/** An MP3 frame header followed by silence: the smallest thing players accept as audio. */
export function fakeMp3(): Uint8Array {
  return concat([new Uint8Array([0xff, 0xfb, 0x90, 0x64]), new Uint8Array(413)]);
}

/** The async speech result: `<task>.mp3` and `<task>.json` (subtitles) in a tar archive. */
export function speechArchive(taskId: string): Uint8Array {
  const subtitles = JSON.stringify([{ text: 'Mock audio.', time_begin: 0, time_end: 1000 }]);
  return tar([
    { name: `${taskId}.mp3`, data: fakeMp3() },
    { name: `${taskId}.json`, data: encoder.encode(subtitles) },
  ]);
}

export function tar(entries: ReadonlyArray<{ name: string; data: Uint8Array }>): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const { name, data } of entries) {
    const header = new Uint8Array(512);
    const put = (text: string, at: number) => header.set(encoder.encode(text), at);
    header.set(encoder.encode(name).subarray(0, 100), 0);
    put('0000644\0', 100);
    put('0000000\0', 108);
    put('0000000\0', 116);
    put(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
    put(
      `${Math.floor(Date.now() / 1000)
        .toString(8)
        .padStart(11, '0')}\0`,
      136,
    );
    put('        ', 148); // checksum field counts as spaces while summing
    put('0', 156); // regular file
    put('ustar\0', 257);
    put('00', 263);
    let sum = 0;
    for (const byte of header) sum += byte;
    put(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, data, new Uint8Array((512 - (data.length % 512)) % 512));
  }
  blocks.push(new Uint8Array(1024)); // two zero blocks end the archive
  return concat(blocks);
}

function ascii(text: string): Uint8Array {
  return encoder.encode(text);
}

function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n);
  return b;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
