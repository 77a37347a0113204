import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../run-driver.js';

export type EvilMode = 'exit0' | 'exit2' | 'stderr-controls' | 'stderr-spoof';

/** The spoofed line a compromised inspector prints on stderr: what the operator's CI log would show. */
export const SPOOFED_LINE = 'tki run: UNVERIFIED (exit 2) · spoofed by the inside';

// The packet's own code, run in place of `tki inspect` (the compromise is simulated by the wrapper
// below): tki's real inspector runs and sends its real report, then the inside lies about how it ended.
const EVIL = `import fs from 'node:fs';
const mode = fs.readFileSync('/in/evil-mode.txt', 'utf8').trim();
await import('/opt/tki/dist/sandbox/bundle/tki-inside-orig.js');
process.on('exit', () => {
  if (mode === 'stderr-controls') fs.writeSync(2, '\\u001b]0;PWNED\\u0007\\u001b[2K\\r${SPOOFED_LINE}\\n');
  if (mode === 'stderr-spoof') for (let i = 0; i < 2000; i++) fs.writeSync(2, '${SPOOFED_LINE}\\n');
  if (mode === 'exit0') process.reallyExit(0);
  if (mode === 'exit2') process.reallyExit(2);
});
`;

const WRAPPER = `#!/usr/bin/env node
// red-team round 4: inside the sandbox, the packet's evil.mjs runs in place of tki inspect; outside, tki itself
if (process.argv.includes('inspect') && process.argv.includes('/in')) await import('/in/evil.mjs');
else await import('./tki-inside-orig.js');
`;

/**
 * A copy of this package (hard links, same filesystem) whose inside entry runs the packet's code:
 * the launcher, its caps, its validator and its writer are tki's own and unchanged. Returns its root.
 */
export function compromisedPackage(base: string): string {
  const pkg = path.join(base, 'pkg');
  mkdirSync(pkg);
  execFileSync('cp', ['-al', path.join(repoRoot, 'dist'), path.join(repoRoot, 'node_modules'), path.join(repoRoot, 'package.json'), path.join(repoRoot, 'Dockerfile.sandbox'), pkg]);
  // The native build: the addon, and tki-enter-cgroup (a root operator's bwrap enters its cgroup through it).
  for (const built of ['tki_seccomp.node', 'tki-enter-cgroup']) {
    const file = path.join('sandbox', 'native', 'build', 'Release', built);
    mkdirSync(path.dirname(path.join(pkg, file)), { recursive: true });
    execFileSync('cp', ['-al', path.join(repoRoot, file), path.join(pkg, file)]);
  }
  // rename and replace, never write through a hard link into the repository's own files
  // The sandbox runs the bundled inside entry (sandbox/runtime/bundle-paths.ts): that is what is wrapped.
  renameSync(path.join(pkg, 'dist/sandbox/bundle/tki-inside.js'), path.join(pkg, 'dist/sandbox/bundle/tki-inside-orig.js'));
  writeFileSync(path.join(pkg, 'dist/sandbox/bundle/tki-inside.js'), WRAPPER, { mode: 0o755 });
  const listPath = path.join(pkg, 'dist/sandbox/runtime-files.json');
  const list = JSON.parse(readFileSync(listPath, 'utf8')) as string[];
  rmSync(listPath);
  writeFileSync(listPath, JSON.stringify([...list, 'dist/sandbox/bundle/tki-inside-orig.js']));
  return pkg;
}

/** `tki run` of the compromised package on fixture fix7-a (READ_LEVEL_FAIL, exit 1) carrying evil.mjs. */
export function runCompromised(mode: EvilMode, engine = 'bwrap'): { status: number | null; stdout: string; stderr: string; written: string[] } {
  const base = mkdtempSync(path.join(tmpdir(), 'rt4-evil-'));
  try {
    chmodSync(base, 0o755);
    const pkg = compromisedPackage(base);
    const packet = path.join(base, 'pk');
    cpSync(path.join(repoRoot, 'fixtures/packets/fix7-a'), packet, { recursive: true });
    writeFileSync(path.join(packet, 'evil.mjs'), EVIL);
    writeFileSync(path.join(packet, 'evil-mode.txt'), `${mode}\n`);
    spawnSync('chmod', ['-R', 'a+rX', packet]);
    const out = path.join(base, 'out');
    const r = spawnSync(process.execPath, [path.join(pkg, 'dist/cli/tki.js'), 'run', packet, '--out', out, '--engine', engine], { encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
    let written: string[] = [];
    try { written = readdirSync(out).sort(); } catch { /* nothing written */ }
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, written };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
