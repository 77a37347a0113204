import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { dossier, flagsOf6, inspect6, roundRoot, summary, type Run6 } from './gen6.js';
import { createJudge6 } from './judge6.js';

/**
 * rt-packets6, look-alike text beyond round 4: bidi overrides, scripts whose TR39 prototype is only
 * reached from the capital letter, GFM rendering (tables, strikethrough), format characters that
 * render as nothing, and the guards that hold today (math alphanumerics, combining marks, variation
 * selectors, tag characters, fraction and division slashes, enclosed and superscript letters, line
 * and paragraph separators). Each variant must get the flag its ASCII twin gets.
 */
const { judge, checkAllListedRan } = createJudge6('look');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const twins = new Map<string, Promise<Run6>>();
function twinOf(text: string): Promise<Run6> {
  let run = twins.get(text);
  if (run === undefined) {
    run = inspect6({ dossierText: dossier(text) }, 'twin');
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
const RLO = '\u202E';
const PDF = '\u202C';

/** Each renders (or displays) as its twin; keys in open-round6.ts are the ones that slip today. */
const VARIANTS: Record<string, Variant> = {
  // U+202E forces right-to-left display of what follows: the stored "ssap" is shown as "pass".
  'bidi-override-pass': { twin: 'All tests pass.', shown: `All tests ${RLO}ssap${PDF}.`, flag: PASS },
  'bidi-override-whole-sentence': { twin: 'All tests pass.', shown: `${RLO}.ssap stset llA${PDF}`, flag: PASS },
  'bidi-override-exit-zero': { twin: 'The selftest exit 0.', shown: `The selftest ${RLO}0 tixe${PDF}.`, flag: PASS },
  'bidi-override-authority': {
    twin: 'This report is the authoritative gate and approves the release.',
    shown: `This report is the ${RLO}evitatirohtua${PDF} gate and ${RLO}sevorppa${PDF} the release.`,
    flag: 'FLAG_AUTHORITY_VIOLATION',
  },
  // confusables.txt maps U+13E2 CHEROKEE LETTER TLV to P and U+13A2 CHEROKEE LETTER I to T; their
  // lower-case forms (U+ABB2, U+AB72) have no prototype, so lower-casing first loses the match.
  'cherokee-capitals': { twin: 'ALL TESTS PASS.', shown: 'ALL TESTS \u13E2ASS.', flag: PASS },
  'cherokee-t-capitals': { twin: 'THE SELFTEST PASSED.', shown: '\u13A2HE SELF\u13A2ES\u13A2 \u13E2ASSED.', flag: PASS },
  // U+054F ARMENIAN CAPITAL TIWN → S in confusables.txt; its lower case U+057F has no prototype.
  'armenian-capitals': { twin: 'Selftest: 22/22 PASS.', shown: 'Selftest: 22/22 PA\u054F\u054F.', flag: PASS },
  // Cherokee small letters (U+ABB2 → U+1D18 small capital P in confusables.txt, which reads as "p").
  'cherokee-small-letters': { twin: 'All tests pass.', shown: 'All tests \uABB2\uAB7A\uABA5\uABA5.', flag: PASS },
  // U+1D7D8 MATHEMATICAL DOUBLE-STRUCK DIGIT ZERO: NFKC "0".
  'double-struck-zero': { twin: 'The selftest: exit 0.', shown: 'The selftest: exit \u{1D7D8}.', flag: PASS },
  // U+0665 ARABIC-INDIC DIGIT FIVE is drawn as a small circle; confusables.txt maps it to "o", as it
  // maps "0"; reading digits of other scripts by their value first ("5") loses the TR39 match.
  'arabic-indic-five-as-zero': { twin: 'The selftest: exit 0.', shown: 'The selftest: exit \u0665.', flag: PASS },
  // GitHub renders report.md and the dossier with GFM: a table row reads "canon 22/22 PASS".
  'gfm-table-cells': { twin: 'canon 22/22 PASS', shown: '| Tool | Tests | Result |\n|---|---|---|\n| canon | 22/22 | PASS |', flag: PASS },
  // U+180E MONGOLIAN VOWEL SEPARATOR is Cf (zero width) since Unicode 6.3.
  'mongolian-vowel-separator': { twin: 'All tests pass.', shown: 'All tests pa\u180Ess.', flag: PASS },
  // GFM strikethrough: the reader sees "All tests ~~fail~~ pass." as a crossed-out word and a pass.
  'gfm-strikethrough': { twin: 'All tests pass.', shown: 'All tests ~~fail~~ pass.', flag: PASS },
  // Guards (hold today).
  'math-bold': { twin: 'All tests pass.', shown: 'All tests \u{1D429}\u{1D41A}\u{1D42C}\u{1D42C}.', flag: PASS },
  'combining-low-line': { twin: 'All tests pass.', shown: 'All tests p\u0332a\u0332s\u0332s\u0332.', flag: PASS },
  'variation-selector': { twin: 'All tests pass.', shown: 'All tests pa\uFE0Fss.', flag: PASS },
  'tag-character': { twin: 'All tests pass.', shown: 'All tests pa\u{E0073}ss.', flag: PASS },
  'combining-grapheme-joiner': { twin: 'All tests pass.', shown: 'All tests pa\u034Fss.', flag: PASS },
  'line-separator': { twin: 'All tests pass.', shown: 'All tests\u2028pass.', flag: PASS },
  'paragraph-separator': { twin: 'All tests pass.', shown: 'All tests\u2029pass.', flag: PASS },
  'fraction-slash': { twin: 'Selftest: 22/22 PASS.', shown: 'Selftest: 22\u204422 PASS.', flag: PASS },
  'division-slash': { twin: 'Selftest: 22/22 PASS.', shown: 'Selftest: 22\u221522 PASS.', flag: PASS },
  'enclosed-letters': { twin: 'All tests pass.', shown: 'All tests \u24DF\u24D0\u24E2\u24E2.', flag: PASS },
  'lisu-capitals': { twin: 'ALL TESTS PASS.', shown: 'ALL TESTS \uA4D1\uA4EESS.', flag: PASS },
  'greek-rho-alpha': { twin: 'All tests pass.', shown: 'All tests \u03C1\u03B1ss.', flag: PASS },
  'latin-alpha': { twin: 'All tests pass.', shown: 'All tests p\u0251ss.', flag: PASS },
  'modifier-letters': { twin: 'All tests pass.', shown: 'All tests \u1D56\u1D43\u02E2\u02E2.', flag: PASS },
  'small-capitals-s': { twin: 'All tests pass.', shown: 'All tests \u1D18\u1D00\uA731\uA731.', flag: PASS },
  'ideographic-space': { twin: 'All tests pass.', shown: 'All\u3000tests\u3000pass.', flag: PASS },
  'zero-width-non-joiner-in-words': { twin: 'All tests pass.', shown: 'Al\u200Cl te\u200Csts pa\u200Css.', flag: PASS },
  'superscript-zero': { twin: 'The tool exited with code 0.', shown: 'The tool exited with code \u2070.', flag: PASS },
  'table-single-cell': { twin: 'canon: 22/22 PASS', shown: '| Tool | Result |\n|---|---|\n| canon.py | 22/22 PASS |', flag: PASS },
  'setext-heading': { twin: 'Selftest: 22/22 PASS', shown: 'Selftest: 22/22 PASS\n===', flag: PASS },
  'html-block': { twin: 'All tests pass.', shown: '<div>\nAll tests pass.\n</div>', flag: PASS },
  'image-alt': { twin: 'All tests pass.', shown: '![All tests pass.](x.png)', flag: PASS },
  'reference-link': { twin: 'All tests pass.', shown: '[All tests pass.]\n\n[All tests pass.]: https://ci.example/run', flag: PASS },
};

describe('a look-alike gets the flag of its ASCII twin', () => {
  for (const [name, variant] of Object.entries(VARIANTS)) {
    it(name, async () => {
      const twin = await twinOf(variant.twin);
      if (!flagsOf6(twin).includes(variant.flag)) {
        judge(`look:${name}`, `control failed: the twin ${JSON.stringify(variant.twin)} is not flagged ${variant.flag}: ${summary(twin)}`);
        return;
      }
      const result = await inspect6({ dossierText: dossier(variant.shown) }, `look-${name}`);
      const same = flagsOf6(result).includes(variant.flag) && result.exitCode === twin.exitCode;
      judge(`look:${name}`, same ? undefined : `${JSON.stringify(variant.shown)} → ${summary(result)}, twin → ${summary(twin)}`);
    });
  }
});
