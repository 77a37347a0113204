import { posix } from 'node:path';
import type { Claim } from '../packet/schema.js';

/**
 * SPEC §3 prose scan over the dossier's own text. Each sentence is classified as a pass/run
 * assertion, a claim-like statement, or ordinary prose; what cannot be classified — a claim-like
 * statement no structured claim covers, hidden or undecodable text — is an UNPARSED_REGION.
 */
export interface ProseFinding {
  readonly line: number;
  readonly excerpt: string;
  readonly why: string;
}

export interface PassAssertion extends ProseFinding {
  readonly backed: boolean;
}

export interface ProseScan {
  readonly passAssertions: PassAssertion[];
  readonly unparsedRegions: ProseFinding[];
}

/** Sentences that assert a pass or a run ("22/22 PASS", "exit 0", "all tests pass", "selftest passed"). */
export const PASS_ASSERTION_PATTERNS: readonly RegExp[] = [
  /\b\d+\s*\/\s*\d+\s*(?:tests?\s+|checks?\s+)?(?:pass(?:ed|es|ing)?|ok|green|succeeded)\b/i,
  /\bexit(?:ed)?(?:\s+with)?(?:\s+(?:code|status))?\s*[:=]?\s*0\b/i,
  /\b(?:return\s+code|rc)\s*[:=]?\s*0\b/i,
  /\ball\s+(?:the\s+)?(?:tests?|checks?)\s+(?:pass(?:ed|es)?|are\s+green|succeed(?:ed)?)\b/i,
  /\bself-?tests?\s+(?:pass(?:ed|es)?|succeed(?:ed|s)?|ran|runs|(?:is|are)\s+green)\b/i,
  /\b(?:tests?|checks?|suite)\s+(?:pass(?:ed|es)?|(?:is|are)\s+green|succeeded)\b/i,
  /\b(?:ran|runs|executed)\s+(?:successfully|cleanly|without\s+(?:errors?|failures?))\b/i,
];

/** Statements shaped like a claim: existence, running, reproduction, approval, counts. */
const CLAIM_CUE_PATTERNS: readonly RegExp[] = [
  /\b(?:exists?|existed|is\s+present|is\s+available|is\s+located|absent)\b/i,
  /\b(?:runs?|ran|executes?|executed)\b/i,
  /\breproduc(?:ed|es|ible)\b/i,
  /\b(?:approved|signed\s+off|sign-off\s+granted)\b/i,
  /(?<![\d,])\d[\d,]*\s+(?:rows|records|items|documents|entries|matches|hits)\b/i,
];

/** Longer lines are not classified sentence by sentence (and no pattern ever sees them whole). */
const MAX_CLASSIFIED_LINE = 10_000;

const UNDECODABLE = /[\uFFFD\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

function normalize(text: string): string {
  return text.toLowerCase().replace(/[*_`>#|]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function sentencesOf(line: string): string[] {
  const cleaned = line.replace(/^\s*(?:#{1,6}|[-*+]|\d+[.)]|>)\s+/, '').replace(/\|/g, ' . ');
  return cleaned.split(/(?<=[.!?;])\s+/).map((sentence) => sentence.trim()).filter((sentence) => /[A-Za-z0-9]/.test(sentence));
}

function covers(claim: Claim, sentence: string): boolean {
  const claimText = normalize(claim.text);
  const said = normalize(sentence);
  if (claimText !== '' && (said.includes(claimText) || claimText.includes(said))) return true;
  return claim.subject !== undefined && sentence.includes(posix.basename(claim.subject));
}

function backs(claim: Claim, sentence: string, matched: string): boolean {
  return normalize(claim.text).includes(normalize(matched)) || covers(claim, sentence);
}

export function scanProse(text: string, claims: readonly Claim[], acceptedExecutionClaims: readonly Claim[]): ProseScan {
  const passAssertions: PassAssertion[] = [];
  const unparsedRegions: ProseFinding[] = [];
  let fence = false;
  let comment: number | undefined;
  text.split('\n').forEach((rawLine, index) => {
    const line = index + 1;
    if (comment !== undefined) {
      if (rawLine.includes('-->')) comment = undefined;
      return;
    }
    if (rawLine.includes('<!--')) {
      unparsedRegions.push({ line, excerpt: rawLine.trim(), why: 'hidden text (an HTML comment) cannot be classified' });
      if (!rawLine.includes('-->')) comment = line;
      return;
    }
    if (/^\s*(?:```|~~~)/.test(rawLine)) {
      fence = !fence;
      return;
    }
    if (rawLine.length > MAX_CLASSIFIED_LINE) {
      unparsedRegions.push({ line, excerpt: `${rawLine.slice(0, 200)}…`, why: `a line longer than ${MAX_CLASSIFIED_LINE} characters is not classified` });
      return;
    }
    if (UNDECODABLE.test(rawLine)) {
      unparsedRegions.push({ line, excerpt: rawLine.trim(), why: 'undecodable or control characters' });
      return;
    }
    for (const sentence of sentencesOf(rawLine)) {
      const pass = PASS_ASSERTION_PATTERNS.map((pattern) => sentence.match(pattern)?.[0]).find((match) => match !== undefined);
      if (pass !== undefined) {
        const backed = acceptedExecutionClaims.some((claim) => backs(claim, sentence, pass));
        passAssertions.push({ line, excerpt: sentence, why: `asserts "${pass}"`, backed });
        continue;
      }
      // Code blocks are scanned for pass assertions (a pasted "22/22 PASS" still counts) but not for claims.
      if (fence) continue;
      if (CLAIM_CUE_PATTERNS.some((pattern) => pattern.test(sentence)) && !claims.some((claim) => covers(claim, sentence))) {
        unparsedRegions.push({ line, excerpt: sentence, why: 'a claim-like statement that no structured claim covers' });
      }
    }
  });
  return { passAssertions, unparsedRegions };
}
