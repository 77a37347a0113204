import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packetEnvelope } from '../../bench/inspector-packet.js';
import { matchingForm, matchingForms, normalizeCounter } from '../../policy/text-normalize.js';
import { checkReportJson } from '../../sandbox/report/report-schema-check.js';
import { listingCounter } from '../../src/chain/record-values.js';
import { proseCounter } from '../../src/claims/prose-scan.js';
import { inspectToResult, manifestHash, renderReport, sha256Ref } from '../../src/index.js';
import { lintCounter } from '../../src/text/wording-lint.js';
import { validationCounter } from '../../src/zod-check.js';
import { scratchDir } from './helpers.js';

/**
 * Issue 13, bounded cost, checked by counting work instead of timing it: with twice the claims,
 * listing lines are still read once per packet, schemas run once per item and once per report head
 * (the launcher checks each claim once more, as it streams report.json), the prose scan classifies each sentence once, and the normalization is
 * called a number of times that does not grow with the claim count. A return of per-claim rescans
 * or per-claim validation fails here on any machine, however fast.
 */
const scratch = scratchDir('cost');
const OBSERVED = '2026-11-19T08:00:00Z';
const LISTINGS = 3;
const LINES_PER_LISTING = 400;

function metadata(file: string, content: string): Record<string, string> {
  return { governed_surface: 'pg:dot_tools', named_query_id_or_kb_path: file, observation_ts: OBSERVED, source_revision: 'r1', content_hash: sha256Ref(content) };
}

/** Listings as content files and `claims` ARTIFACT_EXISTS claims whose subjects are listed entries. */
function writeListingPacket(claims: number): string {
  const root = path.join(scratch(), 'packet');
  mkdirSync(path.join(root, 'l'), { recursive: true });
  const items: Array<Record<string, unknown>> = [];
  for (let listing = 0; listing < LISTINGS; listing += 1) {
    const lines = Array.from({ length: LINES_PER_LISTING }, (_, entry) => `tools/d${listing}/file-${entry}.py sha256:${'ab'.repeat(32)}\n`).join('');
    const file = `l/listing-${listing}.txt`;
    writeFileSync(path.join(root, file), lines);
    items.push({ item_id: `listing-${listing}`, kind: 'ARTIFACT_LISTING', path: `tools/d${listing}/`, media_type: 'text/plain', content_file: file, source_metadata: metadata(file, lines) });
  }
  const claimList = Array.from({ length: claims }, (_, index) => {
    const subject = `tools/d${index % LISTINGS}/file-${Math.floor(index / LISTINGS) % LINES_PER_LISTING}.py`;
    return { claim_id: `C${index}`, text: `The artifact ${subject} exists.`, claim_type: 'ARTIFACT_EXISTS', subject, evidence_refs: [] };
  });
  const dossierText = `# DOS-COST\n\n${claimList.map((claim) => `- ${claim.claim_id}: ${claim.text}`).join('\n')}\n`;
  items.push({ item_id: 'dossier', kind: 'KB_DOCUMENT', path: 'dossiers/DOS-COST.md', media_type: 'text/markdown', content: dossierText, source_metadata: metadata('dossiers/DOS-COST.md', dossierText) });
  const packet = {
    ...packetEnvelope('PKT-COST'),
    allowed_surfaces: ['pg:dot_tools'],
    manifest_hash: manifestHash(items.map((item) => ({ itemId: String(item.item_id), contentHash: String((item.source_metadata as Record<string, string>).content_hash) }))),
    dossier: { document_id: 'DOS-COST', blueprint_ref: 'BP-COST', revision: '1', item_id: 'dossier', claims: claimList },
    items,
  };
  writeFileSync(path.join(root, 'packet.json'), JSON.stringify(packet));
  return root;
}

interface Work {
  readonly listingLines: number;
  readonly schemaChecks: number;
  readonly zodFallbacks: number;
  readonly sentences: number;
  readonly normalizations: number;
  readonly lintPasses: number;
  readonly lintedStrings: number;
  readonly verdicts: readonly string[];
}

/** The counted work of one run: judging, rendering, and the launcher's check of report.json. */
function workFor(claims: number): Work {
  const packet = writeListingPacket(claims);
  const before = { lines: listingCounter.lines, checks: validationCounter.checks, fallbacks: validationCounter.zodFallbacks, sentences: proseCounter.sentences, forms: normalizeCounter.forms, passes: lintCounter.passes, strings: lintCounter.strings };
  const result = inspectToResult(packet);
  const rendered = renderReport(result, 'cost');
  if (!rendered.ok) throw new Error(rendered.error.code);
  const reportJson = rendered.value.files.find((file) => file.name === 'report.json')?.content ?? '';
  expect(checkReportJson(JSON.parse(reportJson))).toMatchObject({ ok: true, finalVerdict: 'UNVERIFIED' });
  return {
    listingLines: listingCounter.lines - before.lines,
    schemaChecks: validationCounter.checks - before.checks,
    zodFallbacks: validationCounter.zodFallbacks - before.fallbacks,
    sentences: proseCounter.sentences - before.sentences,
    normalizations: normalizeCounter.forms - before.forms,
    lintPasses: lintCounter.passes - before.passes,
    lintedStrings: lintCounter.strings - before.strings,
    verdicts: [...new Set(result.claims.map((claim) => claim.adequacy.verdict))],
  };
}

describe('bounded cost, counted (issue 13)', () => {
  const small = workFor(300);
  const large = workFor(600);

  it('judges every claim of the generated packets as listed (the counts below are about real work)', () => {
    expect(small.verdicts).toEqual(['NO_READ_LEVEL_DEFECT_FOUND']);
    expect(large.verdicts).toEqual(['NO_READ_LEVEL_DEFECT_FOUND']);
  });

  it('reads each listing line once per packet, whatever the number of claims', () => {
    // Each listing's lines plus the empty remainder after its last newline.
    const expected = LISTINGS * (LINES_PER_LISTING + 1);
    expect(small.listingLines).toBe(expected);
    expect(large.listingLines).toBe(expected);
  });

  it("validates the header, each item and the dossier once, report.json's head once on each side, and each claim once in the launcher", () => {
    const items = LISTINGS + 1;
    // envelope + items + dossier (all claims in one check) + the inspector's head + the launcher's head + one per claim received.
    expect(small.schemaChecks).toBe(1 + items + 1 + 1 + 1 + 300);
    expect(large.schemaChecks - small.schemaChecks).toBe(300);
    expect(small.zodFallbacks + large.zodFallbacks).toBe(0);
  });

  it('classifies each dossier sentence once', () => {
    // The heading and one line per claim.
    expect(small.sentences).toBe(300 + 1);
    expect(large.sentences).toBe(600 + 1);
  });

  it('normalizes text a number of times that does not grow with the claims (batched, not per sentence)', () => {
    expect(large.normalizations).toBe(small.normalizations);
    expect(small.normalizations).toBeLessThan(100);
  });

  it('lints the report in one pass over its distinct strings, which grow linearly', () => {
    expect(small.lintPasses).toBe(1);
    expect(large.lintPasses).toBe(1);
    // Per claim: its id, its text and its subject are new strings; tki's own strings repeat.
    expect(large.lintedStrings - small.lintedStrings).toBeLessThanOrEqual(300 * 4);
  });
});

describe('matchingForms', () => {
  it('gives each text the form matchingForm gives it alone, including white space, look-alikes and U+0000 at the edges', () => {
    const texts = ['The file  EXISTS.', '  tab\there ', 'Ра55 22/22', '', 'zero\u200bwidth', 'ＦＵＬＬ', 'end ', ' start', 'a\u00a0b'];
    expect(matchingForms(texts)).toEqual(texts.map((text) => matchingForm(text)));
    const withNul = ['a\u0000b', 'C'];
    expect(matchingForms(withNul)).toEqual(withNul.map((text) => matchingForm(text)));
  });
});
