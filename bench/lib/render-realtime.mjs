/** The real-time speech rows of bench/RESULTS.md (suite `realtime-speech`): summary rows and the detail table. */

/** Target for both ratios against the raw `ws` client (TTFA and total time), from issue #11. */
export const REALTIME_TARGET = 1.1;

const SDK = '@minimax-ts/sdk (WebSocket)';
const RAW = 'raw ws';
const PEER_CELLS = ['n/a (no WebSocket speech)', 'n/a (no WebSocket speech)', 'n/a (no WebSocket speech)'];

/** Two summary rows: time to first audio and total time, ours vs the raw client. */
export function realtimeRows(realtime, x, verdict) {
  const find = (name) => realtime.results.find((e) => e.name === name);
  const ours = find(SDK);
  const raw = find(RAW);
  const label = `${realtime.chars.toLocaleString('en')} characters over the WebSocket`;
  return [
    [
      `real-time speech, time to first audio, ${label} (vs raw ws)`,
      `≤ ${x(REALTIME_TARGET)}`,
      `**${x(ours.ttfaRatio)}**`,
      verdict(ours.ttfaRatio <= REALTIME_TARGET),
      `raw ws 1.00× (${raw.ttfaMs.toFixed(1)} ms)`,
      ...PEER_CELLS,
    ],
    [
      `real-time speech, total time, ${label} (vs raw ws)`,
      `≤ ${x(REALTIME_TARGET)}`,
      `**${x(ours.totalRatio)}**`,
      verdict(ours.totalRatio <= REALTIME_TARGET),
      `raw ws 1.00× (${raw.totalMs.toFixed(1)} ms)`,
      ...PEER_CELLS,
    ],
  ];
}

/** The detail section: every contestant's medians and per-round ratios. */
export function realtimeDetails(realtime, table) {
  const intro =
    `One text of ${realtime.chars.toLocaleString('en')} characters per session, against the mock's speech WebSocket with pacing off ` +
    '(no first-audio delay, no delay between frames; ~60 ms of audio per character, 16 KiB frames). `raw ws` does the protocol by hand ' +
    '(connected_success → task_start → task_started → task_continue + task_finish → `Buffer.from(hex)` → task_finished); our SDK is ' +
    '`mm.speech.connect` + `send` + `for await` + `finish()`, a new connection each time, like the raw client. Their audio is checked ' +
    'byte for byte. The HTTP SSE row is `mm.speech.stream` of the same text from the bench server, sized to the same audio, for reference. ' +
    `TTFA = from the start of the call to the first decoded chunk. ${realtime.rounds} rounds of ${realtime.sessions ?? 1} sessions per contestant (their mean), order rotated; ratios within the round, medians shown.`;
  const rows = realtime.results.map((e) => [
    e.name,
    `${(e.bytes / 1e6).toFixed(2)} MB`,
    `${e.ttfaMs.toFixed(1)} ms`,
    `${e.totalMs.toFixed(1)} ms`,
    `${e.ttfaRatio.toFixed(2)}×`,
    `${e.totalRatio.toFixed(2)}×`,
    e.ttfaRatios.join(' '),
    e.totalRatios.join(' '),
  ]);
  return `${intro}\n\n${table(
    [
      'contestant',
      'audio',
      'TTFA (median)',
      'total (median)',
      'TTFA vs raw ws',
      'total vs raw ws',
      'TTFA ratio per round',
      'total ratio per round',
    ],
    rows,
  )}`;
}
