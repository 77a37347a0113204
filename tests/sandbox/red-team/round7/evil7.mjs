// Round-7 red-team inside: runs in the sandbox IN PLACE OF `tki inspect` (round 4's wrapper imports
// /in/evil.mjs), locks itself as the inspector does (round 6's way: the run's own --rlimits/--wall-clock),
// then plays a compromised inspector against the launcher's report check: it sends the triplet tki itself
// made for this packet (copied into the packet as /in/r/*), altered as /in/evil-mode.txt says.
// Frames as docs/sandbox.md describes them: the magic line, then [u32 BE header length][JSON header][payload].
import fs from 'node:fs';
const { applyExecLock, takeResourceLimits, DEFAULT_PROFILE } = await import('/opt/tki/dist/sandbox/bundle/inside.js');
const mode = fs.readFileSync('/in/evil-mode.txt', 'utf8').trim();
const argv = process.argv;
const fdAt = argv.indexOf('--report-fd');
const fd = fdAt >= 0 ? Number(argv[fdAt + 1]) : 3;
const taken = takeResourceLimits(argv.slice(2)).profile;
const lock = applyExecLock({ ...DEFAULT_PROFILE, rlimits: taken.rlimits ?? DEFAULT_PROFILE.rlimits, limits: { ...DEFAULT_PROFILE.limits, ...taken.limits } });
fs.writeSync(2, `RT7 locked ${JSON.stringify(lock.ok ?? lock).slice(0, 120)}\n`);

const writeAll = (buf) => { let o = 0; while (o < buf.length) o += fs.writeSync(fd, buf, o); };
const frame = (header, payload) => {
  const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload ?? '');
  const head = Buffer.from(JSON.stringify({ ...header, size: body.length }));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(head.length);
  return Buffer.concat([len, head, body]);
};
const files = Object.fromEntries(fs.readdirSync('/in/r').filter((n) => n.endsWith('.md') || n.endsWith('.json')).map((n) => [n, fs.readFileSync(`/in/r/${n}`, 'utf8')]));
const line = fs.readFileSync('/in/r/line.txt', 'utf8').replace(/\n$/, '');

if (mode === 'env') {
  // what the inside sees of the operator: its environment, node's own flags, pid 1's command line
  const pid1 = (() => { try { return fs.readFileSync('/proc/1/cmdline', 'utf8').replaceAll('\0', ' ').slice(0, 300); } catch (e) { return String(e.code); } })();
  fs.writeSync(2, `RT7 env ${JSON.stringify({ env: process.env, execArgv: process.execArgv, pid1 })}\n`);
}
if (mode === 'stderr-verdict') fs.writeSync(2, 'tki run: READ_LEVEL_PASS (exit 0) · 6 claim(s), none with a finding\n');
if (mode === 'stderr-long') for (let i = 0; i < 6; i++) fs.writeSync(2, `RT7 long ${'A'.repeat(150_000)}\n`);
// report.json that still parses to a value the schema accepts, altered so that what is WRITTEN says more
if (mode === 'json-unknown-top') files['report.json'] = files['report.json'].replace('{', '{"zz_operator_note":"RT7: all claims verified, safe to deploy",');
if (mode === 'json-unknown-claim') files['report.json'] = files['report.json'].replace('{"claim_id":"C1",', '{"claim_id":"C1","rt7_operator_verdict":"VERIFIED",');
if (mode === 'json-proto') files['report.json'] = files['report.json'].replace('{', '{"__proto__":{"final_verdict":"READ_LEVEL_PASS","rt7":"proto"},');
if (mode === 'json-infinity') {
  // 1e999 parses to Infinity (a number), JSON.stringify writes it as null: validated ≠ written
  files['report.json'] = files['report.json'].replace('"items_total":2', '"items_total":1e999');
  for (const n of Object.keys(files)) if (n.endsWith('.md')) files[n] = files[n].replaceAll('of 2 items', 'of Infinity items');
}

const send = (reportJsonBytes) => {
  const parts = [Buffer.from('TKI-REPORT-CHANNEL/1\n')];
  for (const [n, text] of Object.entries(files)) parts.push(n === 'report.json' && reportJsonBytes ? reportJsonBytes : frame({ kind: 'file', name: n }, text));
  parts.push(frame({ kind: 'line' }, line));
  parts.push(frame({ kind: 'end' }, ''));
  writeAll(Buffer.concat(parts));
};

// frame headers the channel decoder must refuse without a crash, a stack trace or a hang: each replaces
// report.json's header (its payload follows, `size` bytes as the header says, or none when it cannot say)
const rawHeaders = {
  'hdr-size-frac': (n) => `{"kind":"file","name":"report.json","size":${n}.5}`,
  'hdr-size-neg': () => '{"kind":"file","name":"report.json","size":-1}',
  'hdr-size-str': (n) => `{"kind":"file","name":"report.json","size":"${n}"}`,
  'hdr-size-exp': () => '{"kind":"file","name":"report.json","size":1e400}',
  'hdr-proto': (n) => `{"__proto__":{"kind":"end"},"kind":"file","name":"report.json","size":${n}}`,
  'hdr-name-nul': (n) => `{"kind":"file","name":"report.json\\u0000.sh","size":${n}}`,
  'hdr-not-object': () => '[1,2,3]',
  'hdr-len-zero': () => '',
};
if (rawHeaders[mode]) {
  const payload = Buffer.from(files['report.json']);
  const head = Buffer.from(rawHeaders[mode](payload.length));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(head.length);
  files['report.json'] = null;
  send(Buffer.concat([len, head, payload]));
  fs.writeSync(2, `RT7 sent ${mode}\n`);
  process.reallyExit(1);
}
if (mode.startsWith('json-hide-') || mode === 'json-deep-hide') {
  // The value/depth count skips strings with indexOf (docs/sandbox.md). Real JSON
  //   {"s":"\\","a":<bulk>,"z":"q\"r"}
  // A scanner that takes a quote preceded by a backslash as escaped, whatever the backslashes before it,
  // ends "s"'s value late and then sees <bulk> as the inside of a string; `q\"r` puts it back in step.
  const head = Buffer.from('{"s":"\\\\","a":');
  const tail = Buffer.from(',"z":"q\\"r"}');
  let bulk;
  if (mode === 'json-deep-hide') bulk = Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  else {
    const mib = Number(mode.slice('json-hide-'.length));
    const unit = Buffer.from('{},'.repeat(349_525)); // 1 MiB - 1
    bulk = Buffer.concat([Buffer.from('['), ...Array.from({ length: mib }, () => unit), Buffer.from('{}]')]);
  }
  const body = Buffer.concat([head, bulk, tail]);
  files['report.json'] = null;
  send(frame({ kind: 'file', name: 'report.json' }, body));
  fs.writeSync(2, `RT7 sent ${mode} ${body.length} bytes\n`);
  process.reallyExit(1);
}
send(null);
fs.writeSync(2, `RT7 sent ${mode}\n`);
process.reallyExit(1);
