import type { DiffFormat } from '../cli-args.js';
import { escapeControlCharacters } from '../report/escape.js';
import type { Change, CapabilityDiff, ScopeDiff } from './compare.js';
import type { Revision } from './git.js';

export interface DiffReport {
  readonly base: Revision;
  readonly diff: CapabilityDiff;
}

const arrow = (witness: readonly string[]): string => witness.join(' → ');
const status = (change: Change): string => (change.held ? 'allowed' : 'NOT ALLOWED');

function summary({ diff }: DiffReport): string {
  const gained = diff.modules.reduce((count, module) => count + module.gained.length, 0);
  const lost = diff.modules.reduce((count, module) => count + module.lost.length, 0);
  if (gained === 0 && lost === 0) return 'no module gained or lost a capability';
  return `${gained} gained (${diff.disallowed} not allowed by the policy), ${lost} lost, in ${diff.modules.length} module${diff.modules.length === 1 ? '' : 's'}`;
}

function textScopes(title: string, scopes: readonly ScopeDiff[]): string[] {
  if (scopes.length === 0) return [];
  const lines = ['', title];
  for (const scope of scopes) {
    for (const change of scope.gained) lines.push(`  ${scope.name}  +${change.capability}  ${status(change)}`, `      ${arrow(change.witness)}`);
    for (const change of scope.lost) lines.push(`  ${scope.name}  -${change.capability}`, `      was: ${arrow(change.witness)}`);
  }
  return lines;
}

function text(report: DiffReport): string {
  const lines = [
    `tki-guard diff: the working tree against ${report.base.commit.slice(0, 12)} (${report.base.label})`,
    ...textScopes('Modules:', report.diff.modules),
    ...textScopes('Packages:', report.diff.packages),
    '',
    `tki-guard diff: ${summary(report)}`,
  ];
  return `${lines.map(escapeControlCharacters).join('\n')}\n`;
}

/**
 * Markdown cell text as a CommonMark code span that shows the name as it is (red team round 9: a
 * backtick was shown as a quote, naming a file that does not exist): fenced by one backtick more
 * than the longest run inside, padded when it starts or ends with one; `|` escaped, which GFM
 * requires even inside a code span in a table. A code span has no HTML and no entities.
 */
function cell(value: string): string {
  const text = escapeControlCharacters(value).replaceAll('|', '\\|');
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function markdownScopes(title: string, scopes: readonly ScopeDiff[]): string[] {
  if (scopes.length === 0) return [];
  const lines = ['', `#### ${title}`, '', '| | where | capability | witness path |', '|---|---|---|---|'];
  for (const scope of scopes) {
    for (const change of scope.gained) lines.push(`| ${change.held ? '➕ gained (allowed)' : '⛔ **gained, not allowed**'} | ${cell(scope.name)} | ${change.capability} | ${cell(arrow(change.witness))} |`);
    for (const change of scope.lost) lines.push(`| ➖ lost | ${cell(scope.name)} | ${change.capability} | ${cell(arrow(change.witness))} |`);
  }
  return lines;
}

function markdown(report: DiffReport): string {
  const verdict = report.diff.disallowed > 0 ? `⛔ ${report.diff.disallowed} capability gain${report.diff.disallowed === 1 ? '' : 's'} the policy does not allow` : '✅ no capability gain outside the policy';
  const lines = [
    '### tki capability diff',
    '',
    `${verdict} — against \`${report.base.commit.slice(0, 12)}\` (${escapeControlCharacters(report.base.label)}): ${summary(report)}.`,
    ...markdownScopes('Modules', report.diff.modules),
    ...markdownScopes('Packages', report.diff.packages),
    '',
    'A gain is allowed where the module holds the capability (a grant in `tki.policy.json` or a declared action). Both sides were analyzed under this branch\'s policy.',
  ];
  return `${lines.join('\n')}\n`;
}

function json(report: DiffReport): string {
  return `${JSON.stringify({ base: report.base, modules: report.diff.modules, packages: report.diff.packages, disallowed: report.diff.disallowed }, null, 2)}\n`;
}

/** Diff renderers by format: a map, as the guard's reporters are. */
export const DIFF_RENDERERS: Readonly<Record<DiffFormat, (report: DiffReport) => string>> = { text, json, markdown };
