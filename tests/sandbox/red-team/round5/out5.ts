import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../run-driver.js';
import { ATTACKER_UID } from './sweep5.js';

/**
 * The operator (root) names an --out under a shared sticky directory; a hostile local user created it first
 * (empty, 0777, their own). Does tki write the report there, and can that user then replace report.json?
 */
export function outPrecreatedByAttacker(): { status: number | null; firstLine: string; wroteThere: boolean; replaced: boolean } {
  const base = mkdtempSync(path.join(tmpdir(), 'rt5-out-'));
  try {
    chmodSync(base, 0o1777);
    const out = path.join(base, 'out');
    const asAttacker = (script: string): void => { execFileSync('setpriv', [`--reuid=${String(ATTACKER_UID)}`, `--regid=${String(ATTACKER_UID)}`, '--clear-groups', '/bin/sh', '-c', script], { cwd: '/' }); };
    asAttacker(`mkdir '${out}' && chmod 0777 '${out}'`);
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli/tki.js'), 'run', path.join(repoRoot, 'fixtures/packets/fix7-a'), '--out', out], { encoding: 'utf8', timeout: 180_000 });
    const report = path.join(out, 'report.json');
    const wroteThere = existsSync(report);
    let replaced = false;
    if (wroteThere) {
      asAttacker(`cd '${out}' && sed 's/READ_LEVEL_FAIL/READ_LEVEL_PASS/g' report.json > .forged && mv -f .forged report.json`);
      replaced = readFileSync(report, 'utf8').includes('READ_LEVEL_PASS');
    }
    return { status: r.status, firstLine: `${r.stdout}\n${r.stderr}`.trim().split('\n')[0] ?? '', wroteThere, replaced };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
