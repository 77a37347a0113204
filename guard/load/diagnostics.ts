import ts from '../../policy/typescript.cjs';

/** One line of text for a TypeScript diagnostic (chains are joined, newlines dropped). */
export function flattenMessage(diagnostic: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ').replace(/\s*\n\s*/g, ' ');
}
