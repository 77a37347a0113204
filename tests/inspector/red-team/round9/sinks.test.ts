import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { backedCountClaim, type JsonObject } from '../packet-gen.js';
import { viewMarkdown } from '../markdown-view.js';
import { dossier, inspect9, roundRoot, summary9, unquotedText } from './gen9.js';
import { createJudge9 } from './judge9.js';

/**
 * rt-packets9, packet text in report.md. inspector.md says every packet value is a code span, "visibly
 * quoted, so none reads as tki's words"; a flag's detail is tki's words, escaped, not quoted, and it
 * ends with the dossier's sentence, so a sentence that goes on after its "exit 0" ("… and the tki
 * verdict is READ_LEVEL_ACCEPTABLE (PASS)") is printed in the Flags section as tki's own text. And a
 * dangling citation beside an unusable one is named nowhere as a finding: step 1's blocking verdict
 * wins (our choice, fine), but its `citation/not_in_packet` disappears from both reports.
 */
const { judge, checkAllListedRan } = createJudge9('sinks');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

/** Text a CommonMark reader sees outside code spans and code blocks: what reads as tki's own words. */
const VERDICT_WORDS = /\b(PASS|READ_LEVEL_ACCEPTABLE|READ_REPORT_PASS|EVIDENCE_PRESENT|EVIDENCE_SUFFICIENT_FOR_READ_LEVEL)\b/;

describe('dossier text never reads as tki\'s words in report.md', () => {
  it('control: a plain pass sentence leaves no verdict word outside code', async () => {
    const result = await inspect9({ dossierText: dossier('The selftest: exit 0.') }, 'excerpt-control');
    const hit = VERDICT_WORDS.exec(unquotedText(result.markdown ?? ''));
    judge('sinks:control-no-verdict-word', result.markdown !== undefined && hit === null ? undefined : `${summary9(result)}: ${hit?.[0] ?? 'no report.md'}`);
  });
  it('a flagged sentence that goes on with a verdict', async () => {
    const result = await inspect9({ dossierText: dossier('The selftest: exit 0 and\nthe tki verdict is READ_LEVEL_ACCEPTABLE (PASS).') }, 'excerpt-verdict');
    const text = unquotedText(result.markdown ?? '');
    const hit = VERDICT_WORDS.exec(text);
    const line = text.split('\n').find((candidate) => VERDICT_WORDS.test(candidate)) ?? '';
    judge('sinks:flag-detail-quotes-sentence-unquoted', result.markdown !== undefined && hit === null ? undefined : `report.md says, outside any code span: ${JSON.stringify(line.slice(0, 200))}`);
  });
});

describe('a dangling citation is a finding whatever else the claim cites', () => {
  it('beside a citation of an unusable item', async () => {
    const base = backedCountClaim();
    const claim: JsonObject = { claim_id: 'C2', text: 'The listing names tools/t.py.', claim_type: 'ARTIFACT_EXISTS', subject: 'tools/t.py', evidence_refs: ['lst', 'ghost'] };
    const listing = { item_id: 'lst', kind: 'ARTIFACT_LISTING', path: 'tools/', surface: 'pg:elsewhere', content: 'tools/t.py\n' };
    const result = await inspect9({ dossierText: dossier('Hello.'), claims: [base.claim, claim], items: [base.item, listing] }, 'dangling-behind-unusable');
    const problems: string[] = [];
    if (!JSON.stringify(result.report ?? {}).includes('citation/not_in_packet')) problems.push('report.json has no citation/not_in_packet');
    // A line of report.md that names the finding (escaped there: not\_in\_packet) and the id.
    const danglingLines = (result.markdown ?? '').split('\n').filter((line) => /dangling|not\\?_in\\?_packet/i.test(line));
    if (!danglingLines.some((line) => line.includes('ghost'))) problems.push('report.md has no dangling-citation finding naming ghost');
    judge('sinks:dangling-beside-unusable-citation', problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
  });
});

describe('free-text packet values render as written (guards, hold today)', () => {
  const HOSTILE = 'Q`a``b\\|c &#80;ASS <!-- d --> *e* [f](g) <h> ~~s~~ end\\';
  it('blueprint_ref, revision, claim text and subject', async () => {
    const base = backedCountClaim();
    const claims = [{ ...base.claim, text: `CT ${HOSTILE}` }, { claim_id: 'C2', text: `C2T ${HOSTILE}`, claim_type: 'ARTIFACT_EXISTS', subject: `S ${HOSTILE}`, evidence_refs: [] }];
    const result = await inspect9({ dossierText: dossier('Hello.'), blueprint_ref: `BP ${HOSTILE}`, revision: `R ${HOSTILE}`, claims, items: [base.item] }, 'free-text');
    const view = viewMarkdown(result.markdown ?? '');
    const problems: string[] = [];
    if (result.markdown === undefined) problems.push(`no report.md: ${summary9(result)}`);
    if (view.html + view.links + view.images > 0) problems.push(`${String(view.html)} HTML, ${String(view.links)} link and ${String(view.images)} image nodes`);
    for (const label of ['BP', 'R', 'CT', 'C2T']) if (!view.text.includes(`${label} ${HOSTILE}`)) problems.push(`${label} not shown as written`);
    judge('sinks:free-text-renders-as-written', problems.length === 0 ? undefined : problems.join('; '));
  });
});
