/**
 * Routes that get through today (rt-packets12, round 12, 2026-12-06). Each key names one check of a
 * round-12 test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A key
 * that no check judges also fails. Value: severity, then one line.
 */
export const OPEN_ROUND12: ReadonlyMap<string, string> = new Map<string, string>([
  // cli.test.ts
  ['cli:repeated-key-on-verdict-line', 'high: a repeated key\'s name is printed on tki\'s verdict line ("packet/duplicate_key at approved by the release board: …"); only verdict tokens withheld'],
  ['cli:comment-opener-in-link-title', 'medium: under tki run too, `<!--` in a link title hides the visible pass (UNVERIFIED exit 2, no flag)'],
  ['cli:numeric-reference-windows-1252-hex', 'medium: under tki run too, `pa&#x9A;&#x9A;` (shown "pašš") is UNVERIFIED exit 2, no flag'],
  // sinks.test.ts
  ['sinks:repeated-key', 'medium: a repeated key\'s name is in tki\'s words: blocked reason message and path, report.md unquoted'],
  ['sinks:repeated-key-with-blank-lines', 'medium: the same with newlines and `#` in the name (escaped \\u{a}, still unquoted tki words)'],
  ['sinks:unknown-key-in-item', 'medium: an unknown key in an item is copied unquoted into evidence_items[].problems and report.md'],
  ['sinks:unknown-key-in-source-metadata', 'medium: an unknown key in source_metadata: the same, in report.md ("item/invalid … malformed (<key>)")'],
  // look-alike.test.ts
  ['look:comment-opener-in-link-title', 'medium: `<!--` inside a link title opens a comment for the inspector; CommonMark shows the pass'],
  ['look:comment-opener-in-reference-title', 'medium: `<!--` inside a link reference definition\'s title: the same'],
  ['look:comment-opener-in-textarea', 'medium: `<!--` inside a <textarea> HTML block: the same'],
  ['look:comment-opener-in-processing-instruction', 'medium: `<!--` inside `<?…?>`: the same'],
  ['look:comment-opener-in-cdata', 'medium: `<!--` inside `<![CDATA[…]]>`: the same'],
  ['look:comment-opener-in-declaration', 'medium: `<!--` inside `<!X …>`: the same'],
  ['look:inline-comment-closed-by-bang', 'medium: inline `<!-- x --!>` is literal text in CommonMark (no `-->`); read as hidden, not flagged'],
  ['look:inline-comment-never-closed', 'medium: inline `<!--` never closed in its paragraph is literal text in CommonMark; read as hidden'],
  ['look:html-block-comment-closed-by-bang', 'medium: HTML block `<!-- x --!>`: browsers (HTML5 tokenizer) end the comment there and show the pass'],
  ['look:numeric-reference-windows-1252-hex', 'medium: `&#x9A;` is š (HTML5 and commonmark: Windows-1252), read as a C1 control: UNVERIFIED, no flag'],
  ['look:numeric-reference-windows-1252-decimal', 'medium: `&#154;`: the same'],
  ['look:numeric-reference-windows-1252-in-html-block', 'medium: `<div>…&#x9A;…</div>` (the browser decodes it): the same'],
  ['look:c1-control-inside-word', 'low: `pa\\u0080ss` (control not shown): unparsed region, exit 2, no flag (between words it is flagged)'],
  ['look:c0-control-inside-word', 'low: `pa\\u0001ss`: the same for C0'],
]);
