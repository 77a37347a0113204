import { existsSync } from 'node:fs';
import type { BindingReport, BindingRow } from '../binding.js';
import { sha256OfFile } from '../evidence.js';
import { MATRIX } from '../matrix.js';
import { combine, finding, type ArticleAudit, type AuditFinding } from './types.js';

/**
 * Article 14 applied to the project's own proof: every claim of the binding report is backed by
 * captured evidence from a run that happened, no row passes on prose, nothing reports success that
 * was not run. Judged from the binding report alone (and the files its runs left on disk).
 */
interface ConditionShape {
  readonly statement?: unknown;
  readonly holds?: unknown;
  readonly observed?: unknown;
}

const conditionsOf = (row: BindingRow): ConditionShape[] => (Array.isArray(row.evidence.conditions) ? (row.evidence.conditions as ConditionShape[]) : []);
const runIdsOf = (row: BindingRow): string[] => (Array.isArray(row.evidence.runs) ? (row.evidence.runs as unknown[]).map(String) : []);
const isEmpty = (value: unknown): boolean => value === undefined || value === null || value === '' || (typeof value === 'object' && Object.keys(value).length === 0);

function backedFinding(binding: BindingReport): AuditFinding {
  const known = new Set(binding.runs.map((run) => run.id));
  const problems: string[] = [];
  const passing = binding.rows.filter((row) => row.result === 'PASS');
  for (const row of passing) {
    const matrixRow = MATRIX.find((entry) => entry.number === row.number);
    const runs = runIdsOf(row);
    const conditions = conditionsOf(row);
    if (runs.length === 0) problems.push(`row ${row.number}: PASS cites no run`);
    for (const id of runs.filter((candidate) => !known.has(candidate))) problems.push(`row ${row.number}: cites run ${id}, which the run log does not hold`);
    if (conditions.length === 0) problems.push(`row ${row.number}: PASS with no checked condition`);
    if (conditions.some((entry) => entry.holds !== true)) problems.push(`row ${row.number}: PASS although a condition does not hold`);
    if (conditions.some((entry) => entry.observed === undefined)) problems.push(`row ${row.number}: a condition has no observed value (prose only)`);
    for (const kind of matrixRow?.proof ?? []) {
      if (kind !== 'deferred' && isEmpty(row.evidence[kind])) problems.push(`row ${row.number}: the matrix asks for ${kind} evidence and none was captured`);
    }
  }
  const evidence = { pass_rows: passing.length, runs_in_log: binding.runs.length, problems: problems.slice(0, 30) };
  return problems.length === 0
    ? finding('a14-evidence-backed', 'every PASS row cites real runs from the log, checked conditions that all hold with observed values, and captured evidence of every proof kind the matrix names for it', 'PASS', evidence)
    : finding('a14-evidence-backed', 'every PASS row is backed by captured evidence', 'FAIL', evidence, problems.join('; '));
}

function sandboxFinding(binding: BindingReport): AuditFinding {
  const problems: string[] = [];
  for (const row of binding.rows.filter((entry) => entry.result === 'PASS')) {
    const matrixRow = MATRIX.find((entry) => entry.number === row.number);
    if (matrixRow === undefined || !matrixRow.realSandbox || !matrixRow.layers.some((layer) => layer === 'L1' || layer === 'L3')) continue;
    const runs = binding.runs.filter((run) => runIdsOf(row).includes(run.id));
    if (!runs.some((run) => run.command.join(' ').includes('bwrap') && run.exit_code !== null)) problems.push(`row ${row.number}: names ${matrixRow.layers.join('+')} but cites no completed run in the real sandbox`);
  }
  const evidence = { problems };
  return problems.length === 0
    ? finding('a14-real-sandbox', 'every passing row of 24–37 that names L1 or L3 cites a completed run inside the real bubblewrap sandbox', 'PASS', evidence)
    : finding('a14-real-sandbox', 'rows 24–37 hold against the real sandbox', 'FAIL', evidence, problems.join('; '));
}

function artifactsFinding(binding: BindingReport): AuditFinding {
  const artifacts = binding.runs.flatMap((run) => run.artifacts.map((artifact) => ({ run: run.id, ...artifact })));
  const changed = artifacts.filter((artifact) => !existsSync(artifact.path) || sha256OfFile(artifact.path) !== artifact.sha256).map((artifact) => `${artifact.run}: ${artifact.path}`);
  const evidence = { artifacts_rehashed: artifacts.length, missing_or_changed: changed.slice(0, 20) };
  if (artifacts.length === 0) return finding('a14-artifacts-intact', 'the files the runs wrote are still the files the rows were judged on', 'FAIL', evidence, 'the run log lists no artifact at all');
  return changed.length === 0
    ? finding('a14-artifacts-intact', 'every file the runs wrote (reports, attestation bundle, guard output) still has the sha256 recorded when the row was judged', 'PASS', evidence)
    : finding('a14-artifacts-intact', 'the files the runs wrote are still the files the rows were judged on', 'FAIL', evidence, `${changed.length} artifact(s) missing or changed since the run`);
}

function honestyFinding(binding: BindingReport): AuditFinding {
  const problems: string[] = [];
  const numbers = binding.rows.map((row) => row.number).join();
  if (numbers !== MATRIX.map((row) => row.number).join()) problems.push('the binding rows are not exactly the matrix rows');
  for (const row of binding.rows) {
    const matrixRow = MATRIX.find((entry) => entry.number === row.number);
    if (matrixRow !== undefined && (matrixRow.name !== row.name || matrixRow.layers.join() !== row.layers.join() || matrixRow.blockPoint !== row.block_point)) problems.push(`row ${row.number}: name/layers/block point differ from the matrix`);
    if (row.result !== 'PASS' && (row.reason === undefined || row.reason === '')) problems.push(`row ${row.number}: ${row.result} without a reason`);
    if (row.result === 'DEFERRED' && conditionsOf(row).length > 0) problems.push(`row ${row.number}: DEFERRED yet it lists checked conditions`);
    if (matrixRow?.proof.includes('deferred') === true && row.result === 'PASS') problems.push(`row ${row.number}: the matrix defers it, yet it reports PASS`);
  }
  const counted = { PASS: 0, FAIL: 0, DEFERRED: 0 };
  for (const row of binding.rows) counted[row.result] += 1;
  if (JSON.stringify(counted) !== JSON.stringify(binding.summary)) problems.push(`the summary ${JSON.stringify(binding.summary)} does not count the rows ${JSON.stringify(counted)}`);
  const evidence = { summary: binding.summary, failing_rows: binding.rows.filter((row) => row.result === 'FAIL').map((row) => `${row.number}: ${row.reason ?? ''}`.slice(0, 300)), deferred_rows: binding.rows.filter((row) => row.result === 'DEFERRED').map((row) => `${row.number}: ${row.reason ?? ''}`), problems };
  return problems.length === 0
    ? finding('a14-no-silent-results', 'the binding has exactly the 45 matrix rows; every FAIL and DEFERRED row says why; the deferred row is never PASS; the summary counts the rows', 'PASS', evidence)
    : finding('a14-no-silent-results', 'nothing is reported that was not judged', 'FAIL', evidence, problems.join('; '));
}

/** How an input shows up in evidence: a path by its last segment, a probe or sandbox by what follows the prefix. */
export function inputToken(input: string): string {
  const prefixed = /^(probe|sandbox):(.+)$/.exec(input);
  return prefixed?.[2] ?? input.split('/').filter((segment) => segment !== '').pop() ?? input;
}

function inputsFinding(binding: BindingReport): AuditFinding {
  const problems: string[] = [];
  for (const row of binding.rows.filter((entry) => entry.result === 'PASS')) {
    const cited = binding.runs.filter((run) => runIdsOf(row).includes(run.id));
    const haystack = [JSON.stringify(row.evidence), ...cited.flatMap((run) => [...run.command, ...run.inputs])].join('\n');
    for (const input of row.inputs) if (!haystack.includes(inputToken(input))) problems.push(`row ${row.number}: the matrix input ${input} appears in neither its evidence nor its runs`);
  }
  const evidence = { inputs_checked: binding.rows.filter((row) => row.result === 'PASS').reduce((sum, row) => sum + row.inputs.length, 0), problems };
  return problems.length === 0
    ? finding('a14-inputs-used', 'every input the matrix names for a passing row (fixture, planted file, probe, deviating sandbox) shows up in that row\'s evidence or in the runs it cites', 'PASS', evidence)
    : finding('a14-inputs-used', 'each passing row was run on the inputs the matrix names', 'FAIL', evidence, problems.join('; '));
}

export function auditArticle14(binding: BindingReport): ArticleAudit {
  const findings = [backedFinding(binding), sandboxFinding(binding), artifactsFinding(binding), inputsFinding(binding), honestyFinding(binding)];
  return { article: 'Article 14', question: 'Is every claim of the binding report backed by captured evidence from a run that happened?', status: combine(findings), findings };
}
