#!/usr/bin/env node
// Measures the system calls the sandboxed node really makes (SPEC §6: the seccomp allowlist is
// measured, not guessed). Runs `tki run` on every fixture packet and `tki attest` under
// `strace -f -ff` (apt-get install strace), then keeps only what the processes descended from the
// `execve` of /opt/tki/bin/node did from that execve on: bwrap's own set-up is not the inside.
// Usage: node scripts/measure-syscalls.mjs [engine]   (prints the sorted names, one per line)
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const tki = join(root, 'dist/cli/tki.js');
const engine = process.argv[2] ?? 'bwrap';
const scratch = mkdtempSync(join(tmpdir(), 'tki-measure-'));
chmodSync(scratch, 0o755);
const fixtures = join(root, 'fixtures/packets');
const runs = [];
for (const name of readdirSync(fixtures).filter((entry) => !entry.includes('.')).sort()) {
  const dir = join(fixtures, name);
  const single = readdirSync(dir).find((entry) => entry.endsWith('.json') && entry !== 'packet.json' && entry !== 'expected.json');
  const packet = readdirSync(dir).includes('packet.json') ? dir : single === undefined ? dir : join(dir, single);
  runs.push(['run', packet, '--out', join(scratch, `out-${name}`), '--engine', engine]);
}
runs.push(['attest', '--out', join(scratch, 'attest'), '--engine', engine]);
const seen = new Set();
for (const [index, args] of runs.entries()) {
  const traceDir = join(scratch, `trace-${index}`);
  execFileSync('mkdir', ['-p', traceDir]);
  spawnSync('strace', ['-f', '-ff', '-qq', '-o', join(traceDir, 't'), process.execPath, tki, ...args], { stdio: 'ignore' });
  const files = new Map(readdirSync(traceDir).map((file) => [file.slice(file.lastIndexOf('.') + 1), readFileSync(join(traceDir, file), 'utf8')]));
  const inside = new Set();
  for (const [pid, text] of files) if (/^execve\("\/opt\/tki\/bin\/node"/m.test(text)) inside.add(pid);
  // Threads and children of an inside process are inside too.
  for (let grew = true; grew; ) {
    grew = false;
    for (const pid of [...inside]) {
      for (const match of (files.get(pid) ?? '').matchAll(/^(?:clone|clone3|fork|vfork)\(.*= (\d+)$/gm)) {
        if (match[1] !== undefined && !inside.has(match[1])) { inside.add(match[1]); grew = true; }
      }
    }
  }
  for (const pid of inside) {
    let text = files.get(pid) ?? '';
    const exec = text.search(/^execve\("\/opt\/tki\/bin\/node"/m);
    if (exec > 0) text = text.slice(exec);
    for (const match of text.matchAll(/^([a-z0-9_]+)\(/gm)) if (match[1] !== undefined) seen.add(match[1]);
  }
  process.stderr.write(`${args[0]} ${args[1]}: ${inside.size} inside processes/threads\n`);
}
rmSync(scratch, { recursive: true, force: true });
process.stdout.write(`${[...seen].sort().join('\n')}\n`);
