// Round-3 red-team driver (launcher side): runs inside3.mjs through tki's own runSandboxed entry with
// the DEFAULT profile, or the default profile with the operator's limit overrides (`limits` JSON:
// `{limits?, rlimits?}`, the fields `tki run --timeout/--cpu/--memory/--processes` change), as whatever uid this
// process has. Prints one JSON line: { engine, uid, ok, line?, exitCode, signal, limit, channelError,
// results, maxRssMiB, stderrTail, elapsedMs }.
// Usage: node drive3.mjs <engine> <mode> <scratchDir> [limitsJson]
import fs from 'node:fs';
import path from 'node:path';
const [engine, mode, scratch, limitsJson] = process.argv.slice(2);
const { runSandboxed, DEFAULT_PROFILE } = await import('../../../../dist/sandbox/index.js');
const here = path.dirname(new URL(import.meta.url).pathname);
const packet = path.join(scratch, 'in');
fs.mkdirSync(packet, { recursive: true, mode: 0o755 });
fs.copyFileSync(path.join(here, 'inside3.mjs'), path.join(packet, 'runner.mjs'));
for (const name of ['rawsys3-measure.node', 'rawsys3-attack.node']) fs.copyFileSync(path.join(scratch, 'rawsys3.node'), path.join(packet, name));
for (const f of fs.readdirSync(packet)) fs.chmodSync(path.join(packet, f), 0o755);
const override = limitsJson ? JSON.parse(limitsJson) : {};
const profile = { ...DEFAULT_PROFILE, limits: { ...DEFAULT_PROFILE.limits, ...override.limits }, rlimits: { ...DEFAULT_PROFILE.rlimits, ...override.rlimits } };
let maxRss = 0;
const timer = setInterval(() => { maxRss = Math.max(maxRss, process.memoryUsage().rss); }, 50);
const started = Date.now();
// The runner's node gets what every tki process inside gets (no JIT, the heap limit): the lock's rules depend on it.
const { compileLimitFlags } = await import('../../../../dist/sandbox/engines/node-flags.js');
const run = await runSandboxed({ engine, profile, packetPath: packet, packetIsFile: false, nodeArgs: (_runtime, fd) => [...compileLimitFlags(profile), '/in/runner.mjs', mode, String(fd)] });
clearInterval(timer);
maxRss = Math.max(maxRss, process.resourceUsage().maxRSS * 1024);
const out = { engine, uid: process.getuid(), ok: run.ok, maxRssMiB: Math.round(maxRss / 1048576), elapsedMs: Date.now() - started };
if (!run.ok) out.line = run.line;
else {
  const e = run.exit;
  out.exitCode = e.exitCode; out.signal = e.signal; out.limit = e.launcherLimit; out.channelError = e.channel?.error;
  out.channelKeys = e.channel ? Object.keys(e.channel) : [];
  const text = String(e.stderr ?? '');
  out.results = text.split('\n').filter((l) => l.startsWith('RT ')).map((l) => { try { return JSON.parse(l.slice(3)); } catch { return { id: 'unparsable', closed: false, observed: l.slice(0, 200) }; } });
  out.stderrTail = text.split('\n').filter((l) => !l.startsWith('RT ')).join('\n').slice(-600);
}
process.stdout.write(`${JSON.stringify(out)}\n`);
