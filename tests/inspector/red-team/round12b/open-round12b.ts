/**
 * Routes that get through today (rt-packets12b, round 12b, 2026-12-06). Each key names one check of a
 * round-12b test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A key
 * that no check judges also fails. Value: severity, then one line.
 */
export const OPEN_ROUND12B: ReadonlyMap<string, string> = new Map<string, string>([
  // Raw-text elements inline: CommonMark writes the tags, the browser reads `<!--` inside as text.
  ['look:comment-opener-in-inline-textarea', 'medium: `a <textarea><!--</textarea> All tests pass. <!-- -->` hides the pass (UNVERIFIED exit 2, twin exit 1)'],
  ['look:comment-opener-in-inline-textarea-with-attribute', 'medium: the same with `<textarea rows="2">`'],
  ['look:comment-opener-in-inline-title', 'medium: the same with an inline `<title>` (RCDATA)'],
  ['look:comment-opener-in-inline-script', 'medium: the same with an inline `<script>` (script data: `</script>` ends it)'],
  ['look:comment-opener-in-inline-style', 'medium: the same with an inline `<style>` (RAWTEXT)'],
  ['look:comment-opener-in-inline-xmp', 'medium: the same with an inline `<xmp>` (RAWTEXT)'],
  // Raw-text elements round 12 did not name, and a textarea end tag that is not one.
  ['look:comment-opener-in-noscript-block', 'medium: `<noscript>` block is RAWTEXT with scripting on; `<!--` inside hides the next paragraph (xmp, iframe, noembed, noframes hold)'],
  ['look:comment-opener-after-plaintext', 'medium: after `<plaintext>` everything is text; a later `<!--` block hides the pass'],
  ['look:comment-after-inline-plaintext', 'medium: `a <plaintext> <!-- All tests pass. -->` shows the comment as text; inspector hides it'],
  ['look:textarea-false-end-tag', 'medium: `</textareax>` does not end a textarea (nor CommonMark\'s block); the inspector ends it there and opens `<!--`'],
  // Character references a browser decodes without `;` inside an HTML block.
  ['look:html-block-decimal-reference-no-semicolon', 'medium: `<div>All tests &#112ass.</div>` shows "pass"; unread (UNVERIFIED exit 2)'],
  ['look:html-block-windows-1252-no-semicolon', 'medium: `<div>All tests pa&#154&#154.</div>` shows "pašš"; unread'],
  ['look:html-block-hex-reference-no-semicolon', 'medium: `<div>All tests pa&#x9A&#x9A.</div>` shows "pašš"; unread'],
  ['look:html-block-named-reference-no-semicolon', 'medium: `<div>All tests p&aacutess.</div>` shows "páss" (legacy named reference); unread'],
  // Identifiers (which the grammar lets read as a verdict) in tki's words.
  ['sinks:item-id-in-manifest-unverifiable-message', 'medium: provenance/manifest_unverifiable message ends "(READ_LEVEL_ACCEPTABLE:certified)", unquoted in report.json message and report.md'],
  ['sinks:dangling-citation-in-claim-reason', 'medium: claims[].reasons "… that name no item in this packet: READ_LEVEL_ACCEPTABLE:certified", unquoted in report.json and report.md'],
  // The same two look-alike routes under `tki run`.
  ['cli:comment-opener-in-inline-textarea', 'medium: UNVERIFIED exit 2 under bubblewrap, twin READ_LEVEL_FAIL exit 1'],
  ['cli:html-block-decimal-reference-no-semicolon', 'medium: UNVERIFIED exit 2 under bubblewrap, twin READ_LEVEL_FAIL exit 1'],
]);
