import type { HostileItem, HostileSpec, JsonObject } from '../packet-gen.js';
import { backedCountClaim } from '../packet-gen.js';

/**
 * Hostile packet shapes aimed at superlinear paths (issue 13, cost). Each is within the documented
 * limits unless its name says "over". Sizes scale with `n` so tests run small and the measuring
 * script (measure.ts) runs large.
 */
export type ShapeName = keyof typeof SHAPES;

const HEAD = '# DOS-RT-COST\n\n- R1: 1284 of 1300 published KB documents carry a doc_id (NQ-KB-DOC-COUNT-V1).\n\n';

/** Combining marks of classes 230 and 220 alternating: canonical reordering sorts them. */
export function combiningFlood(pairs: number): string {
  return `P${'\u0301\u0316'.repeat(pairs)}`;
}

function proseOnly(text: string): HostileSpec {
  return { dossierText: `${HEAD}${text}\n` };
}

function claimsWithText(count: number, text: string, subject?: string): HostileSpec {
  const { claim, item } = backedCountClaim();
  const claims: JsonObject[] = [];
  for (let c = 0; c < count; c += 1) claims.push({ ...claim, claim_id: `R${String(c)}`, text, ...(subject === undefined ? {} : { subject }) });
  return { dossierText: HEAD, claims, items: [item] };
}

function tinyListing(entries: number, claims: number, refsPerClaim: number): HostileSpec {
  const content = 'a\n'.repeat(entries);
  const item: HostileItem = { item_id: 'listing-tiny', kind: 'ARTIFACT_LISTING', path: 'tools/', media_type: 'text/plain', surface: 'pg:dot_tools', content, file: 'listing.txt' };
  const refs = Array.from({ length: refsPerClaim }, () => 'listing-tiny');
  const claimList: JsonObject[] = [];
  for (let c = 0; c < claims; c += 1) claimList.push({ claim_id: `C${String(c)}`, text: 'The tool a exists.', claim_type: 'ARTIFACT_EXISTS', subject: 'a', evidence_refs: refs });
  return { dossierText: HEAD, claims: claimList, items: [item] };
}

export const SHAPES = {
  /** One dossier line: a base letter and `n` pairs of combining marks (ccc 230, 220). */
  'combining-prose': (n: number): HostileSpec => proseOnly(combiningFlood(n)),
  /** The same flood as the text of one claim. */
  'combining-claim-text': (n: number): HostileSpec => claimsWithText(1, combiningFlood(n)),
  /** The same flood, 1/100 as long, in 100 claims' texts. */
  'combining-many-claims': (n: number): HostileSpec => claimsWithText(100, combiningFlood(Math.max(1, Math.floor(n / 100)))),
  /** U+FDFA (18 code points under NFKC) filling the prose. */
  'fdfa-prose': (n: number): HostileSpec => proseOnly('\uFDFA'.repeat(n)),
  /** U+FDFA as the text of many claims. */
  'fdfa-claim-texts': (n: number): HostileSpec => claimsWithText(Math.max(1, Math.floor(n / 1000)), '\uFDFA'.repeat(1000)),
  /** Zero-width runs between the letters of PASS, on one line. */
  'zero-width-pass': (n: number): HostileSpec => proseOnly(Array.from({ length: n }, () => 'P\u200BA\u200BS\u200BS\u200B ').join('')),
  /** One huge line of near-matches of pass assertions, exit codes and verdict tokens. */
  'near-matches-line': (n: number): HostileSpec => proseOnly('22/22 PAS exit 0x all tests pas PASSE does not exis anywher '.repeat(n)),
  /** Every character of every claim text needs a report.md escape (CommonMark punctuation and tags). */
  'escape-every-char': (n: number): HostileSpec => claimsWithText(Math.max(1, Math.floor(n / 1000)), '*_[`<|\u{E0041}\u200B'.repeat(125)),
  /** Many claims with the same claim_id. */
  'duplicate-claim-ids': (n: number): HostileSpec => {
    const spec = claimsWithText(n, 'x');
    return { ...spec, claims: (spec.claims ?? []).map((claim) => ({ ...claim, claim_id: 'R1' })) };
  },
  /** A listing of `n` one-letter entries, 100 claims each citing it 200 times. */
  'tiny-entries-listing': (n: number): HostileSpec => tinyListing(n, 100, 200),
  /** A long subject path (128 KiB) on many claims. */
  'long-subject': (n: number): HostileSpec => claimsWithText(Math.max(1, Math.floor(n / 1000)), 'x', `${'d/'.repeat(64 * 1024)}f.py`),
} as const;
