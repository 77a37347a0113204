import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { backedCountClaim } from '../packet-gen.js';
import { dossier, flagsOf7, inspect7, roundRoot, summary, type Run7 } from './gen7.js';
import { createJudge7 } from './judge7.js';

/**
 * rt-packets7, look-alike text beyond round 6. Round 6's bidi fix reads U+202E overrides in display
 * order; embeddings and isolates (U+202B RLE, U+2067 RLI) with right-to-left marks (U+200F RLM,
 * U+061C ALM) between Latin words do not reverse letters, but they do reverse the ORDER of the words
 * (UAX #9: each Latin word is its own level-2 run inside a level-1 run), so stored "0 exit" displays
 * as "exit 0". And a paragraph holding one control character, U+FFFD or an entity the inspector does
 * not decode, or a sentence over 10,000 characters, is an UNPARSED_REGION whose pass assertion is
 * never scanned: the dossier gets UNVERIFIED (exit 2) where its ASCII twin gets READ_LEVEL_FAIL
 * (exit 1). Each variant must get the flag and the exit code of its twin.
 */
const { judge, checkAllListedRan } = createJudge7('look');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const twins = new Map<string, Promise<Run7>>();
function twinOf(text: string): Promise<Run7> {
  let run = twins.get(text);
  if (run === undefined) {
    run = inspect7({ dossierText: dossier(text) }, 'twin');
    twins.set(text, run);
  }
  return run;
}

interface Variant {
  readonly twin: string;
  readonly shown: string;
  readonly flag: string;
}

const PASS = 'FLAG_PROSE_ONLY_PASS';
const DENIAL = 'FLAG_GLOBAL_DENIAL_WORDING';
const AUTHORITY = 'FLAG_AUTHORITY_VIOLATION';
const RLE = '\u202B';
const PDF = '\u202C';
const RLI = '\u2067';
const PDI = '\u2069';
const RLM = '\u200F';
const ALM = '\u061C';
/** Words joined so that an RTL embedding shows them in reverse order: "c b a" stored shows "a b c". */
function rtlWords(words: readonly string[], mark = RLM): string {
  return words.join(`${mark} ${mark}`);
}
const LONG_TAIL = `${'word '.repeat(2_100)}done`;

const VARIANTS: Record<string, Variant> = {
  // Word order reversed by an isolate or embedding (letters stay in order, so no override is needed).
  'rli-word-order-exit-zero': { twin: 'The selftest: exit 0.', shown: `The selftest: ${RLI}0 exit${PDI}.`, flag: PASS },
  'rle-word-order-exit-zero': { twin: 'The selftest: exit 0.', shown: `The selftest: ${RLE}0 exit${PDF}.`, flag: PASS },
  'rle-word-order-22-22-pass': { twin: 'Selftest: 22/22 PASS.', shown: `Selftest: ${RLE}PASS 22/22${PDF}.`, flag: PASS },
  'rli-rlm-word-order-all-tests-pass': { twin: 'All tests pass.', shown: `${RLI}${rtlWords(['pass', 'tests', 'All'])}${PDI}.`, flag: PASS },
  'rli-alm-word-order-all-tests-pass': { twin: 'All tests pass.', shown: `${RLI}${rtlWords(['pass', 'tests', 'All'], ALM)}${PDI}.`, flag: PASS },
  'rli-word-order-global-denial': {
    twin: 'The file tools/legacy-export.py does not exist anywhere.',
    shown: `The file tools/legacy-export.py ${RLI}${rtlWords(['anywhere', 'exist', 'not', 'does'])}${PDI}.`,
    flag: DENIAL,
  },
  'rli-word-order-approves-release': { twin: 'The dossier approves the release.', shown: `The dossier ${RLI}${rtlWords(['release', 'the', 'approves'])}${PDI}.`, flag: AUTHORITY },
  'rli-word-order-authoritative-gate': { twin: 'This report is the authoritative gate.', shown: `This report is the ${RLI}${rtlWords(['gate', 'authoritative'])}${PDI}.`, flag: AUTHORITY },
  // The same written with numeric character references (CommonMark decodes them; the reader sees the isolate).
  'entity-rli-word-order-exit-zero': { twin: 'The selftest: exit 0.', shown: 'The selftest: &#x2067;0 exit&#x2069;.', flag: PASS },
  // GitHub renders $…$ as math (since 2022): the reader sees "exit 0", "All tests pass", "22/22 PASS".
  'github-math-exit-zero': { twin: 'The selftest: exit 0.', shown: 'The selftest: exit $0$.', flag: PASS },
  'github-math-text-pass': { twin: 'All tests pass.', shown: 'All tests $\\text{pass}$.', flag: PASS },
  'github-math-22-22-pass': { twin: 'Selftest: 22/22 PASS.', shown: 'Selftest: 22/22 $\\mathrm{PASS}$.', flag: PASS },
  // Unparsed regions are not scanned: one invisible or undecodable character hides the pass.
  'control-char-hides-pass': { twin: 'All tests pass.', shown: 'All tests pass. \u0001', flag: PASS },
  'replacement-char-hides-pass': { twin: 'All tests pass.', shown: 'All tests pass. \uFFFD', flag: PASS },
  'unknown-entity-hides-pass': { twin: 'All tests pass.', shown: 'All tests pass. &zzz;', flag: PASS },
  'long-sentence-hides-pass': { twin: 'All tests pass, and the run went on.', shown: `All tests pass, and the run went on with ${LONG_TAIL}.`, flag: PASS },
  // Guards (hold today).
  'rli-rlm-word-order-authority': {
    twin: 'This report is the authoritative gate and approves the release.',
    shown: `This report is the authoritative gate and ${RLI}${rtlWords(['release', 'the', 'approves'])}${PDI}.`,
    flag: AUTHORITY,
  },
  'rle-one-word-denial': { twin: 'The file tools/legacy-export.py does not exist anywhere.', shown: `The file tools/legacy-export.py does not exist ${RLE}anywhere${PDF}.`, flag: DENIAL },
  'katakana-no-as-slash': { twin: 'Selftest: 22/22 PASS.', shown: 'Selftest: 22\u30CE22 PASS.', flag: PASS },
  'st-ligature': { twin: 'All tests pass.', shown: 'All te\uFB06s pass.', flag: PASS },
  'long-s': { twin: 'All tests pass.', shown: 'All tests pa\u017F\u017F.', flag: PASS },
  'capital-o-as-zero': { twin: 'The selftest: exit 0.', shown: 'The selftest: exit O.', flag: PASS },
  'malayalam-ttha-as-zero': { twin: 'The selftest: exit 0.', shown: 'The selftest: exit \u0D20.', flag: PASS },
  'hebrew-samekh-as-zero': { twin: 'The selftest: exit 0.', shown: 'The selftest: exit \u05E1.', flag: PASS },
  'circled-zero': { twin: 'The tool exited with code 0.', shown: 'The tool exited with code \u24EA.', flag: PASS },
  'halfwidth-hangul-filler': { twin: 'All tests pass.', shown: 'All\uFFA0tests\uFFA0pass.', flag: PASS },
  'hangul-choseong-filler': { twin: 'All tests pass.', shown: 'All\u115Ftests\u115Fpass.', flag: PASS },
  'hangul-jungseong-filler': { twin: 'All tests pass.', shown: 'All\u1160tests\u1160pass.', flag: PASS },
  'ogham-space-mark': { twin: 'All tests pass.', shown: 'All\u1680tests\u1680pass.', flag: PASS },
  'math-sans-bold-italic': { twin: 'All tests pass.', shown: 'All tests \u{1D665}\u{1D656}\u{1D668}\u{1D668}.', flag: PASS },
  'next-line-after-sentence': { twin: 'All tests pass.', shown: 'All tests pass.\u0085', flag: PASS },
  'pre-html-block': { twin: 'All tests pass.', shown: '<pre>\nAll tests pass.\n</pre>', flag: PASS },
  'details-summary': { twin: 'All tests pass.', shown: '<details><summary>All tests pass.</summary>\nx\n</details>', flag: PASS },
  'named-entity-zero-width-space': { twin: 'All tests pass.', shown: 'All tests pa&ZeroWidthSpace;ss.', flag: PASS },
  'numeric-entity-rlo': { twin: 'All tests pass.', shown: 'All tests &#x202E;ssap&#x202C;.', flag: PASS },
  'github-math-fence': { twin: 'All tests pass.', shown: '```math\n\\text{All tests pass.}\n```', flag: PASS },
  'capitals-with-cgj': { twin: 'ALL TESTS PASS.', shown: 'ALL TESTS PA\u034FSS.', flag: PASS },
};

describe('a look-alike gets the flag and exit code of its ASCII twin', () => {
  for (const [name, variant] of Object.entries(VARIANTS)) {
    it(name, async () => {
      const twin = await twinOf(variant.twin);
      if (!flagsOf7(twin).includes(variant.flag)) {
        judge(`look:${name}`, `control failed: the twin ${JSON.stringify(variant.twin)} is not flagged ${variant.flag}: ${summary(twin)}`);
        return;
      }
      const result = await inspect7({ dossierText: dossier(variant.shown) }, `look-${name}`);
      const same = flagsOf7(result).includes(variant.flag) && result.exitCode === twin.exitCode;
      judge(`look:${name}`, same ? undefined : `${JSON.stringify(variant.shown.slice(0, 120))} → ${summary(result)}, twin → ${summary(twin)}`);
    });
  }
});

describe("the report's global-denial lint reads a claim text in display order too", () => {
  it('a claim text whose words an isolate reverses into "does not exist anywhere"', async () => {
    const base = backedCountClaim();
    const withText = (text: string): Promise<Run7> => inspect7({ dossierText: dossier('Hello.'), claims: [{ ...base.claim, text }], items: [base.item] }, 'claim-text-denial');
    const twin = await withText('The file tools/legacy-export.py does not exist anywhere.');
    if (!flagsOf7(twin).includes(DENIAL)) {
      judge('look:claim-text-rli-global-denial', `control failed: the ASCII claim text is not flagged: ${summary(twin)}`);
      return;
    }
    const result = await withText(`The file tools/legacy-export.py ${RLI}${rtlWords(['anywhere', 'exist', 'not', 'does'])}${PDI}.`);
    judge('look:claim-text-rli-global-denial', flagsOf7(result).includes(DENIAL) ? undefined : `kept verbatim in report.json, not flagged: ${summary(result)}`);
  });
});

describe("a finding's excerpt quotes the packet's text", () => {
  it('a digit read by its look (U+0665 as 0) is quoted as the packet wrote it', async () => {
    const shown = 'The selftest: exit \u0665.';
    const result = await inspect7({ dossierText: dossier(shown) }, 'excerpt-digit');
    // Grouped since round 9 (cost10): each group lists its first locations.
    const groups = ((result.report?.prose as Record<string, unknown> | undefined)?.pass_assertions as { listed: Record<string, unknown>[] }[] | undefined) ?? [];
    const assertions = groups.flatMap((group) => group.listed);
    const excerpt = String(assertions[0]?.excerpt ?? '');
    const problems: string[] = [];
    if (assertions.length === 0) problems.push(`no pass assertion found: ${summary(result)}`);
    // The reviewer searches the dossier for the excerpt: it must hold the stored U+0665, not a "0" the packet never wrote.
    else if (!excerpt.includes('\u0665')) problems.push(`excerpt ${JSON.stringify(excerpt)} for stored ${JSON.stringify(shown)}`);
    judge('look:excerpt-quotes-stored-digit', problems.length === 0 ? undefined : problems.join('; '));
  });
});
