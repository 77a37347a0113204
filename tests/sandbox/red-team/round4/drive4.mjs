// Round-4 red-team driver (launcher side): runs inside4.mjs through tki's own runSandboxed entry with
// the DEFAULT profile (or its limits changed the way `tki run --memory` changes them: heap, and data =
// heap + 1 GiB), as whatever uid this process has. The packet it builds holds the runner, the native
// helper, a root-only secret (`private/secret.txt`, 0600, in a 0700 directory) and `live.txt`, owned by uid
// 65534 (the packet's hostile owner). Prints one JSON line at the end.
// Usage: node drive4.mjs <engine> <mode> <scratchDir> [memoryMiB]
import fs from 'node:fs';
import path from 'node:path';
const [engine, mode, scratch, memoryArg] = process.argv.slice(2);
const { runSandboxed, DEFAULT_PROFILE } = await import('../../../../dist/sandbox/index.js');
const here = path.dirname(new URL(import.meta.url).pathname);
const packet = path.join(scratch, 'in');
fs.mkdirSync(packet, { recursive: true, mode: 0o755 });
fs.copyFileSync(path.join(here, 'inside4.mjs'), path.join(packet, 'runner.mjs'));
fs.copyFileSync(path.join(scratch, 'rawsys4.node'), path.join(packet, 'rawsys4.node'));
for (const f of fs.readdirSync(packet)) fs.chmodSync(path.join(packet, f), 0o755);
fs.writeFileSync(path.join(packet, 'live.txt'), 'owned by the packet author\n', { mode: 0o644 });
if (process.getuid() === 0) {
  // the packet belongs to its (hostile) author, uid 65534; one directory in it is the root operator's own
  fs.chownSync(packet, 65534, 65534);
  fs.chownSync(path.join(packet, 'live.txt'), 65534, 65534);
  fs.mkdirSync(path.join(packet, 'private'), { mode: 0o700 });
  fs.writeFileSync(path.join(packet, 'private', 'secret.txt'), 'RT4-ROOT-ONLY-SECRET\n', { mode: 0o600 });
}
const memoryMiB = memoryArg ? Number(memoryArg) : undefined;
const dataBytes = memoryMiB ? (memoryMiB + 1024) * 1024 * 1024 : DEFAULT_PROFILE.rlimits.data.soft;
const profile = memoryMiB
  ? { ...DEFAULT_PROFILE, limits: { ...DEFAULT_PROFILE.limits, memoryMiB }, rlimits: { ...DEFAULT_PROFILE.rlimits, data: { soft: dataBytes, hard: dataBytes } } }
  : DEFAULT_PROFILE;
const started = Date.now();
// The runner's node gets what every tki process inside gets (no JIT, the heap limit): the lock's rules depend on it.
const { compileLimitFlags } = await import('../../../../dist/sandbox/engines/node-flags.js');
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
