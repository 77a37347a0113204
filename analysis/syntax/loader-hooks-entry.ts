import ts from '../../policy/typescript.cjs';
import { followEntryValue, followPreload, pathContext } from './entry-path-follow.js';
import { evaluatePath, type PathValue } from './entry-path.js';
import { seenOptions } from './launch-options.js';
import { excerpt, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

/** A specifier written relative to its parent (`./hooks.mjs`, `../x.mjs`), as the ESM resolver reads it. */
function isRelative(text: string): boolean {
  return /^\.{1,2}(\/|$)/.test(text);
}

/**
 * `register(specifier, parentURL?)` and `register(specifier, { parentURL })` of node:module: Node
 * imports the hooks module (in the loader thread) and runs it, and its `resolve`/`load` hooks
 * then decide what every later import loads. The module is an entry of the program: an edge,
 * resolved against `parentURL` (`import.meta.url`, `pathToFileURL(__filename)`, …) as the ESM
 * resolver would; a bare name is a package found from there (followed with `--deps`). A
 * specifier or parent the syntax cannot place, a computed member of node:module, and a call
 * whose arguments are not written out are UNANALYZED. Other members (`registerHooks` runs
 * functions of this file) stay DYNAMIC_CODE, as node:module is (docs/caveats.md).
 */
export function followLoaderHooks(walker: Walker, call: ts.CallExpression, member: string | null, args: readonly ts.Expression[] | undefined): void {
  if (member === null) return walker.report.unanalyzed(call, excerpt(call.expression.getText(walker.sourceFile)), 'a member of node:module chosen at run time may register loader hooks from any file');
  if (member !== 'register') return;
  const [specifier, second] = args ?? [];
  const label = `register(${specifier?.getText(walker.sourceFile) ?? ''})`;
  if (args === undefined || specifier === undefined) return walker.report.unanalyzed(call, excerpt(label), 'loader hooks whose module is not written out');
  const value = evaluatePath(specifier, pathContext(walker));
  if (value === undefined || value.anchored || value.form !== 'path' || !isRelative(value.text)) {
    // A bare name, a `file:` URL, or a URL built against this module: placed without the parent.
    return followPreload(walker, specifier, value, label, 'dynamic-import');
  }
  followEntryValue(walker, specifier, againstParent(value.text, parentOf(walker, second)), label, 'dynamic-import');
}

/** The `parentURL` given as the second argument or in an options object (the default, `data:`, places nothing). */
function parentOf(walker: Walker, second: ts.Expression | undefined): PathValue | undefined {
  if (second === undefined) return undefined;
  const inner = skipOuter(second);
  const written = ts.isObjectLiteralExpression(inner) ? seenOptions(inner, walker.ancestors).properties.get('parentURL')?.value : second;
  return written === undefined ? undefined : evaluatePath(written, pathContext(walker));
}

/** `./hooks.mjs` against a parent URL, with URL semantics; undefined when the parent is not a URL the syntax proved. */
function againstParent(relative: string, parent: PathValue | undefined): PathValue | undefined {
  if (parent?.form !== 'url') return undefined;
  try {
    return { form: 'url', text: new URL(relative, parent.text).href, anchored: parent.anchored };
  } catch {
    return undefined;
  }
}
