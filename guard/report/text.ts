import { escapeControlCharacters } from './escape.js';
import { exitCodeOf, type Reporter } from './types.js';

/** `file:line:col  rule  capability  message`, then the witness path; a summary line last. */
export const textReporter: Reporter = (result) => {
  const lines: string[] = [];
  for (const finding of result.findings) {
    const where = `${finding.file}:${finding.line}:${finding.column}`;
    lines.push(escapeControlCharacters(`${where}  ${finding.ruleId}  ${finding.capability ?? '-'}  ${finding.message}`));
    if (finding.witness !== undefined) lines.push(escapeControlCharacters(`    ${finding.witness.join(' → ')}`));
  }
  const count = result.findings.length;
  const files = result.stats.files;
  const modules = `${files} module${files === 1 ? '' : 's'}`;
  lines.push(count === 0 ? `tki-guard: no findings in ${modules}` : `tki-guard: ${count} finding${count === 1 ? '' : 's'} in ${modules}`);
  return { output: `${lines.join('\n')}\n`, exitCode: exitCodeOf(result) };
};
