// Red-team driver (launcher side): runs inside-runner.mjs through tki's own runSandboxed entry with the
// DEFAULT profile (nothing loosened), as whatever uid this process has. Prints one JSON object:
// { engine, uid, ok, line?, exitCode, limit?, results: [{id, closed, observed}], maxRssMiB, stderrTail }.
// Usage: node drive.mjs <repoRoot> <engine> <mode> <scratchDir>
import fs from 'node:fs';
import path from 'node:path';
const [repoRoot, engine, mode, scratch] = process.argv.slice(2);
// tki as built in the repository this script lives in (the repoRoot argument keeps the command line's shape).
const { runSandboxed, DEFAULT_PROFILE } = await import('../../../dist/sandbox/index.js');
const here = path.dirname(new URL(import.meta.url).pathname);
const packet = path.join(scratch, 'in');
fs.mkdirSync(packet, { recursive: true, mode: 0o755 });
fs.chmodSync(scratch, 0o755);
fs.copyFileSync(path.join(here, 'inside-runner.mjs'), path.join(packet, 'runner.mjs'));
for (const name of ["rawsys-measure.node", "rawsys-attack.node", "rawsys-attack2.node"]) fs.copyFileSync(path.join(scratch, "..", "rawsys.node"), path.join(packet, name));
for (const f of fs.readdirSync(packet)) fs.chmodSync(path.join(packet, f), 0o755);
let maxRss = 0;
const timer = setInterval(() => { maxRss = Math.max(maxRss, process.memoryUsage().rss); }, 50);
// The runner's node gets what every tki process inside gets (no JIT, the heap limit): the lock's rules depend on it.
const { compileLimitFlags } = await import('../../../dist/sandbox/engines/node-flags.js');
const run = await runSandboxed({ engine, profile: DEFAULT_PROFILE, packetPath: packet, packetIsFile: false, nodeArgs: (_runtime, fd) => [...compileLimitFlags(DEFAULT_PROFILE), '/in/runner.mjs', mode, String(fd)] });
clearInterval(timer);
maxRss = Math.max(maxRss, process.resourceUsage().maxRSS * 1024);
const out = { engine, uid: process.getuid(), ok: run.ok, maxRssMiB: Math.round(maxRss / 1048576) };
if (!run.ok) out.line = run.line;
else {
  const e = run.exit;
  out.exitCode = e.exitCode; out.signal = e.signal; out.limit = e.launcherLimit; out.channelError = e.channel?.error;
  out.exitKeys = Object.keys(e);
  const text = String(e.stderr ?? '');
  out.results = text.split('\n').filter((l) => l.startsWith('RT ')).map((l) => { try { return JSON.parse(l.slice(3)); } catch { return { id: 'unparsable', closed: false, observed: l.slice(0, 200) }; } });
  out.stdoutBytes = text.length;
  out.stderrTail = text.split('\n').filter((l) => !l.startsWith('RT ')).join('\n').slice(-600); out.stdoutHead = String(e.stdout ?? '').slice(0, 300);
}
process.stdout.write(`${JSON.stringify(out)}\n`);
