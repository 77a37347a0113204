/**
 * Routes that get through today (rt-packets16, round 16, 2026-12-07). Each key names one check of a
 * round-16 test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A key
 * that no check judges also fails. Value: severity, then one line.
 */
export const OPEN_ROUND16: ReadonlyMap<string, string> = new Map<string, string>([
  // Fail closed past 64 formatting entries is UNVERIFIED (exit 2), not the twin's READ_LEVEL_FAIL.
  // Raw text: an end tag with attributes ends the element; a `</p>` inside its quoted value is no tag.
  // Disputed premise (choices 45, session 17): tki ends the raw text there and keeps the p open, but
  // "x", the box and "pass" are one left-to-right run: a browser shows "All tests x pass". Decided in
  // session 18 (choices 45): jsdom's tree is tki's, FriBidi orders the paragraph ".All tests x ￼pass";
  // the same lines without the "x" are flagged (tests/inspector/raw-text-end-tag-18k.test.ts).
  ['look:textarea-end-tag-attribute-holds-p-end', 'low: </textarea title="</p>"> ends the textarea only; tki closes <p dir="rtl"> at the quoted </p> (off GitHub)'],
  ['look:noembed-end-tag-attribute-holds-p-end', 'low: </NOEMBED title="</p>"> likewise (off GitHub)'],
  ['look:style-end-tag-attribute-holds-p-end', 'low: </Style title=\'</p>\'> likewise (off GitHub)'],
]);
