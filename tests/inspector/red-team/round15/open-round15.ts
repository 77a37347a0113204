/**
 * Routes that get through today (rt-packets15, round 15, 2026-12-07). Each key names one check of a
 * round-15 test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A key
 * that no check judges also fails. Value: severity, then one line.
 */
export const OPEN_ROUND15: ReadonlyMap<string, string> = new Map<string, string>([
  ['look:adoption-furthest-block-leaves-outer-rtl', 'medium: </b> with a furthest <p> moves the p out of <b dir="ltr"> into <div dir="rtl">; tki loses the outer rtl too'],
  ['look:a-start-closes-open-a', 'medium: an <a> start tag closes the open <a dir="ltr"> (adoption agency); tki keeps it open'],
  ['look:noscript-swallows-p-end-block', 'low: </p> inside <noscript> in an HTML block is text; tki closes <p dir="rtl"> (off GitHub)'],
  ['look:xmp-swallows-span-end', 'low: </span> inside <xmp> (RAWTEXT) is text; tki closes the rtl span (off GitHub)'],
  ['cli:xmp-swallows-span-end', 'low: look\'s key under tki run: UNVERIFIED, no flag'],
]);
