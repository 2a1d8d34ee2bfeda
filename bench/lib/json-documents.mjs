/**
 * The JSON bodies of the lossless-JSON bench: large answers shaped like MiniMax's, built once per run. Each comes
 * with the exact ids a lossless parse must return, so a fast wrong parser fails the run.
 */

const FIRST_ID = 307123456789012345n;

/** A `files.list`-like answer of about `bytes` characters: one object per file, each with an 18-digit `file_id`. */
export function fileList(bytes) {
  const files = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const file = `{"file_id":${FIRST_ID + BigInt(i)},"bytes":${(i * 7919) % 10_000_000},"created_at":${1_700_000_000 + i},"filename":"voice-${i}.mp3","purpose":"voice_clone"}`;
    files.push(file);
    size += file.length + 1;
  }
  const text = `{"files":[${files.join(',')}],"base_resp":{"status_code":0,"status_msg":"success"}}`;
  const last = String(FIRST_ID + BigInt(files.length - 1));
  return { text, check: (v) => v.files[0].file_id === String(FIRST_ID) && v.files.at(-1).file_id === last };
}

/** An array of about `bytes` characters of integers beyond 2^53 (16 to 19 digits). */
export function bigIntegerArray(bytes) {
  const items = [];
  let size = 0;
  for (let i = 0n; size < bytes; i++) {
    const n = String(9_007_199_254_740_993n + i * 7_919_000_003_331n);
    items.push(n);
    size += n.length + 1;
  }
  const text = `[${items.join(',')}]`;
  return { text, check: (v) => v.length === items.length && v[0] === items[0] && v.at(-1) === items.at(-1) };
}

/** A speech answer (the final frame of a stream, or a non-streamed call) with `bytes` of audio as hex. */
export function hexAudio(bytes) {
  const digits = '0123456789abcdef';
  const hex = new Array(bytes * 2);
  for (let i = 0; i < hex.length; i++) hex[i] = digits[(i * 7919 + (i >> 3)) % 16];
  const audio = hex.join('');
  const text = JSON.stringify({
    data: { audio, status: 2, ced: '' },
    extra_info: { audio_length: 9000, audio_sample_rate: 32000, audio_size: bytes, bitrate: 128000 },
    trace_id: '04ecb5da2c8f1e7b9d3a6f0e1c2b4a58',
    base_resp: { status_code: 0, status_msg: 'success' },
  });
  return { text, check: (v) => v.data.audio === audio };
}
