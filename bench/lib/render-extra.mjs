/**
 * RESULTS.md parts for the suites added with issue #12 (lossless JSON, one event per read, the endless-line memory
 * case): summary rows and detail sections, kept apart from render.mjs so each file stays small.
 */

export const EXTRA_TARGETS = {
  losslessIds: 1.3,
  losslessAudio: 1.1,
  chatEvents: 1.15,
  /** RSS growth of a refused endless line, as a multiple of the `maxEventBytes` limit. */
  endlessLine: 2,
};

const x = (ratio) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '—');
const ms = (value) => `${value.toFixed(1)} ms`;
const MB = (value) => `${value.toFixed(1)} MB`;
const verdict = (ok) => (ok ? '✅ met' : '❌ missed');
const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');

/** Summary rows: [metric, target, ours, verdict, raw fetch]; the caller pads the peer columns. */
export function extraSummaryRows(r) {
  const rows = [];
  if (r.losslessJSON) {
    for (const doc of r.losslessJSON.results) {
      const target = doc.name.includes('audio') ? EXTRA_TARGETS.losslessAudio : EXTRA_TARGETS.losslessIds;
      rows.push([
        `lossless JSON, ${doc.name}, ${doc.mb.toFixed(0)} MB (CPU vs \`JSON.parse\`)`,
        `≤ ${x(target)}`,
        `**${x(doc.ratio)}**`,
        verdict(doc.ratio <= target),
        `\`JSON.parse\` ${ms(doc.plainMs)}`,
      ]);
    }
  }
  if (r.chatEvents) {
    const ours = r.chatEvents.results.find((e) => e.name === '@minimax-ts/sdk');
    const raw = r.chatEvents.results.find((e) => e.name === 'raw fetch');
    rows.push([
      `chat stream, one event per read, ${r.chatEvents.events.toLocaleString('en')} events (CPU vs raw)`,
      `≤ ${x(EXTRA_TARGETS.chatEvents)}`,
      `**${x(ours.cpuRatio)}**`,
      verdict(ours.cpuRatio <= EXTRA_TARGETS.chatEvents),
      `1.00× (${ms(raw.cpuMs)} CPU)`,
    ]);
  }
  const endless = r.memory?.find((m) => m.case === 'endless-line');
  if (endless) {
    const limit = EXTRA_TARGETS.endlessLine * endless.limitMB;
    rows.push([
      `memory, a ${(endless.bytes / 2 ** 20).toFixed(0)} MiB line without a newline (RSS growth)`,
      `≤ ${MB(limit)} (${EXTRA_TARGETS.endlessLine}× the ${endless.limitMB} MiB limit)`,
      `**${MB(endless.growthMB)}**`,
      verdict(endless.growthMB <= limit),
      '—',
    ]);
  }
  return rows;
}

function losslessDetails(l) {
  const rows = l.results.map((d) => [
    d.name,
    `${d.mb.toFixed(1)} MB`,
    ms(d.plainMs),
    ms(d.losslessMs),
    x(d.ratio),
    d.ratios.map((v) => v.toFixed(2)).join(' '),
  ]);
  return [
    `The SDK's \`parseJSON\` (ids and integers beyond 2^53 kept digit for digit; checked on every document) against plain \`JSON.parse\` (which rounds them), in one process on ${l.node}: ${l.rounds} rounds, the two interleaved (order alternated, a GC before each parse); CPU time per parse; the ratio is taken within each round and the median shown.`,
    '',
    table(
      ['document', 'size', '`JSON.parse` (median)', '`parseJSON` (median)', 'ratio (median)', 'ratio per round'],
      rows,
    ),
  ].join('\n');
}

function chatEventsDetails(c) {
  const rows = c.results.map((e) => [
    e.name,
    ms(e.ms),
    ms(e.cpuMs),
    x(e.ratio),
    x(e.cpuRatio),
    e.cpuRatios.map((v) => v.toFixed(2)).join(' '),
  ]);
  return [
    `The native chat stream written by the server one event per \`write()\`, with a turn of its event loop between two events, so that the client reads about one event at a time (raw fetch counted ${c.eventsPerRead.toFixed(2)} events per read). ${c.events.toLocaleString('en')} events, ${c.rounds} rounds, each contestant in its own process; the text is checked. The target is on client CPU: the wall time is set by the server's pace.`,
    '',
    table(
      ['contestant', 'wall (median)', 'client CPU (median)', 'wall ratio', 'CPU ratio (median)', 'CPU ratio per round'],
      rows,
    ),
  ].join('\n');
}

/** Detail sections, in order. */
export function extraSections(r) {
  const out = [];
  if (r.losslessJSON) out.push('## Lossless JSON', '', losslessDetails(r.losslessJSON), '');
  if (r.chatEvents) out.push('## Chat stream, one event per read', '', chatEventsDetails(r.chatEvents), '');
  return out;
}
