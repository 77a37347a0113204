import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { backedCountClaim, type HostileItem, type HostileSpec, type JsonObject } from '../packet-gen.js';
import { RAW_INVISIBLE, viewMarkdown } from '../markdown-view.js';
import { dossier, inspect6, roundRoot, summary } from './gen6.js';
import { createJudge6 } from './judge6.js';

/**
 * rt-packets6, sinks: every free-text packet field (the ones the identifier grammar does not cover)
 * carrying an OSC 8 hyperlink, SGR colour, U+202E, a blank line, an ATX heading and raw HTML, into
 * report.md, the checkpoint and tki's own line; the identifier grammar at its exact length; a citation
 * that differs from an item id only by case.
 */
const { judge, checkAllListedRan } = createJudge6('sinks');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const base = backedCountClaim();
const HOSTILE = '\u001b]8;;https://evil.example\u0007\u001b[32mPASS\u001b[0m\u001b]8;;\u0007\u202E\n\n# FINAL VERDICT: PASS\n<img src=x onerror=alert(1)> [PASS](https://e.x) \u2028| x | `y` \\';
const VERDICT_WORD = /\b(PASS(ED)?|READ_LEVEL_ACCEPTABLE|CERTIFIED|APPROVED)\b/i;

function withClaim(fields: JsonObject): HostileSpec {
  return { dossierText: dossier('Hello.'), claims: [{ ...base.claim, ...fields }], items: [base.item] };
}
function withItem(fields: Partial<HostileItem>): HostileSpec {
  return { dossierText: dossier('Hello.'), claims: [base.claim], items: [{ ...base.item, ...fields }] };
}

const FIELDS: Record<string, HostileSpec> = {
  'blueprint-ref': { dossierText: dossier('Hello.'), blueprint_ref: HOSTILE },
  revision: { dossierText: dossier('Hello.'), revision: HOSTILE },
  'claim-text': withClaim({ text: HOSTILE }),
  'claim-subject': withClaim({ subject: HOSTILE }),
  'count-match-key-population': withClaim({ count: { ...(base.claim.count as JsonObject), match_key: HOSTILE, population: HOSTILE } }),
  'item-path': withItem({ path: HOSTILE }),
  'item-media-type': withItem({ media_type: HOSTILE }),
  'item-query': withItem({ query: HOSTILE }),
};

describe('free-text packet fields reach every sink as text', () => {
  it('control', async () => {
    const result = await inspect6({ dossierText: dossier('Hello.') }, 'sinks-control');
    judge('sinks:control', result.exitCode === 2 && result.markdown !== undefined ? undefined : `control gave ${summary(result)}`);
  });
  for (const [name, spec] of Object.entries(FIELDS)) {
    it(name, async () => {
      const control = await inspect6({ dossierText: dossier('Hello.') }, `sinks-control-${name}`);
      const result = await inspect6(spec, `sinks-${name}`);
      const problems: string[] = [];
      const markdown = result.markdown ?? '';
      if (markdown === '' || result.report === undefined) problems.push(`no report: ${summary(result)}`);
      for (const [sink, text] of [['report.md', markdown], ['checkpoint', result.checkpointText ?? ''], ['terminal line', result.line]] as const) {
        if (RAW_INVISIBLE.test(text)) problems.push(`raw control/format character in ${sink}`);
        const view = viewMarkdown(text);
        if (sink !== 'terminal line' && (view.html > 0 || view.links > 0 || view.images > 0)) problems.push(`${sink}: html ${String(view.html)}, links ${String(view.links)}, images ${String(view.images)}`);
      }
      const headings = viewMarkdown(markdown).headings;
      const controlHeadings = viewMarkdown(control.markdown ?? '').headings;
      if (result.exitCode === 2 && headings !== controlHeadings) problems.push(`report.md has ${String(headings)} headings, the control ${String(controlHeadings)}`);
      if (VERDICT_WORD.test(result.line)) problems.push(`verdict word on tki's line: ${JSON.stringify(result.line)}`);
      judge(`sinks:field-${name}`, problems.length === 0 ? undefined : problems.join('; '));
    });
  }
});

describe('identifier grammar at its exact length', () => {
  const id128 = `P${'x'.repeat(127)}`;
  const id129 = `P${'x'.repeat(128)}`;
  it('128 characters are accepted everywhere', async () => {
    const result = await inspect6({ packet_id: id128, document_id: id128, dossierText: dossier('Hello.'), claims: [{ ...base.claim, claim_id: id128, evidence_refs: [id128] }], items: [{ ...base.item, item_id: id128 }] }, 'id-128');
    judge('sinks:identifier-128-accepted', result.exitCode === 2 ? undefined : `${summary(result)}`);
  });
  for (const [name, spec, field] of [
    ['packet-id', { packet_id: id129, dossierText: dossier('Hello.') }, 'packet_id'],
    ['document-id', { document_id: id129, dossierText: dossier('Hello.') }, 'document_id'],
    ['claim-id', withClaim({ claim_id: id129 }), 'claim_id'],
    ['evidence-ref', withClaim({ evidence_refs: [id129] }), 'evidence_refs'],
  ] as const) {
    it(`129 characters refused, naming the field: ${name}`, async () => {
      const result = await inspect6(spec, `id-129-${name}`);
      const reasons = JSON.stringify(result.report?.blocked_reasons ?? []);
      const ok = result.exitCode === 3 && reasons.includes(field);
      judge(`sinks:identifier-129-${name}`, ok ? undefined : `${summary(result)} reasons ${reasons.slice(0, 300)}`);
    });
  }
});

describe('citations are exact', () => {
  it('a citation that differs from an item id only by case is dangling', async () => {
    const result = await inspect6(withClaim({ evidence_refs: ['QR-COUNT'] }), 'cite-case');
    const claims = (result.report?.claims as JsonObject[] | undefined) ?? [];
    const reasons = JSON.stringify(claims[0]?.reasons ?? []);
    const ok = claims[0]?.verdict === 'INSUFFICIENT_EVIDENCE_FOR_CLAIM' && reasons.includes('citation/not_in_packet') && (result.markdown ?? '').includes('QR-COUNT');
    judge('sinks:citation-case-dangling', ok ? undefined : `${summary(result)} ${String(claims[0]?.verdict)} ${reasons.slice(0, 200)}`);
  });
});

// SPEC §4's forbidden verdict tokens and their everyday cousins, in capitals (tki's own text says "never a pass").
const FORBIDDEN_TOKEN = /\b(READ_LEVEL_ACCEPTABLE|PASS(ED)?|CERTIFIED|APPROVED)\b/;

describe("tki's own summary lines carry no verdict word from free-text identity", () => {
  // blueprint_ref and revision stay free text (SPEC: identity, not identifiers); they are escaped,
  // but shown inline, undelimited, inside the report's verdict block and the checkpoint's summary.
  const revision = '1 · tki verdict: READ_LEVEL_ACCEPTABLE (certified PASS)';
  it('revision in the report.md verdict block and the checkpoint', async () => {
    const result = await inspect6({ dossierText: dossier('Hello.'), revision }, 'summary-revision');
    const markdown = result.markdown ?? '';
    const verdictBlock = markdown.slice(0, Math.max(0, markdown.indexOf('\n## ')));
    const problems: string[] = [];
    for (const [sink, text] of [['report.md verdict block', verdictBlock], ['checkpoint', result.checkpointText ?? '']] as const) {
      // What a reader sees outside code spans (code spans are visibly quoted values).
      const seen = viewMarkdown(text.replace(/`[^`]*`/g, '')).text;
      const word = FORBIDDEN_TOKEN.exec(seen);
      if (word !== null) problems.push(`${sink} reads "${word[0]}" as plain text: ${JSON.stringify(seen.slice(Math.max(0, word.index - 60), word.index + 40))}`);
    }
    if (verdictBlock === '' || result.checkpointText === undefined) problems.push(`missing output: ${summary(result)}`);
    judge('sinks:free-text-identity-verdict-word', problems.length === 0 ? undefined : problems.join('; '));
  });
});
