/**
 * Routes that get through today (rt-packets14, round 14, 2026-12-06). Each key names one check of a
 * round-14 test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A key
 * that no check judges also fails. Value: severity, then one line.
 */
export const OPEN_ROUND14: ReadonlyMap<string, string> = new Map<string, string>([
  // GFM tables whose rows do not start with `|` (docs: "a table row is a table row wherever a line starts with `|`").
  ['look:table-without-leading-pipe', 'medium: `x | <!-- | All tests pass. | -->` + delimiter row: cells parsed alone, the pass is shown; tki pairs the comment'],
  ['cli:table-without-leading-pipe', 'medium: the same through `tki run`'],
  ['look:table-body-row-without-leading-pipe', 'medium: a body row without leading `|` under a piped header'],
  ['look:table-in-blockquote', 'medium: a table inside `> `: its rows start with `>`'],
  ['look:table-in-list-item', 'medium: a table inside a list item'],
  // Global-denial wording does not get session 13's readings (the pass scan does; authority wording does).
  ['look:denial-through-bdo', 'medium: `The file does not <bdo dir="rtl">tsixe</bdo> anywhere.`: no FLAG_GLOBAL_DENIAL_WORDING'],
  ['look:denial-through-ruby', 'medium: `The file does not <ruby>ex<rt>x</rt>ist</ruby> anywhere.`: not flagged'],
  ['look:denial-through-dir-rtl', 'medium: RLM-joined denial words in `<span dir="rtl">`: not flagged (the same words in an RLI isolate are)'],
  ['look:denial-through-dir-value-reference', 'medium: the same with `dir="&#x72;tl"`'],
]);
