/**
 * Routes that get through today (rt-packets20, round 20, 2026-12-07). Each key names one check of a
 * round-20 test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A key
 * that no check judges also fails. Value: severity, then one line.
 */
export const OPEN_ROUND20: ReadonlyMap<string, string> = new Map<string, string>([
  // inproc-out.test.ts: SPEC §5's output-directory rules at the unsandboxed entry the benchmark uses (inspectToDirectory)
  // out-overlap.test.ts: --out against the packet under tki run
  ['out:hard-link-as-report-json', 'low: the packet hard-linked into --out as report.json is accepted (exit 2) and that name replaced; docs say --out may hold the packet under no name; the packet survives at the path typed (rename)'],
  ['out:hard-link-as-report-md', 'low: the same as report.md'],
  ['out:hard-link-as-checkpoint', 'low: the same as checkpoint-inspection.md'],
  ['out:hard-link-as-checkpoint-of-another-name', 'low: the same as checkpoint-old.md (that name removed after the run)'],
  ['out:packet-path-not-utf8-names-another-file', 'medium: a packet path with byte 0xFF is read as U+FFFD, so tki inspects p\uFFFD.json, a file the operator did not name (exit 1 instead of a refusal)'],
  ['out:out-path-not-utf8', 'low: an --out with byte 0xFF writes the reports to a directory named with U+FFFD instead (the report lines name it)'],
  ['out:out-typed-through-link-and-dotdot', 'low: --out link/../new-out is resolved lexically (written beside the link), where the kernel resolves it inside the packet; nothing lands in the packet'],
  ['out:refusal-packet-in-out-controls-and-words', 'low: in the refusal line a verdict-like word right after an escaped SGR sequence (`\u{1b}[31mCERTIFIED`) is shown raw'],
  // glyph-il.test.ts: stand-ins for I/i/l (session 19's caseless i/l)
  // hidden-twins.test.ts: text a browser hides, read both ways
  ['look:math-annotation', 'medium, off GitHub: the annotation is hidden content since fix20h, but the row shows `<semantics>`\' first child `<mi>x</mi>`: a reader sees "All tests x pass." (no pass sentence in either reading); the row, not the reading, is in question (docs/choices.md 95)'],
  ['look:math-annotation-xml', 'medium, off GitHub: likewise (annotation-xml hidden; the `x` is shown)'],
  // cli.test.ts: under tki run (bubblewrap)
  ['cli:terminal-packet-path-sgr-then-pass', 'low: a packet path `pkt\e[1mPASS` is shown `pkt\u{1b}[1mPASS`: the escape joins `1mPASS` into one word, so PASS is not withheld'],
  ['cli:terminal-packet-path-sgr-then-certified', 'low: the same with CERTIFIED'],
  ['cli:terminal-out-path-sgr-then-pass', 'low: the same in the report lines for an --out `o\e[1mPASS`'],
]);
