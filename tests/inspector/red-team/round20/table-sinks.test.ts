import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { brokenTableRows, viewMarkdown } from '../markdown-view.js';
import { backedCountClaim, type HostileSpec, type JsonObject } from '../packet-gen.js';
import { decodeEscapes } from '../round16/report-cells.js';
import { dossier, inspect9, roundRoot, summary9, type Run9 } from '../round9/gen9.js';
import { createJudge20 } from './judge20.js';

/**
 * rt-packets20, escaping per sink (choice 82, docs/inspector.md "Escaping for each sink") for values a
 * GFM table cell or a code span reads specially: a trailing backslash (GFM reads `\|` as a pipe inside
 * the cell, so the cell's border is lost), a backslash before a pipe, a pipe, a doubled trailing
 * backslash, a newline followed by a table row, and backtick runs at both ends. Fields: a surface
 * (its grammar admits `\`; allowed and cited, and one not allowed), an item's `path`, a claim's
 * `subject` and `text`, `revision` and `blueprint_ref`. report.md and the checkpoint must keep every
 * table row's cell count (GFM), bring no HTML, link or heading, and show the value once decoded.
 * Keys are `table:`.
 */
const { judge, checkAllListedRan } = createJudge20('table');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const base = backedCountClaim();

const FREE_VALUES: Record<string, string> = {
  'trailing-backslash': 'tools/evil.py\\',
  'backslash-before-pipe': 'tools/a\\|b.py',
  pipe: 'tools/a|b.py',
  'double-trailing-backslash': 'tools/evil.py\\\\',
  'newline-then-a-table-row': 'tools/a.py\n| C1 | NO_READ_LEVEL_DEFECT_FOUND |',
  'backticks-at-both-ends': '``tools/a.py` `',
};
const SURFACE_VALUES: Record<string, string> = {
  'surface-trailing-backslash': 'pg:evil\\',
  'surface-double-trailing-backslash': 'pg:evil\\\\',
  'surface-unc-path': '\\\\server\\share\\',
};

/** The checkpoint's text. */
function checkpointOf(result: Run9): string {
  const name = readdirSync(result.outDir).find((entry) => entry.startsWith('checkpoint-'));
  return name === undefined ? '' : readFileSync(path.join(result.outDir, name), 'utf8');
}

/** Problems of report.md and the checkpoint for a value. */
function tableProblems(result: Run9, value: string, mustShow = true): string[] {
  const problems: string[] = [];
  if (result.markdown === undefined) return [`no report.md (${summary9(result)})`];
  for (const [name, markdown] of [['report.md', result.markdown], ['checkpoint', checkpointOf(result)]] as const) {
    const broken = brokenTableRows(markdown);
    if (broken.length > 0) problems.push(`${name}: ${String(broken.length)} table rows with another cell count: ${JSON.stringify(broken[0]!.slice(0, 200))}`);
    const view = viewMarkdown(markdown);
    if (view.html > 0 || view.links > 0) problems.push(`${name}: ${String(view.html)} HTML, ${String(view.links)} links`);
  }
  const shown = decodeEscapes(viewMarkdown(result.markdown).text);
  const firstLine = value.split('\n')[0]!;
  if (mustShow && !shown.includes(firstLine)) problems.push(`report.md never shows ${JSON.stringify(firstLine)}`);
  return problems;
}

const withFree = (field: string, value: string): HostileSpec => {
  switch (field) {
    case 'item-path':
      return { dossierText: dossier('Hello.'), claims: [{ claim_id: 'C1', text: 'The tool exists.', claim_type: 'ARTIFACT_EXISTS', subject: value, evidence_refs: ['art'] }], items: [{ item_id: 'art', kind: 'ARTIFACT_CONTENT', path: value, media_type: 'text/x-python', surface: 'pg:dot_tools', content: 'print(1)\n' }] };
    case 'claim-subject':
      return { dossierText: dossier('Hello.'), claims: [{ ...base.claim, claim_type: 'ARTIFACT_EXISTS', subject: value }], items: [base.item] };
    case 'claim-text':
      return { dossierText: dossier('Hello.'), claims: [{ ...base.claim, text: value }], items: [base.item] };
    case 'revision':
      return { dossierText: dossier('Hello.'), revision: value };
    default:
      return { dossierText: dossier('Hello.'), blueprint_ref: value };
  }
};

describe('free-text fields in table cells and code spans', () => {
  for (const field of ['item-path', 'claim-subject', 'claim-text', 'revision', 'blueprint-ref']) {
    for (const [name, value] of Object.entries(FREE_VALUES)) {
      it(`${field}: ${name}`, async () => {
        const result = await inspect9(withFree(field, value), `t20-${field}-${name}`);
        // report.md names no item path or claim subject (report.json holds them): only the structure is judged there.
        const problems = tableProblems(result, value, !['item-path', 'claim-subject'].includes(field));
        judge(`table:${field}-${name}`, problems.length === 0 ? undefined : problems.join('; '));
      });
    }
  }
});

describe('surfaces (the grammar admits a backslash)', () => {
  for (const [name, surface] of Object.entries(SURFACE_VALUES)) {
    it(`${name}, allowed and cited`, async () => {
      const item = { ...base.item, surface };
      const claim: JsonObject = { ...base.claim, count: { ...(base.claim.count as JsonObject), surface } };
      const result = await inspect9({ dossierText: dossier('Hello.'), allowed_surfaces: ['kb', surface], claims: [claim], items: [item] }, `t20-${name}`);
      const problems = tableProblems(result, surface);
      judge(`table:${name}-allowed-and-cited`, problems.length === 0 ? undefined : problems.join('; '));
    });
    it(`${name}, not allowed`, async () => {
      const result = await inspect9({ dossierText: dossier('Hello.'), claims: [base.claim], items: [{ ...base.item, surface }] }, `t20-${name}-na`);
      const problems = tableProblems(result, surface);
      judge(`table:${name}-not-allowed`, problems.length === 0 ? undefined : problems.join('; '));
    });
  }
});
