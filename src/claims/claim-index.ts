import { posix } from 'node:path';
import { ENCLOSED_LETTER, matchingForm, matchingForms } from '../../policy/text-normalize.js';
import type { Claim } from '../packet/schema.js';
import { isArtifactToken } from '../text/artifact-tokens.js';
import { renderedForm } from '../text/rendered.js';
import { FORBIDDEN_VERDICT_TOKENS } from '../../policy/text-rules.js';

/**
 * Which structured claims a dossier sentence is covered by, answered from indexes built once per
 * scan, so the prose scan stays linear in dossier size plus claim count (a sentence is never
 * compared with every claim). A sentence is covered when, in matching form:
 *   - it equals a claim's text, or one sentence of it, with or without a leading label (`C1: …`);
 *   - it contains a claim's whole text starting at a word (found through the text's first three words);
 *   - it is about claim subjects only: one of its tokens names a subject (its path, or a shorter
 *     tail of it down to the file name: `vendor/canon.py` is another artifact than `tools/canon.py`),
 *     and every token that names an artifact names one of them ("tools/evil.py: 22/22 PASS (like
 *     canon.py)" is about evil.py, not canon.py). For a pass assertion the subject must be named
 *     in the part of the sentence its pass is about (prose-scan.ts): "Besides tools/canon.py, the
 *     release build: 22/22 PASS." is about the release build (issue 13, round 9). A subject whose name is a word of the prose
 *     rules themselves (`PASS`, `exit`, `ok`, a verdict token) or has no letter never covers prose.
 * Claim texts are compared in their rendered form (text/rendered.ts), as the dossier's sentences are.
 * Each lookup is bounded; when an adversarial dossier exhausts the comparison budget the answer
 * is "not covered", which can only make the verdict stricter (an UNPARSED_REGION, an unbacked pass).
 */
const MARKUP = /[*_`>#|]+/g;

export function coverageKey(text: string): string {
  return matchingForm(text.replace(MARKUP, ' ')).trim();
}

const HAS_MARKUP = /[*_`>#|]/;

/**
 * coverageKey of many texts, their forms computed in one pass (matchingForms). `forms`: the
 * texts' matching forms when the caller has them already; a text without markup then has its
 * form as its key (the markup replacement changes nothing), and only the others are formed again.
 */
export function coverageKeys(texts: readonly string[], forms?: ReadonlyArray<string | undefined>): string[] {
  const marked: number[] = [];
  const keys = texts.map((text, index) => {
    const form = forms?.[index];
    if (form !== undefined && !HAS_MARKUP.test(text)) return form.trim();
    marked.push(index);
    return '';
  });
  const markedForms = matchingForms(marked.map((index) => (texts[index] ?? '').replace(MARKUP, ' ')));
  marked.forEach((index, at) => {
    keys[index] = (markedForms[at] ?? '').trim();
  });
  return keys;
}

/** A sentence has a letter or a number, or an enclosed letter (Ⓐ, 🅰: symbols that read as letters). */
const HAS_WORD = /[\p{L}\p{N}]/u;

/** A `|` that is no letter's stand-in: one without a letter or digit on both sides. */
const CELL_BORDER = /(?<![\p{L}\p{N}])\||\|(?![\p{L}\p{N}])/gu;
const PIPE_IN_A_WORD = /[\p{L}\p{N}]\|[\p{L}\p{N}]/u;

/** Whether a `|` stands between two letters or digits, where it may be a letter (`EX|ST`: TR39 reads it `l`). */
export function hasPipeInAWord(text: string): boolean {
  return text.includes('|') && PIPE_IN_A_WORD.test(text);
}

/**
 * The text with its `|`s read as cell borders (spaces): every one, or (`pipesInWords`) those without a
 * letter or digit on both sides, the others kept as letters. Same length.
 */
export function pipesAsSpaces(text: string, pipesInWords = false): string {
  if (!text.includes('|')) return text;
  return text.replace(pipesInWords ? CELL_BORDER : /\|/g, ' ');
}

/**
 * Sentence splitting shared by the dossier scan and the claim texts, so both sides split alike. A
 * `|` reads as a space: a GFM table row is one sentence, its cells read in a row as a reader of the
 * rendered table reads them (`| canon | 22/22 | PASS |` says "canon 22/22 PASS"). A `|` between two
 * letters may be a letter instead: the dossier scan reads such a text a second time with
 * `pipesInWords` (round 20, docs/choices.md 95), as it reads struck text both ways.
 */
export function sentencesOf(line: string, pipesInWords = false): string[] {
  const cleaned = pipesAsSpaces(line.replace(/^\s*(?:#{1,6}|[-*+]|\d+[.)]|>)\s+/, ''), pipesInWords);
  return cleaned.split(/(?<=[.!?;])\s+/).map((sentence) => sentence.trim()).filter((sentence) => HAS_WORD.test(sentence) || ENCLOSED_LETTER.test(sentence));
}

const LABEL = /^[\w.-]{1,24}:\s*/;

/** The words the prose rules read (and the verdict tokens): a subject named like one of them covers nothing. */
const PROSE_WORDS = [
  'pass', 'passed', 'passes', 'passing', 'ok', 'okay', 'green', 'succeeded', 'success', 'successful', 'successfully', 'exit', 'exited',
  'code', 'status', 'rc', 'return', 'test', 'tests', 'check', 'checks', 'all', 'the', 'selftest', 'self-test', 'selftests', 'suite',
  'ran', 'run', 'runs', 'executed', 'cleanly', 'fail', 'failed', 'certified', 'approved', 'verified', 'valid', 'done', 'final', 'verdict',
  ...FORBIDDEN_VERDICT_TOKENS,
];
const PROSE_WORD_FORMS: ReadonlySet<string> = new Set(matchingForms(PROSE_WORDS));
const ANCHOR_WORDS = 3;
/** Candidates kept per anchor, and characters compared per scan: beyond them, "not covered". */
const MAX_CANDIDATES_PER_ANCHOR = 8;
const COMPARISON_BUDGET = 64 * 1024 * 1024;
const TOKEN_SPLIT = /[\s,;:()"'[\]<>{}]+/;

export interface ClaimIndex {
  /** `about`: the part of the sentence its pass is about, where a subject must be named (prose-scan.ts). */
  covers(sentence: string, key?: string, about?: string): boolean;
}

/** A path as written in prose, normalized (`./tools//canon.py` is `tools/canon.py`). */
function asPath(token: string): string {
  return token.includes('/') ? posix.normalize(token).replace(/^(?:\.\/)+/, '') : token;
}

/** A subject path and its shorter tails at each `/`, down to the file name: the ways prose names that artifact. */
function pathTails(subject: string): string[] {
  const parts = asPath(subject).split('/').filter((part) => part !== '');
  return parts.map((_, index) => parts.slice(index).join('/'));
}

/** anchorOf(key.split(' '), 0) without splitting the whole key: its first ANCHOR_WORDS words. */
function leadingWords(key: string): string {
  let end = -1;
  for (let word = 0; word < ANCHOR_WORDS; word += 1) {
    end = key.indexOf(' ', end + 1);
    if (end === -1) return key;
  }
  return key.slice(0, end);
}

function anchorOf(words: readonly string[], from: number): string {
  return words.slice(from, from + ANCHOR_WORDS).join(' ');
}

/** Each subject's path and its tails at a `/` (`tools/canon.py`, `canon.py`), in matching form and as written (lower case). */
interface SubjectNames {
  readonly forms: ReadonlySet<string>;
  readonly plain: ReadonlySet<string>;
}

function subjectNamesOf(claims: readonly Claim[]): SubjectNames {
  const forms = new Set<string>();
  const plain = new Set<string>();
  const tails = claims.map((claim) => (claim.subject === undefined ? [] : pathTails(claim.subject)));
  const tailForms = matchingForms(tails.flat());
  const baseForms = matchingForms(claims.map((claim) => (claim.subject === undefined ? '' : posix.basename(claim.subject))));
  let nextTail = 0;
  claims.forEach((claim, index) => {
    const name = baseForms[index] ?? '';
    const subjectTails = tails[index] ?? [];
    const first = nextTail;
    nextTail += subjectTails.length;
    if (claim.subject !== undefined && name !== '' && !PROSE_WORD_FORMS.has(name) && /\p{L}/u.test(name)) {
      for (let tail = first; tail < nextTail; tail += 1) forms.add(tailForms[tail] ?? '');
      for (const tail of subjectTails) plain.add(tail.toLowerCase());
    }
  });
  return { forms, plain };
}

export function buildClaimIndex(claims: readonly Claim[]): ClaimIndex {
  const whole = new Set<string>();
  const byAnchor = new Map<string, string[]>();
  // Every matching form this index needs, each list formed in one pass.
  const rendered = claims.map((claim) => renderedForm(claim.text));
  const keys = coverageKeys(rendered);
  const partsOf = rendered.map((text) => sentencesOf(text));
  // A one-sentence claim text (the common case) is its own part: its key is not formed twice.
  const partKeys = coverageKeys(
    partsOf.flat(),
    partsOf.flatMap((parts, index) => (parts.length === 1 && parts[0] === rendered[index] ? [keys[index] ?? ''] : parts.map(() => undefined))),
  );
  let nextPart = 0;
  claims.forEach((_, index) => {
    const key = keys[index] ?? '';
    const parts = partsOf[index] ?? [];
    const firstPart = nextPart;
    nextPart += parts.length;
    if (key === '') return;
    whole.add(key);
    for (let part = firstPart; part < nextPart; part += 1) whole.add(partKeys[part] ?? '');
    const anchor = leadingWords(key);
    const list = byAnchor.get(anchor);
    if (list === undefined) byAnchor.set(anchor, [key]);
    else if (list.length < MAX_CANDIDATES_PER_ANCHOR && !list.includes(key)) list.push(key);
  });
  // The subjects' names are needed only by a sentence that is no claim's text and holds none: a
  // dossier that restates its claims (100,000 of them) never forms their 300,000 path tails.
  let subjectNames: SubjectNames | undefined;
  const names = (): SubjectNames => (subjectNames ??= subjectNamesOf(claims));
  let budget = COMPARISON_BUDGET;

  const containsClaimText = (said: string): boolean => {
    const words = said.split(' ');
    let offset = 0;
    for (let index = 0; index < words.length && budget > 0; index += 1) {
      for (const candidate of byAnchor.get(anchorOf(words, index)) ?? []) {
        budget -= candidate.length;
        if (said.startsWith(candidate, offset)) return true;
      }
      offset += (words[index]?.length ?? 0) + 1;
    }
    return false;
  };

  const mentionsSubject = (said: string): boolean => {
    const { forms } = names();
    if (forms.size === 0) return false;
    for (const token of said.split(TOKEN_SPLIT)) {
      if (forms.has(asPath(token.replace(/[.!?]+$/, '')))) return true;
    }
    return false;
  };

  // Another artifact named in the same sentence (read on the sentence as written, where `1/1` is no path):
  // the sentence is (also) about something no backed claim is about.
  const namesOtherArtifact = (sentence: string): boolean => {
    const { plain } = names();
    for (const token of sentence.split(TOKEN_SPLIT)) {
      const trimmed = token.replace(/[.!?:]+$/, '');
      if (isArtifactToken(trimmed) && !plain.has(asPath(trimmed).toLowerCase())) return true;
    }
    return false;
  };

  return {
    covers(sentence, key = coverageKey(sentence), about) {
      if (key === '') return false;
      if (whole.has(key) || whole.has(key.replace(LABEL, ''))) return true;
      if (containsClaimText(key)) return true;
      if (!mentionsSubject(key) || namesOtherArtifact(sentence)) return false;
      return about === undefined || mentionsSubject(coverageKey(about));
    },
  };
}
