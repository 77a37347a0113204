import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderedText } from '../../src/text/rendered.js';
import { dossier, flagsOf9, inspect9, roundRoot, twinOf } from './red-team/round9/gen9.js';

/**
 * Session 18 (choices 70, amended): every text a reader sees, each box and each nested document,
 * goes through the rules the page's text does. An `<iframe srcdoc>` document's hidden or struck
 * content gave the frame's text no other reading, so "does <span hidden>indeed </span>not exist
 * anywhere" inside a frame read "does indeed not exist" and lost the denial flag its twin on the
 * page gets; likewise a pass and an authority sentence. Each variant must get its twin's flag and exit code.
 */
afterAll(() => rmSync(roundRoot(), { recursive: true, force: true }));

const DENIAL = 'The file does not exist anywhere.';
const PASS = 'All tests pass.';
const AUTHORITY = 'This report is the authoritative gate and approves the release.';
const DENIAL_FLAG = 'FLAG_GLOBAL_DENIAL_WORDING';
const PASS_FLAG = 'FLAG_PROSE_ONLY_PASS';
const AUTHORITY_FLAG = 'FLAG_AUTHORITY_VIOLATION';

/** `html` as an iframe's srcdoc attribute (its markup written as references, as a page must). */
const frame = (html: string): string => `<iframe srcdoc="${html.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')}"></iframe>`;

/** The sentence's words in reverse order, each followed by an RLM (a right-to-left layout shows them in order), its full stop dropped. */
const reversed = (sentence: string): string => sentence.replace(/\.$/, '').split(' ').reverse().join('&#x200F; ');

const VARIANTS: Record<string, { twin: string; shown: string; flag: string }> = {
  'srcdoc-hidden-word-in-denial': { twin: DENIAL, flag: DENIAL_FLAG, shown: frame('The file does <span hidden>indeed </span>not exist anywhere.') },
  'srcdoc-display-none-in-denial': { twin: DENIAL, flag: DENIAL_FLAG, shown: frame('The file does <span style="display:none">indeed </span>not exist anywhere.') },
  'srcdoc-struck-word-in-denial': { twin: DENIAL, flag: DENIAL_FLAG, shown: frame('The file does <s>indeed </s>not exist anywhere.') },
  'srcdoc-hidden-word-in-pass': { twin: PASS, flag: PASS_FLAG, shown: frame('All tests <span hidden>never </span>pass.') },
  'srcdoc-template-in-pass': { twin: PASS, flag: PASS_FLAG, shown: frame('All tests <template>never </template>pass.') },
  'nested-srcdoc-hidden-word-in-pass': { twin: PASS, flag: PASS_FLAG, shown: frame(frame('All tests <span style="font-size:0">never </span>pass.')) },
  'srcdoc-hidden-word-in-authority': { twin: AUTHORITY, flag: AUTHORITY_FLAG, shown: frame('This report is the <span hidden>non-</span>authoritative gate and approves the release.') },
  // Boxes that held already (siblings kept under test): a textarea's text, an input's placeholder.
  'textarea-denial-by-reference': { twin: DENIAL, flag: DENIAL_FLAG, shown: '<textarea>The file does n&#111;t exist anywhere.</textarea>' },
  'placeholder-denial-by-reference': { twin: DENIAL, flag: DENIAL_FLAG, shown: '<input placeholder="The file does n&#111;t exist anywhere.">' },
  'srcdoc-textarea-denial': { twin: DENIAL, flag: DENIAL_FLAG, shown: frame('<textarea>The file does n&#111;t exist anywhere.</textarea>') },
  // Words written in reverse with RLMs, shown in order by a right-to-left box or document.
  'rtl-textarea-reversed-denial': { twin: DENIAL, flag: DENIAL_FLAG, shown: `<textarea dir="rtl">${reversed(DENIAL)}</textarea>` },
  'rtl-input-reversed-authority': { twin: AUTHORITY, flag: AUTHORITY_FLAG, shown: `<input dir="rtl" value="${reversed(AUTHORITY)}">` },
  'rtl-srcdoc-body-reversed-authority': { twin: AUTHORITY, flag: AUTHORITY_FLAG, shown: frame(`<body dir=rtl>${reversed(AUTHORITY)}`) },
};

describe('a nested document or a box gets the flag and exit code of its twin on the page', () => {
  for (const [name, variant] of Object.entries(VARIANTS)) {
    it(name, async () => {
      const twin = await twinOf(variant.twin);
      expect(flagsOf9(twin)).toContain(variant.flag);
      const result = await inspect9({ dossierText: dossier(variant.shown) }, `box18-${name}`);
      expect(flagsOf9(result)).toContain(variant.flag);
      expect(result.exitCode).toBe(twin.exitCode);
    });
  }
});

describe('a srcdoc document hands its readings to the paragraph', () => {
  it('its hidden content makes the paragraph read both ways', () => {
    const source = frame('All tests <span hidden>never </span>pass.');
    expect(renderedText(source, 'kept', { browserHtml: true }).struck).toBe(true);
    expect(renderedText(source, 'removed', { browserHtml: true }).text).toContain('All tests pass.');
  });

  it('its comments are hidden text of the paragraph', () => {
    expect(renderedText(frame('All tests <!-- x -->pass.'), 'kept', { browserHtml: true }).hidden).toEqual(['<!-- x -->']);
  });

  it('a document with nothing hidden gives no other reading', () => {
    expect(renderedText(frame('All tests pass.'), 'kept', { browserHtml: true }).struck).toBe(false);
  });
});
