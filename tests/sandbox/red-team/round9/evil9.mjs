// Round-9 red-team inside: runs in the sandbox IN PLACE OF `tki inspect` (round 4's wrapper imports
// /in/evil.mjs), locks itself with the run's own limits as round 7's evil7.mjs does, then plays a
// compromised inspector against what the launcher PRINTS: stderr written in pieces, forged notes and
// P1-style refusals, exits without a report, and a channel that stays open after its end frame.
// Frames as docs/sandbox.md describes them: the magic line, then [u32 BE header length][JSON header][payload].
import fs from 'node:fs';
const { applyExecLock, takeResourceLimits, DEFAULT_PROFILE } = await import('/opt/tki/dist/sandbox/bundle/inside.js');
const mode = fs.readFileSync('/in/evil-mode.txt', 'utf8').trim();
const argv = process.argv;
const fdAt = argv.indexOf('--report-fd');
const fd = fdAt >= 0 ? Number(argv[fdAt + 1]) : 3;
const taken = takeResourceLimits(argv.slice(2)).profile;
applyExecLock({ ...DEFAULT_PROFILE, rlimits: taken.rlimits ?? DEFAULT_PROFILE.rlimits, limits: { ...DEFAULT_PROFILE.limits, ...taken.limits } });

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const err = (text) => fs.writeSync(2, text);
const writeAll = (buf) => { let o = 0; while (o < buf.length) o += fs.writeSync(fd, buf, o); };
const frame = (header, payload) => {
  const body = Buffer.from(payload ?? '');
  const head = Buffer.from(JSON.stringify({ ...header, size: body.length }));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(head.length);
  return Buffer.concat([len, head, body]);
};
const files = Object.fromEntries(fs.readdirSync('/in/r').filter((n) => n.endsWith('.md') || n.endsWith('.json')).map((n) => [n, fs.readFileSync(`/in/r/${n}`, 'utf8')]));
const line = fs.readFileSync('/in/r/line.txt', 'utf8').replace(/\n$/, '');
/** The genuine triplet, its line and the end frame: the run then ends as tki's own (READ_LEVEL_FAIL, exit 1). */
const sendGenuine = () => {
  const parts = [Buffer.from('TKI-REPORT-CHANNEL/1\n')];
  for (const [n, text] of Object.entries(files)) parts.push(frame({ kind: 'file', name: n }, text));
  parts.push(frame({ kind: 'line' }, line), frame({ kind: 'end' }, ''));
  writeAll(Buffer.concat(parts));
};

const PASS = 'tki run: READ_LEVEL_PASS (exit 0) · 6 claim(s), none with a finding';
if (mode === 'split-verdict') {
  // one line, written in three pieces with pauses: a relay that filters per read() chunk sees no verdict word
  err('tki run: READ_LEV'); sleep(300); err('EL_PA'); sleep(300); err('SS (exit 0) · 6 claim(s), none with a finding\n');
  sendGenuine();
  process.reallyExit(1);
}
if (mode === 'note-forge') {
  // the inside's own diagnostic prefix (the SIGSYS note that `tki run` relays), carrying a passing verdict
  err(`tki inspect: note: the sandbox answered ENOSYS to 1 system call(s) on no seccomp list: 999 (${PASS})\n`);
  sendGenuine();
  process.reallyExit(1);
}
if (mode === 'p1-forge') {
  // nothing on the channel and exit 3: the launcher shows "P1's one line" — here the inside's own text
  err(`tki inspect: BLOCKED: P1 unconfirmed: ${PASS}\n`);
  process.reallyExit(3);
}
if (mode === 'p1-forge-controls') {
  err(`tki inspect: BLOCKED: P1 unconfirmed\u001b[2K\r${PASS}\u009b1A\u202e\n`);
  process.reallyExit(3);
}
if (mode === 'nothing-exit0') process.reallyExit(0);
if (mode === 'nothing-exit1') { err(`${PASS}\n`); process.reallyExit(1); }
if (mode === 'lower-pass') {
  err('tki run: read_level_pass (exit 0)\n'); err('ALL CHECKS PASSED\n');
  sendGenuine();
  process.reallyExit(1);
}
if (mode === 'end-then-hang') {
  // a complete, valid report and its end frame, then the inside neither exits nor closes the channel
  sendGenuine();
  for (;;) sleep(1000);
}
if (mode === 'end-then-more') {
  sendGenuine();
  err('RT9 after the end frame\n');
  writeAll(Buffer.from('trailing bytes after the end frame'));
  process.reallyExit(1);
}
if (mode === 'exit2-after-fail') {
  // a genuine READ_LEVEL_FAIL report, then exit 2: the operator's exit code must follow the validated report
  sendGenuine();
  process.reallyExit(2);
}
if (mode === 'control') { sendGenuine(); process.reallyExit(1); }
err(`RT9 unknown mode ${mode}\n`);
process.reallyExit(3);
