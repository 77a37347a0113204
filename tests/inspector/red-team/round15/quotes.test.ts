import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { viewMarkdown } from '../markdown-view.js';
import { backedCountClaim, type JsonObject } from '../packet-gen.js';
import { dossier, flagsOf9, inspect9, roundRoot, summary9, type Run9 } from '../round9/gen9.js';
import { createJudge15 } from './judge15.js';

/**
 * rt-packets15, quotes of the packet after session 14's choice 33 (a quote keeps the packet's
 * characters; its global-absence phrases are written as `\u{…}` escapes). What a reader of report.md
 * sees of a claim's text (rendered with the `commonmark` package, escapes decoded, as the report's
 * flag detail tells the reader to) must be the packet's value, or a prefix of it cut at a character
 * and marked `…`; report.json's quote, decoded, must be the value exactly; and no rendered text may
 * read as global absence. Each variant's twin is the plain denial sentence, which gets
 * FLAG_GLOBAL_DENIAL_WORDING; the variant must get it too.
 */
const { judge, checkAllListedRan } = createJudge15('quotes');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const DENIAL_FLAG = 'FLAG_GLOBAL_DENIAL_WORDING';
const GLOBAL_ABSENCE = /does not exist/i;
/** An escape cut short by the claim cell's `…` (judged by its own key; the other keys look past it). */
const PARTIAL_ESCAPE_BEFORE_CUT = /\\u(\{[0-9a-fA-F]*)?…$/;
const ESCAPE = /\\u\{([0-9a-fA-F]{1,6})\}/g;

function decodeEscapes(text: string): string {
  return text.replace(ESCAPE, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));
}

/** GFM cells of a table row: split at every pipe not escaped by a backslash. */
function cellsOf(row: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let index = 0; index < row.length; index += 1) {
    if (row[index] === '\\' && row[index + 1] === '|') {
      current += '\\|';
      index += 1;
    } else if (row[index] === '|') {
      cells.push(current);
      current = '';
    } else current += row[index];
  }
  return [...cells, current].slice(1, -1).map((cell) => cell.trim().replaceAll('\\|', '|'));
}

function claimText(result: Run9): string | undefined {
  const claims = (result.report?.claims as JsonObject[] | undefined) ?? [];
  const chain = claims[0]?.chain as { claim?: { text?: unknown } } | undefined;
  return typeof chain?.claim?.text === 'string' ? chain.claim.text : undefined;
}

/** What went wrong with the quote of `value` in report.json and in report.md's claim row. */
function quoteProblems(result: Run9, value: string, strictCut: boolean): string[] {
  const problems: string[] = [];
  const json = claimText(result);
  if (json === undefined || decodeEscapes(json) !== value) problems.push(`report.json quote decodes to ${JSON.stringify(json === undefined ? json : decodeEscapes(json).slice(0, 120))}`);
  const row = (result.markdown ?? '').split('\n').find((line) => line.startsWith('| R1'));
  if (row === undefined) return [...problems, 'report.md has no row for R1'];
  const shown = viewMarkdown(cellsOf(row)[0] ?? '').text.replace(/^R1: /, '');
  if (GLOBAL_ABSENCE.test(shown)) problems.push(`report.md reads as global absence: ${JSON.stringify(shown.slice(0, 120))}`);
  const decoded = strictCut ? decodeEscapes(shown) : decodeEscapes(shown).replace(PARTIAL_ESCAPE_BEFORE_CUT, '…');
  const whole = decoded === value;
  const cut = decoded.endsWith('…') && value.startsWith(decoded.slice(0, -1));
  if (!whole && !cut) problems.push(`report.md shows ${JSON.stringify(decoded.slice(0, 160))}, neither the value nor a prefix of it`);
  return problems;
}

async function inspectClaim(text: string, label: string): Promise<Run9> {
  const base = backedCountClaim();
  const claim = { ...base.claim, text, claim_type: 'CONTENT_STATES' };
  return inspect9({ dossierText: dossier('Hello.'), claims: [claim], items: [base.item] }, label);
}

const TWIN = 'The file does not exist anywhere.';
const VALUES: Record<string, string> = {
  'plain-denial': TWIN,
  'denial-with-markdown-syntax': 'The file does not exist anywhere | `x` <b> &amp; [l](u) *e* \\| ~~s~~.',
  'denial-in-cyrillic-look-alike': 'The file d\u043Ees n\u043Et exist anywhere.',
  'denial-with-zero-width-joiners': 'The file do\u200Des not ex\u200Dist anywhere.',
  // The packet writes tki's escape notation itself: a reader who decodes report.md's escapes (as the
  // flag detail says to) reads what the packet never wrote, unless the packet's backslash is escaped.
  'packet-writes-escape-notation': 'The file does not exist anywhere, \\u{64}.',
  'packet-spells-denial-in-escape-notation': 'The file \\u{64}\\u{6f}\\u{65}\\u{73} not exist anywhere.',
  // A long quote: the claim cell shortens it; the cut must fall between characters, not inside an escape.
  'long-denial-cut-in-claim-cell': `The file does not exist anywhere; ${'and it does not exist there either; '.repeat(8)}end.`,
};

describe('a quote of the packet reads as the packet wrote it, never as global absence', () => {
  for (const [name, value] of Object.entries(VALUES)) {
    it(name, async () => {
      const twin = await inspectClaim(TWIN, 'quotes15-twin');
      if (!flagsOf9(twin).includes(DENIAL_FLAG)) {
        judge(`quotes:${name}`, `control failed: the twin is not flagged: ${summary9(twin)}`);
        return;
      }
      const result = await inspectClaim(value, `quotes15-${name}`);
      const problems = quoteProblems(result, value, name === 'long-denial-cut-in-claim-cell');
      if (!flagsOf9(result).includes(DENIAL_FLAG)) problems.push(`no ${DENIAL_FLAG}: ${summary9(result)}`);
      judge(`quotes:${name}`, problems.length === 0 ? undefined : problems.join('; '));
    });
  }
});

/** Every `excerpt` of the prose scan's listed findings in report.json. */
function proseExcerpts(result: Run9): string[] {
  const excerpts: string[] = [];
  const walk = (value: unknown, field: string): void => {
    if (typeof value === 'string' && field === 'excerpt') excerpts.push(value);
    else if (Array.isArray(value)) for (const entry of value) walk(entry, field);
    else if (typeof value === 'object' && value !== null) for (const [key, entry] of Object.entries(value)) walk(entry, key);
  };
  walk(result.report?.prose, '');
  return excerpts;
}

describe('a dossier excerpt with escaped global-absence wording decodes to the dossier\'s sentence', () => {
  const sentences: Record<string, string> = {
    'dossier-excerpt-plain': 'The file does not exist anywhere.',
    // The dossier shows `\u{64}` as written (a backslash before `u` is no escape in CommonMark).
    'dossier-excerpt-with-escape-notation': 'The file does not exist anywhere, \\u{64}.',
  };
  for (const [name, sentence] of Object.entries(sentences)) {
    it(name, async () => {
      const result = await inspect9({ dossierText: dossier(sentence) }, `quotes15-${name}`);
      const excerpts = proseExcerpts(result);
      const problems: string[] = [];
      if (!flagsOf9(result).includes(DENIAL_FLAG)) problems.push(`no ${DENIAL_FLAG}: ${summary9(result)}`);
      if (!excerpts.some((excerpt) => GLOBAL_ABSENCE.test(decodeEscapes(excerpt)))) problems.push(`no excerpt quotes the sentence: ${JSON.stringify(excerpts).slice(0, 200)}`);
      const wrong = excerpts.find((excerpt) => GLOBAL_ABSENCE.test(decodeEscapes(excerpt)) && decodeEscapes(excerpt) !== sentence);
      if (wrong !== undefined) problems.push(`the excerpt decodes to ${JSON.stringify(decodeEscapes(wrong))}`);
      if (GLOBAL_ABSENCE.test(result.markdown ?? '')) problems.push('report.md reads as global absence');
      judge(`quotes:${name}`, problems.length === 0 ? undefined : problems.join('; '));
    });
  }
});
