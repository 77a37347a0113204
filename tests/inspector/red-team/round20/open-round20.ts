/**
 * Routes that get through today (rt-packets20, round 20, 2026-12-07). Each key names one check of a
 * round-20 test file (the prefix names the file); the check asserts the CORRECT behaviour, and a key
 * listed here must still show its problem: a fix fails the suite until its key is removed here. A key
 * that no check judges also fails. Value: severity, then one line.
 */
export const OPEN_ROUND20: ReadonlyMap<string, string> = new Map<string, string>([
  // inproc-out.test.ts: SPEC §5's output-directory rules at the unsandboxed entry the benchmark uses (inspectToDirectory)
  // out-overlap.test.ts: --out against the packet under tki run
  // glyph-il.test.ts: stand-ins for I/i/l (session 19's caseless i/l)
  ['glyph:denial-exist-ascii-vertical-line', 'medium: ASCII `|` for I (`EX|ST`) loses FLAG_GLOBAL_DENIAL_WORDING; docs/inspector.md step 4 names `|` among the stand-ins that read `l`'],
  ['glyph:exit-small-ascii-vertical-line', 'medium: `ex|t 0.` is no pass (the fullwidth U+FF5C in the same place is: the ASCII pipe itself is lost, not its form)'],
  ['glyph:exit-ascii-vertical-line', 'medium: `EX|T 0.` is no pass'],
  ['glyph:denial-exist-halfwidth-forms-light-vertical', 'medium: U+FFE8 (TR39 prototype `l`) for I in the denial'],
  ['glyph:exit-halfwidth-forms-light-vertical', 'medium: U+FFE8 for I in `EXIT 0`'],
  ['glyph:denial-exist-box-drawings-light-vertical', 'low, not in TR39: U+2502 for I in the denial'],
  ['glyph:exit-box-drawings-light-vertical', 'low, not in TR39: U+2502 for I in `EXIT 0`'],
  ['glyph:denial-exist-devanagari-danda', 'low, not in TR39: U+0964 for I in the denial'],
  ['glyph:exit-devanagari-danda', 'low, not in TR39: U+0964 for I'],
  ['glyph:denial-exist-light-vertical-bar', 'low, not in TR39: U+2758 for I in the denial'],
  ['glyph:exit-light-vertical-bar', 'low, not in TR39: U+2758 for I'],
  ['glyph:denial-exist-left-square-bracket-extension', 'low, not in TR39: U+23A2 for I in the denial'],
  ['glyph:exit-left-square-bracket-extension', 'low, not in TR39: U+23A2 for I'],
  ['glyph:denial-exist-broken-bar', 'low, not in TR39: U+00A6 for I in the denial'],
  ['glyph:exit-broken-bar', 'low, not in TR39: U+00A6 for I'],
  ['glyph:exit-small-inverted-exclamation-mark', 'low, not in TR39: U+00A1 for i in `exit 0`'],
  // hidden-twins.test.ts: text a browser hides, read both ways
  ['look:popover-attribute', 'medium, off GitHub: an element with `popover` is display:none until shown; read into the line'],
  ['look:popover-manual', 'medium, off GitHub: `popover="manual"` likewise'],
  ['look:denial-popover-word', 'medium, off GitHub: the denial with a hidden `indeed` in a popover loses FLAG_GLOBAL_DENIAL_WORDING'],
  ['look:svg-display-none-attribute', 'medium, off GitHub: SVG `display="none"` presentation attribute'],
  ['look:svg-visibility-hidden-attribute', 'medium, off GitHub: SVG `visibility="hidden"`'],
  ['look:svg-opacity-attribute', 'medium, off GitHub: SVG `opacity="0"`'],
  ['look:svg-fill-opacity-zero', 'medium, off GitHub: SVG `fill-opacity="0"` paints no glyph'],
  ['look:svg-tspan-display-none', 'medium, off GitHub: a `<tspan display="none">` inside SVG text'],
  ['look:svg-desc', 'medium, off GitHub: SVG `<desc>` is never rendered; read into the line'],
  ['look:svg-title', 'medium, off GitHub: SVG `<title>` (a tooltip, not text on the page)'],
  ['look:svg-metadata', 'medium, off GitHub: SVG `<metadata>` is never rendered'],
  ['look:svg-defs-text', 'medium, off GitHub: `<text>` inside `<defs>` is never rendered'],
  ['look:svg-symbol-text', 'medium, off GitHub: `<text>` inside an unused `<symbol>`'],
  ['look:svg-clip-path-element-text', 'medium, off GitHub: `<text>` inside a `<clipPath>` element'],
  ['look:math-mphantom', 'medium, off GitHub: MathML `<mphantom>` takes space but is invisible'],
  ['look:math-annotation', 'medium, off GitHub: MathML `<annotation>` inside `<semantics>` is not rendered'],
  ['look:math-annotation-xml', 'medium, off GitHub: MathML `<annotation-xml>` likewise'],
  // cli.test.ts: under tki run (bubblewrap)
  ['cli:glyph-exit-ascii-vertical-line', 'medium: as glyph:exit-ascii-vertical-line, under tki run'],
  ['cli:glyph-denial-ascii-vertical-line', 'medium: as glyph:denial-exist-ascii-vertical-line, under tki run'],
  ['cli:glyph-exit-box-drawings-light-vertical', 'low: as glyph:exit-box-drawings-light-vertical, under tki run'],
  ['cli:hidden-popover', 'medium, off GitHub: as look:popover-attribute, under tki run'],
  ['cli:hidden-math-mphantom', 'medium, off GitHub: as look:math-mphantom, under tki run'],
  ['cli:hidden-svg-desc', 'medium, off GitHub: as look:svg-desc, under tki run'],
  ['cli:hidden-svg-display-none', 'medium, off GitHub: as look:svg-display-none-attribute, under tki run'],
]);
