import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import type { JsonObject } from '../packet-gen.js';
import { dossier, flagsOf9, FIXTURE, fixtureCopy, freshDir, roundRoot, summary9, tki, tkiRun9, unlikeFlaggedPass } from './gen9.js';
import { createJudge9 } from './judge9.js';

/**
 * rt-packets9 through `tki run` as an operator types it (bubblewrap): the round's main routes give the
 * same answer in the sandbox, and the launcher's own rules (`--out`, ceilings) end every run with a
 * report and no stack trace. A control run first: if the sandbox cannot run here the suite fails loudly.
 */
const { judge, checkAllListedRan } = createJudge9('cli');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const PASS = 'FLAG_PROSE_ONLY_PASS';



const canonClaim: JsonObject = { claim_id: 'C1', text: 'The selftest of tools/canon.py exited with code 0.', claim_type: 'EXECUTION_RESULT', subject: 'tools/canon.py', evidence_refs: ['run1'] };
const canonLog = { item_id: 'run1', kind: 'RUN_LOG', path: 'runs/run1.log', surface: 'pg:dot_tools', content: '$ python tools/canon.py\n22/22 passed\ntools/canon.py exit code: 0\n' };

describe('tki run (bubblewrap) gives the round\'s routes the verdict of their ASCII twin', () => {
  it('control: the ASCII twin is READ_LEVEL_FAIL with FLAG_PROSE_ONLY_PASS', () => {
    const result = tkiRun9({ dossierText: dossier('All tests pass.') }, 'cli-twin');
    judge('cli:control-twin', unlikeFlaggedPass(result));
  }, 120_000);
  for (const [name, spec] of [
    ['backtick-line-is-code-span-not-fence', { dossierText: dossier('``` All tests pass. ```') }],
    ['comment-opener-in-code-span', { dossierText: dossier('`<!--` All tests pass. `-->`') }],
    ['same-file-name-other-directory', { dossierText: dossier('vendor/canon.py: 22/22 PASS, exit 0.'), claims: [canonClaim], items: [canonLog] }],
  ] as const) {
    it(name, () => {
      const result = tkiRun9(spec, `cli-${name}`);
      judge(`cli:${name}`, unlikeFlaggedPass(result));
    }, 120_000);
  }
});

describe('every run ends with a report, or is refused as usage, with no stack trace', () => {
  it('--memory 1 (a ceiling V8 cannot start under)', () => {
    const out = path.join(freshDir('cli-memory-1'), 'out');
    const { status, output } = tki([FIXTURE, '--out', out, '--memory', '1']);
    const problems: string[] = [];
    if (status !== 3) problems.push(`exit ${String(status)}`);
    if (!existsSync(path.join(out, 'report.json'))) problems.push('no report.json');
    if (/stacktrace|Last few GCs/i.test(output)) problems.push(`a V8 stack trace on the terminal: ${JSON.stringify(output.slice(0, 160))}`);
    judge('cli:memory-ceiling-1-mib', problems.length === 0 ? undefined : problems.join('; '));
  }, 120_000);
  it('--out given twice is a usage error (which one the operator meant is unknown)', () => {
    const dir = freshDir('cli-two-outs');
    const { status, output } = tki([FIXTURE, '--out', path.join(dir, 'a'), '--out', path.join(dir, 'b')]);
    const written = ['a', 'b'].filter((name) => existsSync(path.join(dir, name, 'report.json')));
    judge('cli:repeated-out-refused', status === 3 && written.length === 0 ? undefined : `exit ${String(status)}, reports in ${written.join(', ') || 'none'}: ${output.split('\n')[0] ?? ''}`);
  }, 120_000);
  // Guards (hold today).
  it('--out holding a FIFO named report.json is refused at once', () => {
    const out = path.join(freshDir('cli-fifo'), 'out');
    mkdirSync(out);
    spawnSync('mkfifo', [path.join(out, 'report.json')]);
    writeFileSync(path.join(out, 'report.md'), 'x');
    writeFileSync(path.join(out, 'checkpoint-inspection.md'), 'y');
    const { status, output } = tki([FIXTURE, '--out', out]);
    judge('cli:fifo-in-out-refused', status === 3 && /not a regular file/.test(output) ? undefined : `exit ${String(status)}: ${output.slice(0, 200)}`);
  }, 120_000);
  it('a previous checkpoint of another name is replaced: exactly three files after the run', () => {
    const out = path.join(freshDir('cli-other-checkpoint'), 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'report.json'), '{}');
    writeFileSync(path.join(out, 'report.md'), 'x');
    writeFileSync(path.join(out, 'checkpoint-other.md'), 'y');
    const { status } = tki([FIXTURE, '--out', out]);
    const files = readdirSync(out).sort();
    judge('cli:previous-checkpoint-replaced', status === 1 && files.join(',') === 'checkpoint-inspection.md,report.json,report.md' ? undefined : `exit ${String(status)}, --out holds ${files.join(', ')}`);
  }, 120_000);
  it('--out inside the packet reached through a symlink to the packet', () => {
    const packet = fixtureCopy('cli-symlinked-packet');
    const link = path.join(path.dirname(packet), 'link');
    symlinkSync(packet, link);
    const { status } = tki([link, '--out', path.join(packet, 'out')]);
    judge('cli:out-inside-symlinked-packet-refused', status === 3 && !existsSync(path.join(packet, 'out')) ? undefined : `exit ${String(status)}; ${String(readdirSync(packet))}`);
  }, 120_000);
});
