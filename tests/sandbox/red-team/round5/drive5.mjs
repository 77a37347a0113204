// Round-5 red-team driver (launcher side): runs inside5.mjs through tki's own runSandboxed entry with the
// DEFAULT profile, as whatever uid this process has (root, or uid 65534 through setpriv). The packet holds
// the runner and the attacker's native helper (round 4's rawsys4.c). Prints one JSON line at the end.
// Usage: node drive5.mjs <repoRoot> <engine> <mode> <scratchDir>
import fs from 'node:fs';
import path from 'node:path';
const [repoRoot, engine, mode, scratch] = process.argv.slice(2);
const { runSandboxed, DEFAULT_PROFILE } = await import(path.join(repoRoot, 'dist/sandbox/index.js'));
const { compileLimitFlags } = await import(path.join(repoRoot, 'dist/sandbox/engines/node-flags.js'));
const here = path.dirname(new URL(import.meta.url).pathname);
const packet = path.join(scratch, 'in');
fs.mkdirSync(packet, { recursive: true, mode: 0o755 });
fs.copyFileSync(path.join(here, 'inside5.mjs'), path.join(packet, 'runner.mjs'));
fs.copyFileSync(path.join(scratch, 'rawsys5.node'), path.join(packet, 'rawsys5.node'));
for (const f of fs.readdirSync(packet)) fs.chmodSync(path.join(packet, f), 0o755);
const profile = DEFAULT_PROFILE;
const dataBytes = profile.rlimits.data.soft;
const started = Date.now();
const run = await runSandboxed({ engine, profile, packetPath: packet, packetIsFile: false, nodeArgs: (_runtime, fd) => [...compileLimitFlags(profile), '/in/runner.mjs', mode, String(fd), String(dataBytes)] });
const out = { engine, uid: process.getuid(), ok: run.ok, elapsedMs: Date.now() - started };
if (!run.ok) out.line = run.line;
else {
  const e = run.exit;
  out.exitCode = e.exitCode; out.signal = e.signal; out.limit = e.launcherLimit;
  const text = String(e.stderr ?? '');
  out.results = text.split('\n').filter((l) => l.startsWith('RT ')).map((l) => { try { return JSON.parse(l.slice(3)); } catch { return { id: 'unparsable', closed: false, observed: l.slice(0, 200) }; } });
  out.stderrTail = text.split('\n').filter((l) => !l.startsWith('RT ')).join('\n').slice(-600);
}
process.stdout.write(`${JSON.stringify(out)}\n`);
