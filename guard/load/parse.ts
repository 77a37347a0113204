import ts from 'typescript';
import { scriptKindFor } from '../../analysis/syntax/index.js';
import { flattenMessage } from './diagnostics.js';
import { fail, ok, type Outcome } from '../errors.js';

/**
 * Parse one file for the detector. TypeScript always returns a tree; its
 * syntax diagnostics decide whether the file was understood. An unparsable project file is a
 * tool error (exit 2), never a silent skip.
 */
export function parseSource(file: string, displayName: string, text: string): Outcome<ts.SourceFile> {
  // No parent pointers and no JSDoc: neither the detector nor the guard reads them, and skipping
  // both makes parsing about a third cheaper (measured on date-fns, see bench/guard.ts).
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  const sourceFile = ts.createSourceFile(file, text, options, false, scriptKindFor(file));
  // `parseDiagnostics` is not in the public typings; policy/parse.ts reads it the same way.
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (first === undefined) return ok(sourceFile);
  const at = sourceFile.getLineAndCharacterOfPosition(first.start ?? 0);
  return fail({ code: 'source/unparsable', file: displayName, line: at.line + 1, column: at.character + 1, detail: flattenMessage(first) });
}
