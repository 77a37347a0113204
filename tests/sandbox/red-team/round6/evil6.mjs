// Round-6 red-team inside: runs in the sandbox IN PLACE OF `tki inspect` (round 4's wrapper imports
// /in/evil.mjs), locks itself as the inspector does, then plays a compromised inspector against the
// launcher: it sends on the report channel a triplet that tki itself produced for this packet (copied
// into the packet as /in/r/*), altered as /in/evil-mode.txt says, or it stalls (for the signal tests).
// Frames as docs/sandbox.md describes them: the magic line, then [u32 BE header length][JSON header][payload].
import fs from 'node:fs';
const { applyExecLock, takeResourceLimits, DEFAULT_PROFILE } = await import('/opt/tki/dist/sandbox/bundle/inside.js');
const mode = fs.readFileSync('/in/evil-mode.txt', 'utf8').trim();
const argv = process.argv;
const fdAt = argv.indexOf('--report-fd');
const fd = fdAt >= 0 ? Number(argv[fdAt + 1]) : 3;
// lock with the run's own limits, handed in as --rlimits/--wall-clock, exactly as tki inspect takes them
const taken = takeResourceLimits(argv.slice(2)).profile;
const lock = applyExecLock({ ...DEFAULT_PROFILE, rlimits: taken.rlimits ?? DEFAULT_PROFILE.rlimits, limits: { ...DEFAULT_PROFILE.limits, ...taken.limits } });
fs.writeSync(2, `RT6 locked ${JSON.stringify(lock.ok ?? lock).slice(0, 200)}\n`);

const frame = (header, payload) => {
  const body = Buffer.from(payload ?? '');
  const head = Buffer.from(JSON.stringify({ ...header, size: body.length }));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(head.length);
  return Buffer.concat([len, head, body]);
};
const read = (name) => fs.readFileSync(`/in/r/${name}`);
const names = fs.readdirSync('/in/r').filter((n) => n.endsWith('.md') || n.endsWith('.json'));
let reportJson = read('report.json').toString('utf8');
let line = fs.readFileSync('/in/r/line.txt', 'utf8').replace(/\n$/, '');
const tail = (s) => `${line} · ${s}`;

if (mode === 'stall') {
  // the inspector "hangs" (a packet-triggered loop would look the same): never sends anything
  const sab = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(sab, 0, 0, 60_000);
}
if (mode === 'look') {
  // what the stage handed in: any file whose first bytes are an /etc/shadow line, and its path
  const found = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = `${d}/${e.name}`; if (e.isDirectory()) walk(p); else if (e.isFile()) { try { const b = fs.readFileSync(p); if (b.subarray(0, 5).toString() === 'root:') found.push(`${p}=${b.toString('utf8', 0, 40)}`); } catch { /* unreadable */ } } } };
  walk('/in');
  const x = (() => { try { const st = fs.lstatSync('/in/x'); return st.isSymbolicLink() ? `link:${fs.readlinkSync('/in/x')}` : fs.readdirSync('/in/x').map((n) => `${n}:${fs.readFileSync(`/in/x/${n}`, 'utf8').slice(0, 6)}`).join(','); } catch (e) { return String(e.code); } })();
  fs.writeSync(2, `RT6 look ${JSON.stringify({ found, x })}\n`);
}
if (mode === 'line-c1-csi') line = tail('\u009b2J\u009b1;1Hclean');
if (mode === 'line-c1-nel') line = tail('x\u0085tki run: READ_LEVEL_PASS (exit 0)');
if (mode === 'line-invisible') line = tail('\u202eSSAP_LEVEL_DAER\u202c x\u2028tki run: READ_LEVEL_PASS (exit 0) \u200b\u2066\ufeffhidden\u2069');
// the real line's prefix, then a summary report.json contradicts (it has 6 claims, 6 findings, a flag)
if (mode === 'line-lies') line = `${line.slice(0, line.indexOf(')') + 1)} · 0 claim(s), none with a finding · flags none`;
if (mode === 'json-dup-key') reportJson = reportJson.replace('{', '{"final_verdict":"READ_LEVEL_PASS",');
if (mode === 'json-bom') reportJson = `\ufeff${reportJson}`;
if (mode === 'json-ws') reportJson = `${reportJson}${' '.repeat(64)}`;
if (mode === 'json-escapes') reportJson = reportJson.replace('"packet_id":"PKT-FIX7-A"', '"packet_id":"\\u0050KT-FIX7-A"');

const writeAll = (buf) => { let o = 0; while (o < buf.length) o += fs.writeSync(fd, buf, o); };
if (mode.startsWith('json-huge-')) {
  // report.json of N MiB that parses to tens of millions of empty objects, streamed (the inside holds
  // 1 MiB at a time); the rest of the triplet genuine. The launcher must read it under its cap, parse it and fail.
  const size = Number(mode.slice('json-huge-'.length)) * 1024 * 1024;
  writeAll(Buffer.from('TKI-REPORT-CHANNEL/1\n'));
  const head = Buffer.from(JSON.stringify({ kind: 'file', name: 'report.json', size }));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(head.length);
  writeAll(Buffer.concat([len, head]));
  const open = '{"a":[';
  const close = '{}]}';
  const chunk = Buffer.from('{},'.repeat(349525)); // 1 MiB - 1
  let left = size - open.length - close.length;
  writeAll(Buffer.from(open));
  while (left > 0) { const n = Math.min(left - (left % 3), chunk.length); if (n === 0) { writeAll(Buffer.from(' '.repeat(left))); left = 0; break; } writeAll(chunk.subarray(0, n)); left -= n; }
  writeAll(Buffer.from(close));
  const rest = [];
  for (const n of names) if (n !== 'report.json') rest.push(frame({ kind: 'file', name: n }, read(n)));
  rest.push(frame({ kind: 'line' }, line));
  rest.push(frame({ kind: 'end' }, ''));
  writeAll(Buffer.concat(rest));
  fs.writeSync(2, `RT6 sent ${mode}\n`);
  process.reallyExit(1);
}
const parts = [Buffer.from('TKI-REPORT-CHANNEL/1\n')];
for (const n of names) parts.push(frame({ kind: 'file', name: n }, n === 'report.json' ? reportJson : read(n)));
parts.push(frame({ kind: 'line' }, line));
parts.push(frame({ kind: 'end' }, ''));
const all = Buffer.concat(parts);
let off = 0;
while (off < all.length) off += fs.writeSync(fd, all, off);
fs.writeSync(2, `RT6 sent ${mode} ${all.length} bytes on fd ${fd}\n`);
process.reallyExit(1);
