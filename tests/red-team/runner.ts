import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedTeamEnforcer, RedTeamRow } from '../../fixtures/evasions/red-team/table.js';
import { ENFORCERS, rowDirectory, runGuardCli, runPlugin, type EnforcerRun } from './enforcers.js';
import { checkKey, expectationOf, judge, type Target } from './judge.js';
import { WHOLE_PROGRAM_RULE_IDS } from '../../analysis/suppress/notes.js';

/** One red-team round: its folder, its table and the checks known to fail today (see the table's header). */
export interface RedTeamCorpus {
  readonly title: string;
  /** The corpus folder: rows/<id>/, tki.policy.json, tsconfig.batch.json, tsconfig.lint.json. */
  readonly root: string;
  readonly table: readonly RedTeamRow[];
  readonly expectedToFailToday: readonly string[];
  readonly minimum: { readonly evasions: number; readonly lookalikes: number };
  /**
   * When given, the typed plugin must give each linted file the verdict the typed guard gives it
   * (the same capabilities), except the `id:target` files listed, each named in docs/caveats.md.
   */
  readonly typedDivergences?: readonly string[];
}

/**
 * One file's verdict: its capabilities, sorted, or `clean`; what flows in from other files
 * (`transitive-capability`) is left out. `fileRulesOnly` leaves out every finding only a whole
 * program can make (an edge that does not resolve, too): what a per-file linter can say at all.
 */
function verdictOf(run: EnforcerRun, file: string, fileRulesOnly = false): string {
  if (!run.ok) return `error (${run.error})`;
  const wholeProgram: readonly string[] = fileRulesOnly ? WHOLE_PROGRAM_RULE_IDS : ['transitive-capability'];
  const capabilities = run.findings.filter((finding) => finding.file === file && !wholeProgram.includes(finding.ruleId)).flatMap((finding) => finding.capabilities);
  return capabilities.length === 0 ? 'clean' : [...new Set(capabilities)].sort().join('+');
}

const TARGETS: readonly Target[] = ['case', 'control'];
/** Running every enforcer over a corpus takes minutes; on a machine loaded by other work, longer (TKI_RED_TEAM_SETUP_MS). */
const SETUP_TIMEOUT_MS = Number(process.env['TKI_RED_TEAM_SETUP_MS'] ?? 1_800_000);

/** Runs `tasks` two at a time: the machine is shared, and every guard run is its own node process. */
async function inPool(tasks: ReadonlyArray<() => Promise<void>>, width = 2): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) await tasks[next++]?.();
  };
  await Promise.all(Array.from({ length: width }, lane));
}

/** A case run and a control run as one: findings of both, the error of the case side kept for the case. */
function mergeSides(caseRun: EnforcerRun, controlRun: EnforcerRun): EnforcerRun {
  if (caseRun.ok && controlRun.ok) return { ok: true, findings: [...caseRun.findings, ...controlRun.findings] };
  return { ok: true, findings: [...(caseRun.ok ? caseRun.findings : [{ file: '(case tool error)', ruleId: caseRun.error, capabilities: [] }]), ...(controlRun.ok ? controlRun.findings : [])] };
}

/** Declares the vitest suite of one corpus: every row's case and control through the four enforcers. */
export function describeRedTeamCorpus(corpus: RedTeamCorpus): void {
  const { root, table, expectedToFailToday } = corpus;
  const guardRuns = new Map<string, EnforcerRun>();
  const pluginRuns = new Map<string, EnforcerRun>();
  const failures: string[] = [];
  const guardKey = (row: RedTeamRow, enforcer: RedTeamEnforcer): string => `${row.id}:${enforcer}`;

  /** A row with its own tki.policy.json cannot share a run: the guard refuses files that another policy governs. */
  const runsAlone = (row: RedTeamRow): boolean => row.isolated === true || existsSync(path.join(rowDirectory(row, root), 'tki.policy.json'));
  const batchFilesOf = (rows: readonly RedTeamRow[]): string[] => rows.flatMap((row) => [...row.case, ...row.control].map((file) => path.relative(root, path.join(rowDirectory(row, root), file))));

  /** Both sides in one run per mode; when that is a tool error, each side alone (so one side cannot sink the other). */
  async function guardRow(row: RedTeamRow): Promise<void> {
    const cwd = rowDirectory(row, root);
    const typed = await runGuardCli(cwd, { project: 'tsconfig.json' });
    const fast = await runGuardCli(cwd, { paths: [...row.case, ...row.control] });
    guardRuns.set(guardKey(row, 'guard-typed'), typed);
    guardRuns.set(guardKey(row, 'guard-fast'), fast);
    if (!fast.ok) guardRuns.set(guardKey(row, 'guard-fast'), mergeSides(await runGuardCli(cwd, { paths: row.case }), await runGuardCli(cwd, { paths: row.control })));
    if (!typed.ok && fast.ok) guardRuns.set(guardKey(row, 'guard-typed'), { ok: false, error: `${typed.error} (the syntactic run of the same files succeeded)` });
  }

  /**
   * Shared rows go through one guard run per mode. A tool error there is every shared row's result
   * (each check then fails, naming it): falling back to one run per row once hid a refused batch
   * behind half an hour of single runs.
   */
  async function guardBatch(rows: readonly RedTeamRow[]): Promise<void> {
    const typed = await runGuardCli(root, { project: 'tsconfig.batch.json' });
    const fast = await runGuardCli(root, { paths: batchFilesOf(rows) });
    for (const row of rows) {
      guardRuns.set(guardKey(row, 'guard-typed'), typed);
      guardRuns.set(guardKey(row, 'guard-fast'), fast);
    }
  }

  async function lintAll(): Promise<void> {
    const withPolicy = table.filter((row) => existsSync(path.join(rowDirectory(row, root), 'tki.policy.json')));
    const linted = table.flatMap((row) => (row.lint === undefined ? [] : [path.join(rowDirectory(row, root), row.lint.case), path.join(rowDirectory(row, root), row.lint.control)]));
    for (const typed of [false, true]) {
      const runs = await runPlugin(linted, withPolicy, typed, root);
      for (const [file, run] of runs) pluginRuns.set(`${file}:${typed ? 'plugin-typed' : 'plugin'}`, run);
    }
  }

  function runFor(row: RedTeamRow, target: Target, enforcer: RedTeamEnforcer): EnforcerRun {
    if (enforcer === 'guard-typed' || enforcer === 'guard-fast') return guardRuns.get(guardKey(row, enforcer)) ?? { ok: false, error: 'not run' };
    const file = path.join(rowDirectory(row, root), row.lint?.[target] ?? '');
    return pluginRuns.get(`${file}:${enforcer}`) ?? { ok: false, error: 'not linted' };
  }

  /** Every asserted check of a row, as `key: problem` lines (empty when the row behaves as the table says). */
  function problemsOf(row: RedTeamRow): string[] {
    const problems: string[] = [];
    for (const target of TARGETS) {
      for (const enforcer of ENFORCERS) {
        const expectation = expectationOf(row, target, enforcer);
        if (expectation === 'not-asserted') continue;
        const key = checkKey(row, target, enforcer);
        const { met, saw } = judge(row, target, expectation, runFor(row, target, enforcer), root);
        if (!met) failures.push(key);
        const listed = expectedToFailToday.includes(key);
        if (!met && !listed) problems.push(`${key}: expected ${expectation} (${row.accept.join('|')}), saw ${saw}`);
        if (met && listed) problems.push(`${key}: passes now; remove it from EXPECTED_TO_FAIL_TODAY`);
      }
    }
    return problems;
  }

  describe(corpus.title, () => {
    beforeAll(async () => {
      await guardBatch(table.filter((row) => !runsAlone(row)));
      await inPool(table.filter(runsAlone).map((row) => () => guardRow(row)));
      await lintAll();
    }, SETUP_TIMEOUT_MS);

    afterAll(() => {
      const target = process.env.RED_TEAM_RECORD;
      if (target !== undefined && target !== '') writeFileSync(target, `${JSON.stringify([...new Set(failures)].sort(), null, 2)}\n`);
    });

    it(`holds at least ${corpus.minimum.evasions} evasions and ${corpus.minimum.lookalikes} look-alikes, each with its case and control files`, () => {
      expect(table.filter((row) => row.kind === 'evasion').length).toBeGreaterThanOrEqual(corpus.minimum.evasions);
      expect(table.filter((row) => row.kind === 'lookalike').length).toBeGreaterThanOrEqual(corpus.minimum.lookalikes);
      const missing = table.flatMap((row) => [...row.case, ...row.control, 'tsconfig.json'].filter((file) => !existsSync(path.join(rowDirectory(row, root), file))).map((file) => `${row.id}/${file}`));
      expect(missing).toEqual([]);
      expect(new Set(table.map((row) => row.id)).size).toBe(table.length);
    });

    it('tsconfig.batch.json lists exactly the files of the rows that share one run (not isolated, no policy of their own)', () => {
      const batch = JSON.parse(readFileSync(path.join(root, 'tsconfig.batch.json'), 'utf8')) as { files: string[] };
      expect(batch.files).toEqual(batchFilesOf(table.filter((row) => !runsAlone(row))));
    });

    it('lists in EXPECTED_TO_FAIL_TODAY only checks the table asserts', () => {
      const asserted = new Set(table.flatMap((row) => TARGETS.flatMap((target) => ENFORCERS.filter((enforcer) => expectationOf(row, target, enforcer) !== 'not-asserted').map((enforcer) => checkKey(row, target, enforcer)))));
      expect(expectedToFailToday.filter((key) => !asserted.has(key))).toEqual([]);
    });

    const divergences = corpus.typedDivergences;
    if (divergences !== undefined) {
      it('gives one verdict per linted file in typed mode: the plugin says what the guard says of that file', () => {
        const divergent: string[] = [];
        for (const row of table) {
          for (const target of TARGETS) {
            const file = row.lint?.[target];
            if (file === undefined) continue;
            const absolute = path.join(rowDirectory(row, root), file);
            const guard = verdictOf(runFor(row, target, 'guard-typed'), absolute, true);
            const plugin = verdictOf(runFor(row, target, 'plugin-typed'), absolute, true);
            if (guard !== plugin && !divergences.includes(`${row.id}:${target}`)) divergent.push(`${row.id}:${target}: guard ${guard}, plugin ${plugin}`);
          }
        }
        expect(divergent).toEqual([]);
      });
    }

    it.each(table.map((row) => [row.id, row] as const))('%s', (_id, row) => {
      expect(problemsOf(row)).toEqual([]);
    });
  });
}
