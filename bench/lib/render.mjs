/** Turns the suites' results into bench/RESULTS.md. */

import { extraSections, extraSummaryRows } from './render-extra.mjs';
import { realtimeDetails, realtimeRows } from './render-realtime.mjs';

const OURS = '@minimax-ts/sdk';
const PEERS = ['openai', '@anthropic-ai/sdk', 'mmx-cli/sdk'];
const ENDPOINT_NAMES = {
  native: 'native `/v1/text/chatcompletion_v2`',
  openai: 'OpenAI-compatible `/v1/chat/completions`',
  anthropic: 'Anthropic-compatible `/anthropic/v1/messages`',
};

const x = (ratio) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—');
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value) => `${value.toFixed(1)} ms`;
const MB = (value) => `${value.toFixed(1)} MB`;
const verdict = (ok) => (ok === undefined ? '—' : ok ? '✅ met' : '❌ missed');
const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

export const TARGETS = {
  request: 1.1,
  chatStream: 1.1,
  speechStream: 0.95,
  bundleChat: 12_000,
  bundleWhole: 25_000,
  coldStart: 20,
  memory: 64,
};

function summary(r) {
  const rows = [];
  const find = (list, name, endpoint) =>
    list?.find((e) => e.name === name && (endpoint === undefined || e.endpoint === endpoint));
  const peerCells = (cell) => PEERS.map((name) => cell(name) ?? '—');

  if (r.request) {
    const list = r.request.results;
    const ours = find(list, OURS, 'native');
    rows.push([
      'request overhead (CPU/call vs raw fetch)',
      `≤ ${x(TARGETS.request)}`,
      `**${x(ours.ratio)}**`,
      verdict(ours.ratio <= TARGETS.request),
      `1.00× (${find(list, 'raw fetch', 'native').cpuUs.toFixed(0)} µs)`,
      ...peerCells((name) => {
        const e = find(list, name);
        return e && x(e.ratio);
      }),
    ]);
  }
  if (r.chatStream) {
    const list = r.chatStream.results;
    const ours = find(list, OURS, 'native');
    rows.push([
      `chat stream, ${r.chatStream.chunks.toLocaleString('en')} chunks (time vs raw)`,
      `≤ ${x(TARGETS.chatStream)}`,
      `**${x(ours.ratio)}**`,
      verdict(ours.ratio <= TARGETS.chatStream),
      `1.00× (${ms(find(list, 'raw fetch', 'native').ms)})`,
      ...peerCells((name) => {
        const e = find(list, name);
        return e && x(e.ratio);
      }),
    ]);
  }
  if (r.speechStream) {
    const list = r.speechStream.results;
    const ours = find(list, OURS);
    rows.push([
      `speech stream, ${r.speechStream.events} × ${r.speechStream.size / 1024} KiB (MB/s vs raw)`,
      `≥ ${x(TARGETS.speechStream)}`,
      `**${x(ours.ratio)}**`,
      verdict(ours.ratio >= TARGETS.speechStream),
      `1.00× (${find(list, 'raw fetch').mbps.toFixed(0)} MB/s)`,
      ...peerCells((name) => {
        const e = find(list, name);
        return e ? x(e.ratio) : 'n/a (no speech API)';
      }),
    ]);
  }
  if (r.realtime) rows.push(...realtimeRows(r.realtime, x, verdict));
  if (r.bundle) {
    const list = r.bundle.results;
    const size = (name, variant) => {
      const e = list.find((b) => b.name === name && b.variant === variant);
      return e?.error ? 'does not build' : e && kB(e.gzipBytes);
    };
    const chat = list.find((b) => b.name === OURS && b.variant === 'chat-only');
    const whole = list.find((b) => b.name === OURS && b.variant === 'whole');
    rows.push([
      'bundle, chat-only, one file (min + gzip)',
      `≤ ${kB(TARGETS.bundleChat)}`,
      `**${kB(chat.gzipBytes)}**`,
      verdict(chat.gzipBytes <= TARGETS.bundleChat),
      '—',
      ...peerCells((name) => size(name, 'chat-only')),
    ]);
    rows.push([
      'bundle, whole SDK, one file (min + gzip)',
      `≤ ${kB(TARGETS.bundleWhole)}`,
      `**${kB(whole.gzipBytes)}**`,
      verdict(whole.gzipBytes <= TARGETS.bundleWhole),
      '—',
      ...peerCells((name) => size(name, 'whole')),
    ]);
  }
  if (r.coldStart) {
    const list = r.coldStart.results;
    const ours = find(list, OURS);
    rows.push([
      'cold start (`await import()` − bare node)',
      `≤ ${ms(TARGETS.coldStart)}`,
      `**${ms(ours.coldStartMs)}**`,
      verdict(ours.coldStartMs <= TARGETS.coldStart),
      `bare node ${ms(find(list, 'bare node').wallMs)}`,
      ...peerCells((name) => {
        const e = find(list, name);
        return e && ms(e.coldStartMs);
      }),
    ]);
  }
  for (const row of extraSummaryRows(r)) rows.push([...row, ...peerCells(() => '—')]);
  if (r.memory) {
    for (const kind of ['content', 'upload']) {
      const ours = r.memory.find((m) => m.case === kind && m.contestant === 'sdk');
      if (!ours) continue;
      const raw = r.memory.find((m) => m.case === kind && m.contestant === 'raw');
      const size = `${(ours.bytes / 2 ** 30).toFixed(ours.bytes >= 2 ** 30 ? 0 : 2)} GiB`;
      rows.push([
        kind === 'content'
          ? `memory, \`files.content\` of ${size} (RSS growth)`
          : `memory, upload of a ${size} stream (RSS growth)`,
        `≤ ${MB(TARGETS.memory)}`,
        `**${MB(ours.growthMB)}**`,
        verdict(ours.growthMB <= TARGETS.memory),
        raw ? MB(raw.growthMB) : '—',
        ...peerCells(() => 'not measured'),
      ]);
    }
  }
  return table(['metric', 'target', OURS, 'target met?', 'raw fetch', ...PEERS], rows);
}

function requestDetails(req) {
  const rows = req.results.map((e) => [
    e.name,
    ENDPOINT_NAMES[e.endpoint],
    `${e.cpuUs.toFixed(1)} µs`,
    `${e.wallUs.toFixed(1)} µs`,
    x(e.ratio),
    e.ratios.map((v) => v.toFixed(2)).join(' '),
  ]);
  return [
    `${req.warmup.toLocaleString('en')} warm-up calls per contestant, then ${req.rounds} rounds of ${req.calls.toLocaleString('en')} sequential calls each, interleaved in batches of ${req.batch ?? req.calls} (order rotated per batch) so that every contestant of a round sees the same machine conditions. CPU is \`process.cpuUsage()\` of the client process (user + system) divided by the calls; the ratio is taken within each round against raw fetch on the same endpoint, and the median of the rounds is shown. Every call's answer text is checked.`,
    '',
    table(
      ['contestant', 'endpoint', 'CPU / call (median)', 'wall / call', 'ratio vs raw (median)', 'ratio per round'],
      rows,
    ),
  ].join('\n');
}

function chatDetails(chat) {
  const rows = chat.results.map((e) => [
    e.name,
    ENDPOINT_NAMES[e.endpoint],
    ms(e.ms),
    ms(e.cpuMs),
    x(e.ratio),
    x(e.cpuRatio),
    e.ratios.map((v) => v.toFixed(2)).join(' '),
  ]);
  return [
    `${chat.chunks.toLocaleString('en')} delta events per stream (${chat.textLength.toLocaleString('en')} characters, some non-ASCII), consumed as text: raw fetch splits lines and \`JSON.parse\`s each \`data:\` line; the SDKs are iterated with \`for await\` and the delta text concatenated. Each contestant's text is compared with the text the server sent. ${chat.rounds} rounds; ratio = wall time / raw fetch's wall time on the same endpoint in the same round (median shown; the target is on this one). The CPU ratio is the same comparison for the client's CPU time, which the server's pace does not affect.`,
    '',
    table(
      [
        'contestant',
        'endpoint',
        'wall (median)',
        'client CPU',
        'ratio vs raw (median)',
        'CPU ratio vs raw',
        'ratio per round',
      ],
      rows,
    ),
  ].join('\n');
}

function speechDetails(speech) {
  const rows = speech.results.map((e) => [
    e.name,
    `${e.mbps.toFixed(1)} MB/s`,
    ms(e.cpuMs),
    x(e.ratio),
    x(e.cpuRatio),
    e.ratios.map((v) => v.toFixed(2)).join(' '),
  ]);
  return [
    `${speech.events.toLocaleString('en')} status-1 events of ${speech.size / 1024} KiB of audio each (${(2 * speech.size) / 1024} KiB of hex text), then a status-2 event; \`stream_options.exclude_aggregated_audio: true\` for everyone. Raw fetch and mmx-cli decode with \`Buffer.from(hex, 'hex')\` (mmx-cli yields the events and leaves decoding to the caller); our SDK yields bytes. Byte count and a checksum are verified (${(speech.bytes / 1e6).toFixed(1)} MB). MB/s = decoded bytes / wall time; ratio within each round, median of ${speech.rounds} rounds.`,
    '',
    table(
      [
        'contestant',
        'throughput (median)',
        'client CPU',
        'ratio vs raw (median)',
        'bytes per CPU-second vs raw',
        'ratio per round',
      ],
      rows,
    ),
  ].join('\n');
}

function bundleDetails(bundle) {
  const rows = bundle.results.map((e) => [
    e.name,
    e.variant,
    e.error ? `does not build: ${e.error}${e.errorCount > 1 ? ` (+${e.errorCount - 1} more)` : ''}` : kB(e.gzipBytes),
    e.error ? '—' : kB(e.minBytes),
    e.error || e.name !== OURS ? '—' : e.zod ? 'yes' : 'no',
    e.error
      ? '—'
      : e.largest
          .slice(0, 3)
          .map((l) => `${l.path} ${kB(l.bytes)}`)
          .join(', '),
  ]);
  return [
    "esbuild `bundle, minify, platform: 'browser' (or 'neutral'), format: 'esm', target: 'es2022', conditions: ['@minimax-ts/source']`, one output file (no code splitting, as Workers and edge functions deploy), nothing external, then gzip -9. chat-only = construct the client and make one chat call; whole = `export *` of the package; + validation entry = the application also imports `zodValidator` from `@minimax-ts/sdk/validation` (validation is opt-in: without that import, zod is in no bundle of ours).",
    '',
    table(['library', 'entry', 'min + gzip', 'minified', 'zod inlined', 'largest inputs (minified bytes)'], rows),
  ].join('\n');
}

function coldDetails(cold) {
  const rows = cold.results.map((e) => [e.name, ms(e.wallMs), ms(e.coldStartMs), ms(e.importMs)]);
  return [
    `A fresh \`node --input-type=module -e "await import(pkg)"\` per run, the package as installed (ESM); ${cold.runs} runs per contestant, interleaved, after one untimed run each (warm OS file cache). Cold start = median process wall time − bare node's; the in-process \`await import()\` time is shown beside it.`,
    '',
    table(['contestant', 'process wall (median)', 'cold start', 'in-process import'], rows),
  ].join('\n');
}

function memoryDetails(memory) {
  const CASES = {
    content: '`files.content` → `for await`',
    upload: '`files.upload` of a ReadableStream',
    'endless-line': 'chat stream with one line that never ends (refused at `maxEventBytes`)',
  };
  const rows = memory.map((m) => [
    CASES[m.case],
    m.contestant === 'sdk' ? OURS : 'raw fetch (reference)',
    `${(m.bytes / 2 ** 20).toLocaleString('en')} MiB`,
    MB(m.baselineMB),
    MB(m.growthMB),
    m.case === 'endless-line'
      ? `refused after ${m.seconds.toFixed(2)} s`
      : `${(m.bytes / 2 ** 20 / m.seconds).toFixed(0)} MiB/s`,
  ]);
  return [
    'Each case runs in a fresh process (`--expose-gc`): a 1 MiB warm-up transfer, a GC, then the baseline RSS; RSS is sampled every 5 ms and every 16 chunks; growth = peak − baseline. Bytes and a checksum are verified (the server counts and checksums the uploaded file part).',
    '',
    table(['case', 'contestant', 'size', 'baseline RSS', 'RSS growth (peak − baseline)', 'throughput'], rows),
  ].join('\n');
}

export function renderResults(meta, r, fixes) {
  const out = [
    '# Benchmark results',
    '',
    `Generated by \`npm run bench${meta.quick ? ' -- --quick' : ''}\` on ${meta.date.slice(0, 10)} (${meta.seconds} s). ${meta.quick ? '**Quick run: smaller sizes and fewer rounds; not the reference numbers.**' : ''}`,
    '',
    `- Machine: ${meta.machine.cpu}, ${meta.machine.memoryGiB} GiB RAM, ${meta.machine.os}, Node ${meta.machine.node}`,
    `- Versions: ${Object.entries(meta.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `- Our SDK was imported from ${meta.build}; every contestant talks to the same local server (bench/server.mjs, a separate process).`,
    '',
    '## Summary',
    '',
    'Ratios are medians of per-round ratios against raw fetch on the same endpoint. Peers are measured in the same run on this machine.',
    '',
    summary(r),
    '',
  ];
  if (r.request) out.push('## Request overhead', '', requestDetails(r.request), '');
  if (r.chatStream) out.push('## Chat stream', '', chatDetails(r.chatStream), '');
  if (r.speechStream) out.push('## Speech stream', '', speechDetails(r.speechStream), '');
  if (r.realtime) out.push('## Real-time speech (WebSocket)', '', realtimeDetails(r.realtime, table), '');
  if (r.bundle) out.push('## Bundle size', '', bundleDetails(r.bundle), '');
  if (r.coldStart) out.push('## Cold start', '', coldDetails(r.coldStart), '');
  if (r.memory) out.push('## Memory', '', memoryDetails(r.memory), '');
  out.push(...extraSections(r));
  if (fixes.trim()) out.push(fixes.trim(), '');
  return `${out.join('\n')}\n`;
}
