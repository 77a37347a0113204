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
  readonly attempted: string;
  readonly result: RowResult;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly reason?: string;
}

export interface BindingReport {
  readonly generated_at: string;
  readonly summary: Readonly<Record<RowResult, number>>;
  readonly rows: readonly BindingRow[];
}

export function bindRow(row: MatrixRow, outcome: RowOutcome): BindingRow {
  return {
    number: row.number,
    name: row.name,
    layers: row.layers,
    block_point: row.blockPoint,
    expected: row.expected,
    attempted: outcome.attempted,
    result: outcome.result,
    evidence: outcome.evidence,
    ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
  };
}

export function buildBindingReport(rows: readonly BindingRow[], now: Date): BindingReport {
  const summary: Record<RowResult, number> = { PASS: 0, FAIL: 0, DEFERRED: 0 };
  for (const row of rows) summary[row.result] += 1;
  return { generated_at: now.toISOString(), summary, rows: [...rows].sort((a, b) => a.number - b.number) };
}

const cell = (text: string): string => text.replace(/[\u0000-\u001f\u007f]/g, ' ').replaceAll('|', '\\|');

function evidenceLines(evidence: Readonly<Record<string, unknown>>): string {
  return Object.entries(evidence)
    .map(([key, value]) => `  - \`${key}\`: ${cell(typeof value === 'string' ? value : JSON.stringify(value)).slice(0, 600)}`)
    .join('\n');
}

export function renderBindingMarkdown(report: BindingReport): string {
  const { PASS, FAIL, DEFERRED } = report.summary;
  const lines = [
    '# tki acceptance binding report',
    '',
    `Generated ${report.generated_at}. ${PASS} rows hold, ${FAIL} fail, ${DEFERRED} deferred.`,
    'Each result is about this project (the product\'s own proof), never about a dossier.',
    '',
    '| # | test | layers | block point | result |',
    '|---|---|---|---|---|',
    ...report.rows.map((row) => `| ${row.number} | ${cell(row.name)} | ${row.layers.join('+')} | ${row.block_point} | ${row.result} |`),
    '',
    '## Evidence, row by row',
    '',
  ];
  for (const row of report.rows) {
    lines.push(`### ${row.number}. ${cell(row.name)} — ${row.result}`, '', `Expected: ${cell(row.expected)}.`, `Attempted: ${cell(row.attempted)}.`);
    if (row.reason !== undefined) lines.push(`Reason: ${cell(row.reason)}.`);
    lines.push('', evidenceLines(row.evidence), '');
  }
  return `${lines.join('\n')}\n`;
}
