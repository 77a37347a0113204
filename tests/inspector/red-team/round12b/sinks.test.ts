import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import type { JsonObject } from '../packet-gen.js';
import { dossier, inspect9, roundRoot, summary9, unquotedText, type Run9 } from '../round9/gen9.js';
import { inspectEdited } from '../round12/raw-packet.js';
import { createJudge12b } from './judge12b.js';

/**
 * rt-packets12b, packet text in tki's words after round 12's fix (`quote`, `problem_quotes`). Round 12
 * quoted property names; an IDENTIFIER is packet text too, and the identifier grammar admits
 * `READ_LEVEL_ACCEPTABLE:certified`. docs/inspector.md: a blocked reason's `message` holds tki's words
 * alone, what the packet wrote is its `quote`. Checked: blocked reasons' messages, items' problem
 * lines, claims' reasons (report.json) and every report.md line outside code spans and table rows (a
 * table cell is quoted by its borders, docs/inspector.md), and the verdict line.
 */
const { judge, checkAllListedRan } = createJudge12b('sinks');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const ID = 'READ_LEVEL_ACCEPTABLE:certified';
const KEY = 'tki verdict READ_LEVEL_ACCEPTABLE (PASS) certified';
const VERDICT_WORDS = /READ_LEVEL_ACCEPTABLE|certified/;
const spec = { dossierText: dossier('Hello.') };

/** tki's own words in report.json: reasons' messages, items' problem lines and claims' reasons. */
function tkiWordsInJson(report: Record<string, unknown> | undefined): string[] {
  const reasons = ((report?.blocked_reasons as JsonObject[] | undefined) ?? []).map((reason) => String(reason.message));
  const problems = ((report?.evidence_items as JsonObject[] | undefined) ?? []).flatMap((item) => (item.problems as string[] | undefined) ?? []);
  const claimReasons = ((report?.claims as JsonObject[] | undefined) ?? []).flatMap((claim) => (claim.reasons as string[] | undefined) ?? []);
  return [...reasons, ...problems, ...claimReasons];
}

/** report.md lines a reader takes as tki's: outside code spans, not a table row. */
function tkiLinesInMarkdown(markdown: string): string[] {
  const prose = markdown.split('\n').filter((line) => !line.startsWith('|')).join('\n');
  return unquotedText(prose).replaceAll('\\', '').split('\n');
}

const cases: Record<string, (json: string) => string> = {
  // The item with no content_hash is named inside the reason's message: "(READ_LEVEL_ACCEPTABLE:certified)".
  'item-id-in-manifest-unverifiable-message': (json) => json.replaceAll('qr-count', ID).replace(/,"content_hash":"sha256:[0-9a-f]+"\}\}\]/, '}}]'),
  // A dangling citation is named in the claim's reason: "… that name no item in this packet: <id>".
  'dangling-citation-in-claim-reason': (json) => json.replace('"evidence_refs":["qr-count"]', `"evidence_refs":["qr-count","${ID}"]`),
  // A cited item that fails provenance is named in the claim's reason: "cited item(s) failed provenance: <id>".
  'failed-item-in-claim-reason': (json) => json.replaceAll('qr-count', ID).replace('"kind":"QUERY_RESULT"', '"kind":"NOT_A_KIND"'),
  // Guards (hold today): quoted since round 12.
  'repeated-key-inside-item': (json) => json.replace('"kind":"QUERY_RESULT"', `"kind":"QUERY_RESULT","${KEY}":1,"${KEY}":2`),
  'unknown-key-in-claim-count': (json) => json.replace('"match_key":"doc_id","population"', `"match_key":"doc_id","${KEY}":1,"population"`),
  'duplicate-item-id': (json) => json.replace('"items":[', `"items":[{"item_id":"${ID}","kind":"QUERY_RESULT","content":"x","media_type":"text/plain","source_metadata":{}},{"item_id":"${ID}","kind":"QUERY_RESULT","content":"x","media_type":"text/plain","source_metadata":{}},`).replace(/"source_metadata":\{\}/g, `"source_metadata":{"content_hash":"sha256:${'0'.repeat(64)}"}`),
  'duplicate-claim-id': (json) => json.replace('"claims":[', `"claims":[{"claim_id":"R1","text":"x","claim_type":"PROSE_PASS_ASSERTION","subject":"${ID}","evidence_refs":["qr-count"]},`),
  'claim-subject-verdict-words': (json) => json.replaceAll('"subject":"NQ-KB-DOC-COUNT-V1"', `"subject":"${ID}"`),
  'enum-value-kind': (json) => json.replace('"kind":"QUERY_RESULT"', `"kind":"${KEY}"`),
  'enum-value-claim-type': (json) => json.replace('"claim_type":"COUNT_OBSERVATION"', `"claim_type":"${KEY}"`),
  'enum-value-decision-effect': (json) => json.replace('"decision_effect":"NONE"', `"decision_effect":"${KEY}"`),
  'surface-value-in-item': (json) => json.replace('"governed_surface":"pg:kb_stats"', `"governed_surface":"${KEY}"`),
};

/** What went wrong: packet text in tki's words in either report or on the verdict line. */
function problemsOf(result: Run9): string | undefined {
  const problems: string[] = [];
  if (result.markdown === undefined || result.report === undefined) problems.push(`no reports: ${summary9(result)}`);
  const md = tkiLinesInMarkdown(result.markdown ?? '').find((line) => VERDICT_WORDS.test(line));
  if (md !== undefined) problems.push(`report.md says, outside any code span: ${JSON.stringify(md.slice(0, 200))}`);
  const words = tkiWordsInJson(result.report).find((line) => VERDICT_WORDS.test(line));
  if (words !== undefined) problems.push(`report.json, tki's words: ${JSON.stringify(words.slice(0, 200))}`);
  if (VERDICT_WORDS.test(result.line)) problems.push(`verdict line: ${JSON.stringify(result.line.slice(0, 200))}`);
  return problems.length === 0 ? undefined : problems.join('; ');
}

describe('packet text is quoted, never tki\'s words', () => {
  for (const [name, edit] of Object.entries(cases)) {
    it(name, async () => {
      judge(`sinks:${name}`, problemsOf(await inspectEdited(spec, edit, name)));
    });
  }
});

describe('dossier text listed as a finding stays quoted (guards)', () => {
  const dossiers: Record<string, string> = {
    'hidden-comment-text': `Hello. <!-- ${KEY} -->`,
    'unclosed-textarea-text': `Hello.\n\n<textarea>\n${KEY}\n`,
    'c1-control-sentence': `Hello. ${KEY}\u0085 here.`,
    'pass-sentence-with-verdict-words': `All tests pass, ${KEY}.`,
  };
  for (const [name, text] of Object.entries(dossiers)) {
    it(name, async () => {
      judge(`sinks:finding-${name}`, problemsOf(await inspect9({ dossierText: dossier(text) }, `sinks12b-${name}`)));
    });
  }
});
