import { firstHit, hasHit, mayMatchReordered, textRulePattern, type TextHit, type TextRulePattern } from '../../policy/text-normalize-pattern.js';
import { toMatchingTexts, type MatchingText } from '../../policy/text-normalize.js';
import { GLOBAL_DENIAL_PATTERNS, hasGlobalDenialWording } from '../../policy/text-rules.js';
import { AUTHORITY_PROSE_RULES } from './authority.js';
import { buildClaimIndex, coverageKeys } from './claim-index.js';
import { scanSteps, type ProseFinding, type SentenceStep } from './prose-blocks.js';
import type { Claim } from '../packet/schema.js';

/**
 * SPEC §3 prose scan over the dossier's own text. Each sentence is classified as a pass/run
 * assertion, a claim-like statement, or ordinary prose; what cannot be classified — a claim-like
 * statement no structured claim covers, hidden or undecodable text — is an UNPARSED_REGION.
 */
export type { ProseFinding } from './prose-blocks.js';

export interface PassAssertion extends ProseFinding {
  readonly backed: boolean;
}

/**
 * `globalDenials`: quoted sentences whose readings show global-absence wording that their quote, read
 * alone as the report's lint reads it, does not (shownDenialWording). `authorityAssertions`: sentences
 * of a right-to-left paragraph (first strong character, UAX #9 P2–P3, as the pass scan reads them)
 * that show authority wording, which the authority scan reads at each line's own level (round 13).
 */
export interface ProseScan {
  readonly passAssertions: PassAssertion[];
  readonly unparsedRegions: ProseFinding[];
  readonly globalDenials: ProseFinding[];
  readonly authorityAssertions: ProseFinding[];
}

/** Sentences that assert a pass or a run ("22/22 PASS", "exit 0", "all tests pass", "selftest passed"). */
export const PASS_ASSERTION_PATTERNS: readonly RegExp[] = [
  /\b\d+\s*\/\s*\d+\s*(?:tests?\s+|checks?\s+)?(?:pass(?:ed|es|ing)?|ok|green|succeeded)\b/i,
  // The count after the word: "PASS 22/22", "passed: 22/22", "OK (22/22)".
  /\b(?:pass(?:ed|es)?|ok|green|succeeded)\s*[:(]?\s*\d+\s*\/\s*\d+\b/i,
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
  /(?<![\d,])\b\d[\d,]*\s+(?:rows|records|items|documents|entries|matches|hits)\b/i,
];

/** The same patterns, skeletonized: they run on the matching form of each sentence (SPEC §3). */
const PASS_RULES: readonly TextRulePattern[] = PASS_ASSERTION_PATTERNS.map(textRulePattern);
const CLAIM_CUE_RULES: readonly TextRulePattern[] = CLAIM_CUE_PATTERNS.map(textRulePattern);
const GLOBAL_DENIAL_RULES: readonly TextRulePattern[] = GLOBAL_DENIAL_PATTERNS.map(textRulePattern);
/** Every rule the scan runs on a sentence's forms: a sentence none of them can match in any order gets no visual form. */
const SENTENCE_RULES: readonly TextRulePattern[] = [...PASS_RULES, ...CLAIM_CUE_RULES, ...GLOBAL_DENIAL_RULES, ...AUTHORITY_PROSE_RULES];
const mayMatchSentenceRules = (form: string): boolean => mayMatchReordered(form, SENTENCE_RULES);

function firstPassHit(sentence: MatchingText): TextHit | undefined {
  for (const rule of PASS_RULES) {
    const hit = firstHit(sentence, rule);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

const CLAUSE_BREAK = /,\s/g;

/**
 * The part of a sentence its pass phrase is about: the phrase's comma-delimited clause, with the
 * clause before it when the phrase opens its own ("For tools/canon.py, 22/22 PASS."). "Besides
 * tools/canon.py, the release build: 22/22 PASS." is about the release build (issue 13, round 9).
 */
export function passClause(sentence: string, hit: TextHit): string {
  const breaks = [...sentence.matchAll(CLAUSE_BREAK)].map((match) => match.index);
  const before = breaks.filter((at) => at < hit.start);
  let start = before.length === 0 ? 0 : (before[before.length - 1] as number) + 1;
  if (!/[\p{L}\p{N}]/u.test(sentence.slice(start, hit.start)) && before.length > 0) start = before.length === 1 ? 0 : (before[before.length - 2] as number) + 1;
  const end = breaks.find((at) => at >= hit.end) ?? sentence.length;
  return sentence.slice(start, end);
}

/**
 * Linear in the dossier's size plus the claim count: each line is read once, the sentences are put
 * in matching form together (one pass over their concatenation, not one call per sentence), and
 * claims are looked up through indexes built once (claim-index.ts).
 */
export function scanProse(text: string, claims: readonly Claim[], acceptedExecutionClaims: readonly Claim[]): ProseScan {
  const passAssertions: PassAssertion[] = [];
  const unparsedRegions: ProseFinding[] = [];
  const globalDenials: ProseFinding[] = [];
  const authorityAssertions: ProseFinding[] = [];
  const allClaims = buildClaimIndex(claims);
  const accepted = buildClaimIndex(acceptedExecutionClaims);
  const steps = scanSteps(text);
  const sentenceSteps = steps.flatMap((step) => ('sentence' in step ? [step] : []));
  const sentences = sentenceSteps.map((step) => step.sentence);
  proseCounter.sentences += sentences.length;
  // A sentence of a right-to-left paragraph is laid out right to left with it (dir="auto").
  const said = toMatchingTexts(
    sentences,
    sentenceSteps.map((step) => step.paragraphLevel),
    mayMatchSentenceRules,
  );
  const keys = coverageKeys(sentences, said.map((form) => form.text));
  let next = 0;
  for (const step of steps) {
    if (!('sentence' in step)) {
      unparsedRegions.push(step.finding);
      continue;
    }
    const { line, sentence } = step;
    const form = said[next] as MatchingText;
    const key = keys[next] ?? '';
    next += 1;
    const pass = firstPassHit(form);
    // Whether the report quotes the sentence (a finding's excerpt): only then can its wording be tki's to lint.
    let quoted = false;
    if (pass !== undefined) {
      // Backed only by a claim about what the sentence is about (claim-index.ts): the same pass phrase
      // said of another subject, or of none, is not backed (issue 13, round 7).
      const backed = accepted.covers(sentence, key, passClause(sentence, pass));
      passAssertions.push({ line, excerpt: step.quote(), why: `asserts "${step.shown(pass.start, pass.end)}"`, backed });
      quoted = true;
    } else if (!step.inFence && hasHit(form, CLAIM_CUE_RULES) && !allClaims.covers(sentence, key)) {
      // Code blocks are scanned for pass assertions (a pasted "22/22 PASS" still counts) but not for claims.
      unparsedRegions.push({ line, excerpt: step.quote(), why: 'a claim-like statement that no structured claim covers' });
      quoted = true;
    }
    if (quoted) shownDenialWording(step, form, globalDenials);
    if (step.paragraphLevel === 1 && hasHit(form, AUTHORITY_PROSE_RULES)) authorityAssertions.push({ line, excerpt: step.quote(), why: 'authority wording as a right-to-left paragraph shows it' });
  }
  return { passAssertions, unparsedRegions, globalDenials, authorityAssertions };
}

/**
 * Global-absence wording that the sentence's readings show (the same matching form the pass scan
 * reads: visible text, HTML direction and `bdo` laid out, ruby both ways, the paragraph's level) and
 * the report's quote of it does not (issue 13, rounds 13 and 14): the lint reads each emitted string
 * alone, as written, so `does not <bdo dir="rtl">tsixe</bdo>`, `ex<rt>x</rt>ist` or RLM-joined
 * words in a `dir="rtl"` span, or a later sentence of a right-to-left paragraph, would pass it. Only
 * for a sentence the report quotes: only then can its wording reach the report.
 */
function shownDenialWording(step: SentenceStep, form: MatchingText, globalDenials: ProseFinding[]): void {
  if (hasHit(form, GLOBAL_DENIAL_RULES) && !hasGlobalDenialWording(step.quote())) {
    globalDenials.push({ line: step.line, excerpt: step.quote(), why: 'global-absence wording as the dossier shows it' });
  }
}

/** Sentences classified (a cost counter for the structural tests: each once per scan). */
export const proseCounter = { sentences: 0 };
