import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline, baselineFor, prunedBaseline, serializeBaseline, entriesOf, baselineSchema } from '../../guard/baseline/index.js';
import type { GuardFinding } from '../../guard/index.js';
import { repoRoot } from './helpers.js';

const cli = path.join(repoRoot, 'dist/guard/cli.js');

function guard(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, '--no-cache', '--no-depcruise', '.', ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A private copy of the laundering-barrel fixture: entry.ts → lib/index.ts → lib/sockets.ts → node:net. */
function project(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'tki-baseline-'));
  cpSync(path.join(repoRoot, 'fixtures/evasions/cross-module/laundering-barrel'), directory, { recursive: true });
  return directory;
}

const finding = (file: string, ruleId: string, capability: string | null, line = 1): GuardFinding => ({ file, line, column: 1, ruleId: ruleId as GuardFinding['ruleId'], capability: capability as GuardFinding['capability'], message: 'm' });

describe('baseline counting', () => {
  it('accepts up to the known count, fails a grown key as a whole, and leaves fixed counts removable', () => {
    const known = baselineFor([finding('a.ts', 'no-dynamic-code', 'DYNAMIC_CODE'), finding('b.ts', 'no-raw-sql', null), finding('b.ts', 'no-raw-sql', null, 9)]);
    const now = [finding('a.ts', 'no-dynamic-code', 'DYNAMIC_CODE', 30), finding('a.ts', 'no-dynamic-code', 'DYNAMIC_CODE', 31), finding('b.ts', 'no-raw-sql', null, 4)];
    const outcome = applyBaseline(now, known);
    expect(outcome.failing.map((f) => f.line)).toEqual([30, 31]);
    expect(outcome.accepted.map((f) => f.line)).toEqual([4]);
    expect(outcome.removable).toEqual([{ file: 'b.ts', ruleId: 'no-raw-sql', capability: null, count: 1 }]);
    expect(outcome.grown).toEqual([{ file: 'a.ts', ruleId: 'no-dynamic-code', capability: 'DYNAMIC_CODE', count: 1, found: 2 }]);
    expect(prunedBaseline(now, known)).toEqual([
      { file: 'a.ts', ruleId: 'no-dynamic-code', capability: 'DYNAMIC_CODE', count: 1 },
      { file: 'b.ts', ruleId: 'no-raw-sql', capability: null, count: 1 },
    ]);
  });

  it('round-trips through its file format, sorted and stable', () => {
    const entries = baselineFor([finding('z.ts', 'no-raw-sql', null), finding('a.ts', 'transitive-capability', 'NETWORK'), finding('a.ts', 'transitive-capability', 'NETWORK')]);
    const text = serializeBaseline(entries);
    expect(Object.keys((JSON.parse(text) as { findings: object }).findings)).toEqual(['a.ts', 'z.ts']);
    expect(entriesOf(baselineSchema.parse(JSON.parse(text)))).toEqual([
      { file: 'a.ts', ruleId: 'transitive-capability', capability: 'NETWORK', count: 2 },
      { file: 'z.ts', ruleId: 'no-raw-sql', capability: null, count: 1 },
    ]);
    expect(serializeBaseline(entriesOf(baselineSchema.parse(JSON.parse(text))))).toBe(text);
  });
});

describe('tki-guard --baseline', () => {
  it('is built', () => expect(existsSync(cli), 'run `npm run build` first').toBe(true));

  it('adopts in one step, then fails only what is new', () => {
    const directory = project();
    const adopted = guard(directory, '--update-baseline');
    expect(adopted.status).toBe(0);
    expect(adopted.stdout).toMatch(/no findings in 4 modules \(3 in the baseline, baseline updated: tki-baseline\.json\)/);
    const baseline = JSON.parse(readFileSync(path.join(directory, 'tki-baseline.json'), 'utf8')) as { findings: Record<string, Record<string, Record<string, number>>> };
    expect(baseline.findings['entry.ts']).toEqual({ 'transitive-capability': { NETWORK: 1 } });

    // The default baseline file is picked up by a plain run.
    expect(guard(directory)).toMatchObject({ status: 0, stdout: expect.stringMatching(/no findings in 4 modules \(3 in the baseline\)/) });

    writeFileSync(path.join(directory, 'spawn.ts'), "import { execFile } from 'node:child_process';\nexport const run = execFile;\n");
    const added = guard(directory);
    expect(added.status).toBe(1);
    expect(added.stdout).toContain('spawn.ts:1:10  no-forbidden-capability  EXEC');
    expect(added.stdout).not.toContain('entry.ts:1:1');
  });

  it('survives line moves and the renaming of an intermediate module', () => {
    const directory = project();
    expect(guard(directory, '--update-baseline').status).toBe(0);
    writeFileSync(path.join(directory, 'entry.ts'), `// moved down\n\n\n${readFileSync(path.join(directory, 'entry.ts'), 'utf8')}`);
    expect(guard(directory).status).toBe(0);

    renameSync(path.join(directory, 'lib/index.ts'), path.join(directory, 'lib/barrel.ts'));
    writeFileSync(path.join(directory, 'entry.ts'), readFileSync(path.join(directory, 'entry.ts'), 'utf8').replace('./lib/index.js', './lib/barrel.js'));
    const renamed = JSON.parse(guard(directory, '--format', 'json').stdout) as { findings: GuardFinding[]; baseline: { accepted: GuardFinding[] } };
    // entry.ts keeps its entry although its witness path changed; the renamed barrel's own finding is new under its new name.
    expect(renamed.baseline.accepted.map((f) => f.file).sort()).toEqual(['entry.ts', 'lib/sockets.ts']);
    expect(renamed.findings.map((f) => f.file)).toEqual(['lib/barrel.ts']);
  });

  it('reports fixed findings as removable and fails until they are pruned', () => {
    const directory = project();
    expect(guard(directory, '--update-baseline').status).toBe(0);
    writeFileSync(path.join(directory, 'entry.ts'), 'export const connect = (): number => 8080;\n');
    const fixed = guard(directory);
    expect(fixed.status).toBe(1);
    expect(fixed.stdout).toContain('entry.ts  transitive-capability  NETWORK  fixed: 1 baseline entry to remove (--prune-baseline)');
    const pruned = guard(directory, '--prune-baseline');
    expect(pruned.status).toBe(0);
    expect(Object.keys((JSON.parse(readFileSync(path.join(directory, 'tki-baseline.json'), 'utf8')) as { findings: object }).findings).sort()).toEqual(['lib/index.ts', 'lib/sockets.ts']);
    expect(guard(directory).status).toBe(0);
  });

  it('prune accepts nothing new', () => {
    const directory = project();
    expect(guard(directory, '--update-baseline').status).toBe(0);
    writeFileSync(path.join(directory, 'spawn.ts'), "import { execFile } from 'node:child_process';\nexport const run = execFile;\n");
    expect(guard(directory, '--prune-baseline').status).toBe(1);
    expect(readFileSync(path.join(directory, 'tki-baseline.json'), 'utf8')).not.toContain('spawn.ts');
  });

  it('never writes suppressed findings into the baseline', () => {
    const directory = project();
    writeFileSync(path.join(directory, 'lib/sockets.ts'), `// tki-allow-next-line no-forbidden-capability -- the socket module\n${readFileSync(path.join(directory, 'lib/sockets.ts'), 'utf8')}`);
    expect(guard(directory, '--update-baseline').status).toBe(0);
    const text = readFileSync(path.join(directory, 'tki-baseline.json'), 'utf8');
    expect(text).not.toContain('lib/sockets.ts');
    // Suppressed, the capability still flows: the importers' findings are what the baseline holds.
    expect(text).toContain('entry.ts');
  });

  it.each([
    ['not JSON', '{', /tki-baseline\.json: not a tki-guard baseline: /],
    ['a wrong shape', '{"version":1,"findings":{"a.ts":{"no-raw-sql":{"NETWRK":1}}}}', /not a tki-guard baseline: findings\.a\.ts\.no-raw-sql: Unrecognized key: "NETWRK"/],
  ])('exits 2 with one line on a baseline that is %s', (_name, text, pattern) => {
    const directory = project();
    writeFileSync(path.join(directory, 'tki-baseline.json'), text);
    const result = guard(directory);
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(pattern);
  });

  it('exits 2 when a named baseline does not exist, and ignores the default one with --no-baseline', () => {
    const directory = project();
    expect(guard(directory, '--baseline', 'missing.json')).toMatchObject({ status: 2, stderr: expect.stringMatching(/missing\.json: no such baseline file/) });
    expect(guard(directory, '--update-baseline').status).toBe(0);
    expect(guard(directory, '--no-baseline').status).toBe(1);
    rmSync(directory, { recursive: true, force: true });
  });
});
