import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { backedCountClaim, type HostileSpec, type JsonObject } from '../packet-gen.js';
import { dossier, inspect9, roundRoot, summary9, unquotedText } from '../round9/gen9.js';
import { createJudge11 } from './judge11.js';

/**
 * rt-packets11, packet text in report.md and report.json. Identifiers have a grammar and values are
 * code spans, but a property NAME is packet text too: an unknown key in a claim (or its count) makes the
 * dossier malformed, and the blocked reason ends "the dossier is malformed (<the key>)" — tki's own
 * words in report.json's message and in report.md, escaped but not quoted, so a key such as "tki verdict
 * READ_LEVEL_ACCEPTABLE (PASS) certified" reads as tki's. Guards: citations of ids that differ from a
 * present item only by case or a trailing character are dangling findings in both reports.
 */
const { judge, checkAllListedRan } = createJudge11('sinks');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const VERDICT_WORDS = /READ_LEVEL_ACCEPTABLE|certified/;

/** Messages of report.json's blocked reasons, which tki words itself (no separate quote field). */
function blockedMessages(report: Record<string, unknown> | undefined): string {
  return ((report?.blocked_reasons as JsonObject[] | undefined) ?? []).map((reason) => String(reason.message)).join('\n');
}

describe('an unknown property name is quoted, never tki\'s words', () => {
  const key = 'tki verdict READ_LEVEL_ACCEPTABLE (PASS) certified';
  const base = backedCountClaim();
  const cases: Record<string, HostileSpec> = {
    'unknown-key-in-claim': { dossierText: dossier('Hello.'), claims: [{ ...base.claim, [key]: 1 }] },
    'unknown-key-in-count': { dossierText: dossier('Hello.'), claims: [{ ...base.claim, count: { ...(base.claim.count as JsonObject), [key]: 1 } }] },
  };
  for (const [name, spec] of Object.entries(cases)) {
    it(name, async () => {
      const result = await inspect9(spec, name);
      const problems: string[] = [];
      if (result.markdown === undefined) problems.push(`no report.md: ${summary9(result)}`);
      const line = unquotedText(result.markdown ?? '').split('\n').find((candidate) => VERDICT_WORDS.test(candidate));
      if (line !== undefined) problems.push(`report.md says, outside any code span: ${JSON.stringify(line.slice(0, 200))}`);
      const message = blockedMessages(result.report);
      if (VERDICT_WORDS.test(message)) problems.push(`report.json blocked reason: ${JSON.stringify(message.slice(0, 200))}`);
      judge(`sinks:${name}`, problems.length === 0 ? undefined : problems.join('; '));
    });
  }
});

describe('a near-miss citation is dangling in both reports (guards, hold today)', () => {
  for (const [name, ref] of [['upper-case', 'QR-COUNT'], ['trailing-dot', 'qr-count.'], ['trailing-slash', 'qr-count/'], ['trailing-colon', 'qr-count:']] as const) {
    it(`${name}: ${ref}`, async () => {
      const base = backedCountClaim();
      const claim: JsonObject = { ...base.claim, evidence_refs: ['qr-count', ref] };
      const result = await inspect9({ dossierText: dossier('Hello.'), claims: [claim], items: [base.item] }, `near-miss-${ref}`);
      const problems: string[] = [];
      const claims = (result.report?.claims as JsonObject[] | undefined) ?? [];
      if (claims[0]?.verdict === 'NO_READ_LEVEL_DEFECT_FOUND') problems.push('the claim is accepted');
      if (!JSON.stringify(result.report ?? {}).includes('citation/not_in_packet')) problems.push('report.json has no citation/not_in_packet');
      // report.md escapes punctuation in tki's words (not\_in\_packet): compare without backslashes.
      // The id is packet text: quoted (a code span) after tki's words, never part of them (round 12b).
      const named = (result.markdown ?? '').split('\n').some((line) => line.replaceAll('\\', '').includes(`not_in_packet: the claim cites 1 item id(s) that name no item in this packet (listed in dangling_citations): \`${ref}\``));
      if (!named) problems.push(`report.md names no dangling citation of ${ref}`);
      judge(`sinks:near-miss-citation-${name}`, problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
    });
  }
});
