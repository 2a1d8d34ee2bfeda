import { bigIntegerArray, fileList, hexAudio } from './lib/json-documents.mjs';
const { parseJSON } = await import('/tmp/lj/new.mjs');
const old = (await import('/tmp/lj/cur.mjs')).parseJSON;
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const [name, doc] of [['fileList', fileList(50e6)], ['bigInt', bigIntegerArray(20e6)], ['audio', hexAudio(4e6)]]) {
  const text = doc.text;
  const fns = { plain: () => JSON.parse(text), old: () => old(text), new: () => parseJSON(text) };
  const t = {};
  for (let r = 0; r < 7; r++) for (const [k, f] of Object.entries(fns)) { globalThis.gc?.(); const t0 = cpu(); f(); (t[k] ??= []).push(cpu() - t0); }
  console.log(process.version, name, Object.entries(t).map(([k, v]) => `${k} ${median(v).toFixed(1)} (${(median(v)/median(t.plain)).toFixed(2)})`).join(', '));
}
