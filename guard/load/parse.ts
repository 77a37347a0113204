import ts from '../../policy/typescript.cjs';
import { scriptKindFor } from '../../analysis/syntax/index.js';
import { flattenMessage } from './diagnostics.js';
import { declarationAsScript } from './declaration-as-script.js';
import { fileKindOf } from './file-kinds.js';
import { fail, ok, type Outcome } from '../errors.js';

/**
 * What TypeScript reports about sloppy-mode JavaScript that Node runs without complaint (legacy
 * octal escapes and literals, `\\8`, leading zeros): the tree is still exact, so the file is analyzed.
 */
const SLOPPY_MODE_ONLY = new Set([1121, 1487, 1488, 1489]);

/**
 * Parse one file for the detector. TypeScript always returns a tree; its
 * syntax diagnostics decide whether the file was understood. An unparsable project file is a
 * tool error (exit 2), never a silent skip.
 */
export function parseSource(file: string, displayName: string, text: string): Outcome<ts.SourceFile> {
  // No parent pointers and no JSDoc: neither the detector nor the guard reads them, and skipping
  // both makes parsing about a third cheaper (measured on date-fns, see bench/guard.ts).
  if (fileKindOf(file) === 'declaration') {
    const script = declarationAsScript(file, text, (parsed) => parseDiagnosticsOf(parsed).filter((diagnostic) => !SLOPPY_MODE_ONLY.has(diagnostic.code)));
    if (script !== undefined) return ok(script);
  }
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  const sourceFile = ts.createSourceFile(file, text, options, false, scriptKindFor(file));
  const first = parseDiagnosticsOf(sourceFile).find((diagnostic) => !SLOPPY_MODE_ONLY.has(diagnostic.code));
  if (first === undefined) return ok(sourceFile);
  const at = sourceFile.getLineAndCharacterOfPosition(first.start ?? 0);
  return fail({ code: 'source/unparsable', file: displayName, line: at.line + 1, column: at.character + 1, detail: flattenMessage(first) });
}

/** `parseDiagnostics` is not in the public typings; policy/parse.ts reads it the same way. */
function parseDiagnosticsOf(sourceFile: ts.SourceFile): readonly ts.Diagnostic[] {
  return (sourceFile as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
}
