import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { claim, dossier, flagsOf4, inspect4, listingItem, PIN, recordItem, roundRoot, SUBJECT, type Run4 } from './gen4.js';
import { createJudge } from './judge4.js';

/**
 * rt-packets4, prose scan: sentences that a reader of the rendered Markdown dossier reads as a pass
 * assertion, but that the scan does not see as one (CommonMark soft breaks, emphasis, entities, code
 * spans, inline HTML, blank-looking characters, case folding); and claims whose coverage reaches
 * sentences about something else. Each variant is compared with its ASCII twin.
 */
const { judge, checkAllListedRan } = createJudge('prose');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

function summary(result: Run4): string {
  return `${result.verdict} (exit ${String(result.exitCode)}) [${flagsOf4(result).join(',')}]`;
}

const TWIN = 'All tests pass.';
/** Variants that render (CommonMark) or read as "All tests pass." */
const RENDERED: Record<string, string> = {
  // CommonMark joins the lines of a paragraph: the reader sees one sentence.
  'soft-line-break': 'All tests\npass.',
  'soft-line-break-crlf': 'All tests\r\npass.',
  'strong-emphasis': 'All tests **pass**.',
  'emphasis-inside-word': 'All tests p**as**s.',
  'code-span': 'All tests `pass`.',
  'entity-decimal': 'All tests &#112;ass.',
  'entity-hex': 'All tests &#x70;ass.',
  'entity-nbsp': 'All&nbsp;tests&nbsp;pass.',
  'inline-html': 'All tests <span>pa</span>ss.',
  // The comment makes an UNPARSED_REGION: exit 2 where the twin gets FLAG_PROSE_ONLY_PASS and exit 1.
  'html-comment-inside': 'All tests <!-- x --> pass.',
  // U+2800 BRAILLE PATTERN BLANK is neither white space nor ignorable: it renders as a space.
  'braille-blank-spaces': 'All\u2800tests\u2800pass.',
  // U+3164 HANGUL FILLER is default-ignorable (removed), yet renders as a blank: "Alltestspass".
  'hangul-filler-spaces': 'All\u3164tests\u3164pass.',
  // German sharp s: "paß" is "pass" under full case folding (ß → ss).
  'sharp-s': 'All tests pa\u00DF.',
  'capital-sharp-s': 'ALL TESTS PA\u1E9E.',
  // Latin letter small capitals ᴘᴀ.
  'small-capitals': 'All tests \u1D18\u1D00ss.',
};

describe('a rendered pass assertion gets the flags of its ASCII twin', () => {
  it('control: the ASCII twin is flagged', async () => {
    const twin = await inspect4({ dossierText: dossier(TWIN) }, 'prose-twin');
    judge('prose:control-twin-flagged', flagsOf4(twin).includes('FLAG_PROSE_ONLY_PASS') ? undefined : `twin ${summary(twin)}: the comparisons below prove nothing`);
  });
  for (const [name, text] of Object.entries(RENDERED)) {
    it(name, async () => {
      const twin = await inspect4({ dossierText: dossier(TWIN) }, `prose-twin-${name}`);
      const result = await inspect4({ dossierText: dossier(text) }, `prose-${name}`);
      const same = result.verdict === twin.verdict && flagsOf4(result).join() === flagsOf4(twin).join();
      judge(`prose:rendered-${name}`, same ? undefined : `${JSON.stringify(text)} → ${summary(result)}, twin → ${summary(twin)}`);
    });
  }
  it('Arabic-Indic zero: "exit ٠" (U+0660, numeric value 0) like "exit 0"', async () => {
    const twin = await inspect4({ dossierText: dossier('Selftest: exit 0.') }, 'exit-zero-twin');
    const result = await inspect4({ dossierText: dossier('Selftest: exit \u0660.') }, 'exit-arabic-zero');
    judge('prose:arabic-indic-zero', flagsOf4(result).join() === flagsOf4(twin).join() ? undefined : `"exit \u0660" → ${summary(result)}, twin → ${summary(twin)}`);
  });
});

describe('a backed claim covers only sentences about what it evidences', () => {
  const evil = 'Selftest of tools/evil.py: 22/22 PASS, exit 0.';
  it('control: without the covering claim the sentence is flagged', async () => {
    const result = await inspect4({ dossierText: dossier('- E1: zzz.py exited 0.', evil), claims: [claim('E1', 'EXECUTION_RESULT', 'zzz.py exited 0.', ['exit1'], 'zzz.py')], items: [recordItem('EXIT_CODE_RECORD', 'zzz.py exit code: 0\n', 'exit1')] }, 'cover-control');
    judge('prose:control-cover-flagged', flagsOf4(result).includes('FLAG_PROSE_ONLY_PASS') ? undefined : `${summary(result)}: the coverage checks below prove nothing`);
  });
  it('a backed claim whose subject is the word PASS covers every sentence with PASS in it', async () => {
    // The subject is a bare file name "PASS"; an exit record names it; any "... PASS ..." is then covered.
    const result = await inspect4({ dossierText: dossier('- E1: PASS exited 0.', evil), claims: [claim('E1', 'EXECUTION_RESULT', 'PASS exited 0.', ['exit1'], 'PASS')], items: [recordItem('EXIT_CODE_RECORD', 'PASS exit code: 0\n', 'exit1')] }, 'cover-subject-pass');
    judge('prose:subject-named-PASS-covers-all', flagsOf4(result).includes('FLAG_PROSE_ONLY_PASS') ? undefined : `"${evil}" not flagged: ${summary(result)}`);
  });
  it('a sentence about another tool that mentions the backed subject in passing is covered', async () => {
    const result = await inspect4({
      dossierText: dossier(`- E1: The selftest of ${SUBJECT} exited 0.`, 'tools/evil.py: 22/22 PASS, exit 0 (like canon.py).'),
      claims: [claim('E1', 'EXECUTION_RESULT', `The selftest of ${SUBJECT} exited 0.`, ['exit1'])],
      items: [listingItem(`${SUBJECT} sha256:${PIN}\n`), recordItem('EXIT_CODE_RECORD', `${SUBJECT} exit code: 0\n`, 'exit1')],
    }, 'cover-mention');
    judge('prose:mention-of-subject-covers-other-tool', flagsOf4(result).includes('FLAG_PROSE_ONLY_PASS') ? undefined : `"tools/evil.py: 22/22 PASS, exit 0 (like canon.py)." not flagged: ${summary(result)}`);
  });
});

describe('the other text rules read the rendered text too', () => {
  const families: Record<string, { ascii: string; rendered: string; flag: string }> = {
    'denial-soft-line-break': { ascii: 'The file tools/legacy-export.py does not exist anywhere.', rendered: 'The file tools/legacy-export.py does not exist\nanywhere.', flag: 'FLAG_GLOBAL_DENIAL_WORDING' },
    'denial-strong-emphasis': { ascii: 'The file tools/legacy-export.py does not exist anywhere.', rendered: 'The file tools/legacy-export.py does not exist **anywhere**.', flag: 'FLAG_GLOBAL_DENIAL_WORDING' },
    'authority-entity': { ascii: 'This report is the authoritative gate and approves the release.', rendered: 'This report is the &#97;uthoritative gate and &#97;pproves the release.', flag: 'FLAG_AUTHORITY_VIOLATION' },
  };
  for (const [name, family] of Object.entries(families)) {
    it(name, async () => {
      const twin = await inspect4({ dossierText: dossier(family.ascii) }, `rule-twin-${name}`);
      if (!flagsOf4(twin).includes(family.flag)) {
        judge(`prose:${name}`, `twin not flagged ${family.flag}: ${summary(twin)}`);
        return;
      }
      const result = await inspect4({ dossierText: dossier(family.rendered) }, `rule-${name}`);
      judge(`prose:${name}`, flagsOf4(result).includes(family.flag) ? undefined : `${JSON.stringify(family.rendered)} → ${summary(result)}, twin → ${summary(twin)}`);
    });
  }
});
