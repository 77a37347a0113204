import { matchingForm, toMatchingText, type MatchingText } from './text-normalize.js';
import { meetsNeeds, presenceOf, shapeOf, type PatternShape } from './text-normalize-needs.js';

/**
 * Rule patterns are written in plain ASCII and skeletonized the same way as the text they run on
 * (SPEC §3): every literal character becomes its matching form (`m` → `rn`, `0` → `o`, `S` → `s`),
 * character classes gain the matching forms of their members (`\d` also matches `o` and `l`, the
 * skeletons of `0` and `1`), and the syntax (groups, look-arounds, quantifiers, `\b`, `\s`, `\w`)
 * is kept. The patterns are the project's own, so this reads the subset of RegExp syntax they use
 * and throws on anything else (a programmer error, caught by the tests at load).
 */
const SYNTAX = new Set(['(', ')', '|', '*', '+', '?', '^', '$', '.']);
const KEPT_ESCAPES = new Set(['b', 'B', 's', 'S', 'w', 'W', 'n', 'r', 't']);

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, (char) => `\\${char}`);
}

function literal(char: string): string {
  const mapped = matchingForm(char);
  if (mapped.length === 1) return escapeLiteral(mapped);
  return `(?:${escapeLiteral(mapped)})`;
}

/** The single-unit members of a class and, apart, the members whose skeleton is several units (`"` → `''`). */
function classMembers(chars: Iterable<string>): { units: string; sequences: string[] } {
  const members = new Set<string>();
  const sequences = new Set<string>();
  for (const char of chars) {
    members.add(char.toLowerCase());
    const mapped = matchingForm(char);
    if (mapped.length === 1) members.add(mapped);
    else if (mapped.length > 1) sequences.add(mapped);
  }
  const units = [...members].map((member) => member.replace(/[\\\]^-]/g, (char) => `\\${char}`)).join('');
  return { units, sequences: [...sequences].map(escapeLiteral) };
}

function range(from: string, to: string): string[] {
  const chars: string[] = [];
  for (let code = from.charCodeAt(0); code <= to.charCodeAt(0); code += 1) chars.push(String.fromCharCode(code));
  return chars;
}

/** `[...]` starting at `start` (the `[`): the rewritten class and the index after its `]`. */
function readClass(source: string, start: number): { text: string; next: number } {
  let index = start + 1;
  const negated = source[index] === '^';
  if (negated) index += 1;
  const kept: string[] = [];
  const chars: string[] = [];
  while (index < source.length && source[index] !== ']') {
    let char = source[index] ?? '';
    if (char === '\\') {
      const escaped = source[index + 1] ?? '';
      index += 2;
      if (escaped === 'd') {
        kept.push('\\d');
        chars.push('0', '1');
        continue;
      }
      if (KEPT_ESCAPES.has(escaped)) {
        kept.push(`\\${escaped}`);
        continue;
      }
      char = escaped;
    } else {
      index += 1;
    }
    if (source[index] === '-' && source[index + 1] !== ']' && source[index + 1] !== undefined) {
      chars.push(...range(char, source[index + 1] ?? char));
      index += 2;
    } else {
      chars.push(char);
    }
  }
  if (source[index] !== ']') throw new Error(`unterminated character class in /${source}/`);
  const { units, sequences } = classMembers(chars);
  const unitClass = `[${negated ? '^' : ''}${kept.join('')}${units}]`;
  // A negated class stays one unit wide (an approximation only for members with multi-unit skeletons).
  const text = negated || sequences.length === 0 ? unitClass : `(?:${[unitClass, ...sequences].join('|')})`;
  return { text, next: index + 1 };
}

/** `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!` or a plain `(`: copied as they are. */
function groupOpening(source: string, index: number): string {
  const match = /^\((?:\?(?::|=|!|<=|<!))?/.exec(source.slice(index, index + 4));
  return match?.[0] ?? '(';
}

/** The skeletonized source of one rule pattern. */
export function skeletonizePatternSource(source: string): string {
  let out = '';
  let index = 0;
  while (index < source.length) {
    const char = source[index] ?? '';
    if (char === '\\') {
      const escaped = source[index + 1] ?? '';
      index += 2;
      if (escaped === 'd') out += '[\\dol]';
      else if (KEPT_ESCAPES.has(escaped)) out += `\\${escaped}`;
      else if (/[A-Za-z0-9]/.test(escaped)) throw new Error(`unsupported escape \\${escaped} in /${source}/`);
      else out += literal(escaped);
      continue;
    }
    if (char === '[') {
      const rewritten = readClass(source, index);
      out += rewritten.text;
      index = rewritten.next;
      continue;
    }
    if (char === '{') {
      const quantifier = /^\{\d+(?:,\d*)?\}/.exec(source.slice(index));
      if (quantifier === null) throw new Error(`unsupported { in /${source}/`);
      out += quantifier[0];
      index += quantifier[0].length;
      continue;
    }
    if (char === '(') {
      const opening = groupOpening(source, index);
      out += opening;
      index += opening.length;
      continue;
    }
    out += SYNTAX.has(char) ? char : literal(char);
    index += 1;
  }
  return out;
}

/** A rule pattern and its skeletonized twin; `i` is kept, `g` is added for scanning; what its matches hold and read (PatternShape). */
export interface TextRulePattern extends PatternShape {
  readonly source: RegExp;
  readonly matcher: RegExp;
}

export function textRulePattern(source: RegExp): TextRulePattern {
  const flags = `${source.flags.replace(/[gyu]/g, '')}g`;
  const skeleton = skeletonizePatternSource(source.source);
  const { needs, reach } = shapeOf(skeleton);
  return { source, matcher: new RegExp(skeleton, flags), needs, reach };
}

/**
 * Whether a text may match one of `patterns` in some order of its characters: false when each
 * pattern needs characters that the text's matching form lacks. Every visual order of a text holds
 * the characters of its stored order (text-normalize-bidi.ts moves them, drops only controls that
 * have no form, and each character's form is its own), so a text for which this is false needs no
 * visual form for these patterns.
 */
export function mayMatchReordered(form: string, patterns: readonly TextRulePattern[]): boolean {
  const present = presenceOf(form);
  return patterns.some((pattern) => meetsNeeds(pattern.needs, present));
}

/** One finding of a text rule, in the original text's offsets. */
export interface TextHit {
  readonly start: number;
  readonly end: number;
  /** The original text that matched. */
  readonly excerpt: string;
}

/** The forms a rule is tried on: the stored order and, when bidi reorders the text, its visual orders. */
function formsOf(text: MatchingText): readonly MatchingText[] {
  return text.visuals === undefined ? [text] : [text, ...text.visuals];
}

function hitAt(text: MatchingText, start: number, end: number): TextHit {
  let originalStart = text.originalStart(start);
  let originalEnd = Math.max(originalStart, text.originalEnd(end));
  // In visual order the matched units come from anywhere in a reversed run: take the span they all cover.
  if (end - start > 1 && text.inVisualOrder === true) {
    for (let index = start; index < end; index += 1) {
      originalStart = Math.min(originalStart, text.originalStart(index));
      originalEnd = Math.max(originalEnd, text.originalEnd(index + 1));
    }
  }
  return { start: originalStart, end: originalEnd, excerpt: text.original.slice(originalStart, originalEnd) };
}

function firstHitIn(text: MatchingText, pattern: TextRulePattern): TextHit | undefined {
  const matcher = pattern.matcher;
  matcher.lastIndex = 0;
  const match = matcher.exec(text.text);
  return match === null ? undefined : hitAt(text, match.index, match.index + match[0].length);
}

/** The first hit of a pattern (in stored order, else in a visual order), or undefined. */
export function firstHit(text: MatchingText, pattern: TextRulePattern): TextHit | undefined {
  for (const form of formsOf(text)) {
    const hit = firstHitIn(form, pattern);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

export function hasHit(text: MatchingText, patterns: readonly TextRulePattern[]): boolean {
  return formsOf(text).some((form) =>
    patterns.some((pattern) => {
      pattern.matcher.lastIndex = 0;
      return pattern.matcher.test(form.text);
    }),
  );
}

/** Every hit of every pattern in either form, merged where they overlap in the original, in text order. */
export function allHits(text: MatchingText, patterns: readonly TextRulePattern[]): TextHit[] {
  const ranges: Array<[number, number]> = [];
  for (const form of formsOf(text)) {
    for (const pattern of patterns) {
      const matcher = pattern.matcher;
      matcher.lastIndex = 0;
      for (let match = matcher.exec(form.text); match !== null; match = matcher.exec(form.text)) {
        const hit = hitAt(form, match.index, match.index + match[0].length);
        ranges.push([hit.start, hit.end]);
        if (match[0].length === 0) matcher.lastIndex += 1;
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged.map(([start, end]) => ({ start, end, excerpt: text.original.slice(start, end) }));
}

/** Replaces every hit in the original text (offsets mapped back), leaving everything else as it was. */
export function replaceHits(original: string, patterns: readonly TextRulePattern[], replacement: string): { text: string; changed: boolean } {
  const hits = allHits(toMatchingText(original), patterns);
  if (hits.length === 0) return { text: original, changed: false };
  let result = '';
  let cursor = 0;
  for (const hit of hits) {
    if (hit.start < cursor) continue;
    result += original.slice(cursor, hit.start) + replacement;
    cursor = hit.end;
  }
  return { text: result + original.slice(cursor), changed: true };
}
