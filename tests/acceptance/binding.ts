import type { RunRecord } from './evidence.js';
import type { Layer, MatrixRow } from './matrix.js';

/**
 * The binding report: per matrix row, the layer, what was attempted, the evidence observed in the
 * real run and the result. Evidence is whatever the row's check captured (guard findings, report
 * fields, probe errnos); nothing here is typed in by hand.
 */
export type RowResult = 'PASS' | 'FAIL' | 'DEFERRED';

export interface RowOutcome {
  readonly result: RowResult;
  /** What the check attempted, in one line. */
  readonly attempted: string;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly reason?: string;
}

export interface BindingRow {
  readonly number: number;
  readonly name: string;
  readonly layers: readonly Layer[];
  readonly block_point: string;
  readonly expected: string;
  /** The matrix row's inputs (fixtures, planted files, probes, deviating sandboxes). */
  readonly inputs: readonly string[];
  readonly attempted: string;
  readonly result: RowResult;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly reason?: string;
}

export interface BindingReport {
  readonly generated_at: string;
  /** Wall-clock time of the whole acceptance run (all checks, shared runs included). */
  readonly duration_ms: number;
  readonly summary: Readonly<Record<RowResult, number>>;
  readonly rows: readonly BindingRow[];
  /** Every subprocess or API call the run made; rows cite these ids in `evidence.runs`. */
  readonly runs: readonly RunRecord[];
}

export function bindRow(row: MatrixRow, outcome: RowOutcome): BindingRow {
  return {
    number: row.number,
    name: row.name,
    layers: row.layers,
    block_point: row.blockPoint,
    expected: row.expected,
    inputs: row.inputs,
    attempted: outcome.attempted,
    result: outcome.result,
    evidence: outcome.evidence,
    ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
  };
}

export function buildBindingReport(rows: readonly BindingRow[], runs: readonly RunRecord[], now: Date, durationMs: number): BindingReport {
  const summary: Record<RowResult, number> = { PASS: 0, FAIL: 0, DEFERRED: 0 };
  for (const row of rows) summary[row.result] += 1;
  return { generated_at: now.toISOString(), duration_ms: durationMs, summary, rows: [...rows].sort((a, b) => a.number - b.number), runs };
}

const cell = (text: string): string => text.replace(/[\u0000-\u001f\u007f]/g, ' ').replaceAll('|', '\\|');

const short = (value: unknown, limit: number): string => {
  const text = cell(typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined'));
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
};

interface ConditionLike {
  readonly statement?: unknown;
  readonly holds?: unknown;
  readonly observed?: unknown;
}

/** Conditions first (what was checked, what was observed), then the captured proofs, then the run ids. */
function evidenceLines(evidence: Readonly<Record<string, unknown>>): string {
  const lines: string[] = [];
  const conditions = Array.isArray(evidence.conditions) ? (evidence.conditions as ConditionLike[]) : [];
  for (const entry of conditions) lines.push(`- [${entry.holds === true ? 'x' : ' '}] ${short(entry.statement, 300)} — observed: ${short(entry.observed, 400)}`);
  for (const [key, value] of Object.entries(evidence)) {
    if (key === 'conditions' || key === 'runs') continue;
    lines.push(`- \`${key}\`: ${short(value, 1200)}`);
  }
  if (Array.isArray(evidence.runs)) lines.push(`- runs: ${(evidence.runs as unknown[]).map((id) => `\`${String(id)}\``).join(', ') || '(none)'}`);
  return lines.join('\n');
}

export function renderBindingMarkdown(report: BindingReport): string {
  const { PASS, FAIL, DEFERRED } = report.summary;
  const lines = [
    '# tki acceptance binding report',
    '',
    `Generated ${report.generated_at} in ${(report.duration_ms / 1000).toFixed(1)} s. ${PASS} rows hold, ${FAIL} fail, ${DEFERRED} deferred.`,
    'Each result is about this project (the product\'s own proof), never about a dossier.',
    '',
    'How to read it: each row below lists the conditions its check verified (`[x]` held, `[ ]` did not), each with the value observed in the real run;',
    'then the captured proofs (guard findings, report fields, probe records, P1 refusals) and the ids of the runs they came from (the Runs table at the end:',
    'argv, exit code, duration, files written with their sha256). A row is PASS only when every condition held; row 32 is DEFERRED to the export step.',
    '',
    '| # | test | layers | block point | result |',
    '|---|---|---|---|---|',
    ...report.rows.map((row) => `| ${row.number} | ${cell(row.name)} | ${row.layers.join('+')} | ${row.block_point} | ${row.result} |`),
    '',
    '## Evidence, row by row',
    '',
  ];
  for (const row of report.rows) {
    lines.push(`### ${row.number}. ${cell(row.name)} — ${row.result}`, '', `Expected: ${cell(row.expected)}.`, `Inputs: ${row.inputs.map((input) => `\`${cell(input)}\``).join(', ') || '(none)'}.`, `Attempted: ${cell(row.attempted)}.`);
    if (row.reason !== undefined) lines.push(`Reason: ${cell(row.reason)}.`);
    lines.push('', evidenceLines(row.evidence), '');
  }
  lines.push('## Runs', '', '| id | what | exit | ms | artifacts |', '|---|---|---|---|---|');
  for (const run of report.runs) lines.push(`| \`${run.id}\` | ${cell(run.what)} | ${run.exit_code ?? '—'} | ${run.duration_ms} | ${run.artifacts.length} |`);
  return `${lines.join('\n')}\n`;
}
