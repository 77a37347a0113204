import { suppressionNoteMessage } from '../../analysis/suppress/index.js';
import { eslintDisableHintMessage } from '../suppress/index.js';
import { escapeControlCharacters } from './escape.js';
import { exitCodeOf, type GuardVerdict, type Reporter } from './types.js';

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** Baseline and suppression lines after the findings: what is accepted, stale or to prune. */
function acceptanceLines(verdict: GuardVerdict): string[] {
  const lines: string[] = [];
  const baseline = verdict.baseline;
  for (const entry of baseline?.grown ?? []) {
    lines.push(`${entry.file}  ${entry.ruleId}  ${entry.capability ?? '-'}  ${entry.found} found, ${entry.count} in the baseline: all are shown above`);
  }
  for (const entry of baseline?.removable ?? []) {
    lines.push(`${entry.file}  ${entry.ruleId}  ${entry.capability ?? '-'}  fixed: ${plural(entry.count, 'baseline entry', 'baseline entries')} to remove (--prune-baseline)`);
  }
  for (const note of verdict.suppressionNotes) {
    const where = `${note.file}:${note.commentLine}:${note.commentColumn}`;
    lines.push(`${where}  ${suppressionNoteMessage(note)}`);
  }
  for (const hint of verdict.eslintDisableHints) lines.push(`${hint.file}:${hint.commentLine}:${hint.commentColumn}  ${eslintDisableHintMessage(hint)}`);
  return lines.map(escapeControlCharacters);
}

function summary(verdict: GuardVerdict): string {
  const count = verdict.result.findings.length;
  const modules = plural(verdict.result.stats.files, 'module');
  const extras = [
    verdict.suppressed.length > 0 ? `${verdict.suppressed.length} suppressed` : '',
    verdict.baseline !== null && verdict.baseline.accepted.length > 0 ? `${verdict.baseline.accepted.length} in the baseline` : '',
    verdict.baseline !== null && verdict.baseline.removable.length > 0 ? `${plural(verdict.baseline.removable.length, 'baseline entry', 'baseline entries')} to prune` : '',
    verdict.baseline?.written === undefined ? '' : `baseline ${verdict.baseline.written}: ${verdict.baseline.file}`,
  ].filter((part) => part !== '');
  const head = count === 0 ? `tki-guard: no findings in ${modules}` : `tki-guard: ${plural(count, 'finding')} in ${modules}`;
  return extras.length === 0 ? head : `${head} (${extras.join(', ')})`;
}

/**
 * A message as a terminal line: without its final period, as ESLint's default (stylish)
 * formatter shows the same message, so the editor's and CI's lines read alike. The message itself
 * (JSON, SARIF, ESLint's own JSON) keeps the period: one text, from analysis/syntax/messages.ts.
 */
export function terminalMessage(message: string): string {
  return message.length > 1 && message.endsWith('.') && message.at(-2) !== ' ' ? message.slice(0, -1) : message;
}

/** `file:line:col  rule  capability  message`, then the witness path; accepted entries; a summary line last. */
export const textReporter: Reporter = (verdict) => {
  const lines: string[] = [];
  for (const finding of verdict.result.findings) {
    const where = `${finding.file}:${finding.line}:${finding.column}`;
    lines.push(escapeControlCharacters(`${where}  ${finding.ruleId}  ${finding.capability ?? '-'}  ${terminalMessage(finding.message)}`));
    if (finding.witness !== undefined) lines.push(escapeControlCharacters(`    ${finding.witness.join(' → ')}`));
  }
  lines.push(...acceptanceLines(verdict), summary(verdict));
  return { output: `${lines.join('\n')}\n`, exitCode: exitCodeOf(verdict) };
};
