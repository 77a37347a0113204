import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { dossier, flagsOf6, inspect6, roundRoot, summary } from './red-team/round6/gen6.js';

/**
 * Issue 13 (text7): the look-alike classes of rt-packets6 through the whole inspector, each with
 * benign text of the same shape that must stay unflagged (negative controls).
 */
afterAll(() => rmSync(roundRoot(), { recursive: true, force: true }));

const PASS = 'FLAG_PROSE_ONLY_PASS';
const RLO = '\u202E';
const PDF = '\u202C';

async function passFlagged(text: string, label: string): Promise<{ flagged: boolean; why: string }> {
  const result = await inspect6({ dossierText: dossier(text) }, label);
  return { flagged: flagsOf6(result).includes(PASS), why: summary(result) };
}

const FLAGGED: Record<string, string> = {
  'override-inside-isolate': `The selftest \u2067${RLO}0 tixe${PDF}\u2069.`,
  'override-no-pdf-to-paragraph-end': `${RLO}.ssap stset llA`,
  'cherokee-armenian-mix': '\u13A2E\u054F\u13A2\u054F \u13E2A\u054F\u054FED.',
  'bengali-zero': 'The selftest: exit \u09E6.',
  'math-sans-zero': 'The tool exited with code \u{1D7E2}.',
  'format-characters-in-pass': 'All tests p\u180Ea\u2060s\u061Cs.',
};

const UNFLAGGED: Record<string, string> = {
  // An isolate inside an override keeps its own Latin order: the reader sees "0 tixe".
  'isolate-inside-override': `The selftest ${RLO}\u20660 tixe\u2069${PDF}.`,
  'override-of-failed': `All tests ${RLO}deliaf${PDF}.`,
  'hebrew-in-embedding': 'The note \u202B\u05E9\u05DC\u05D5\u05DD\u202C says hello.',
  'override-of-ordinary-word': `The file ${RLO}txt.emdaer${PDF} is short.`,
  'cherokee-word': 'The word \u13E2\u13A2\u054F is a name.',
  'arabic-three': 'The selftest: exit \u0663.',
  'mongolian-separator-in-ordinary-word': 'The pa\u180Eth is long.',
};

describe('look-alike classes of round 6 get the flag of their ASCII twin (text7)', () => {
  for (const [name, text] of Object.entries(FLAGGED)) {
    it(name, async () => {
      const { flagged, why } = await passFlagged(text, `text7-${name}`);
      expect(flagged, why).toBe(true);
    });
  }
});

describe('negative controls: benign text of the same shape stays unflagged (text7)', () => {
  for (const [name, text] of Object.entries(UNFLAGGED)) {
    it(name, async () => {
      const { flagged, why } = await passFlagged(text, `text7-${name}`);
      expect(flagged, why).toBe(false);
    });
  }
});
