import ts from '../../policy/typescript.cjs';

/** Statements and modifiers only TypeScript has: a file holding one cannot run as JavaScript. */
const TYPESCRIPT_ONLY = new Set([
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.ModuleDeclaration,
  ts.SyntaxKind.ImportEqualsDeclaration,
  ts.SyntaxKind.DeclareKeyword,
  ts.SyntaxKind.AbstractKeyword,
  ts.SyntaxKind.NonNullExpression,
  ts.SyntaxKind.SatisfiesExpression,
]);

function isTypeScriptOnly(node: ts.Node): boolean {
  if (node.kind >= ts.SyntaxKind.FirstTypeNode && node.kind <= ts.SyntaxKind.LastTypeNode) return true;
  if (TYPESCRIPT_ONLY.has(node.kind)) return true;
  if (ts.isExportAssignment(node) && node.isExportEquals === true) return true;
  if ((ts.isImportClause(node) || ts.isExportDeclaration(node) || ts.isImportSpecifier(node) || ts.isExportSpecifier(node)) && node.isTypeOnly) return true;
  return ts.forEachChild(node, (child) => (isTypeScriptOnly(child) ? true : undefined)) === true;
}

/**
 * A declaration file (`x.d.ts`) whose text is plain JavaScript, parsed as the script Node would
 * run: `require('./x.d.ts')`, a package `main` of `index.d.ts` or a child started on `job.d.ts`
 * runs it with the `.js` loader (Node 20; 22 and 24 strip types from it, to the same code), so
 * "a declaration file carries no code" holds only for text that is no JavaScript. Decided by the
 * content, not by how the file was reached, so every route to it gets the same facts: a real
 * declaration (`declare`, an annotation, an interface) is not valid JavaScript and stays a
 * declaration. The tree is named `x.d.js` so TypeScript does not parse it as ambient.
 * Undefined: the text is a real declaration file (or does not parse).
 */
export function declarationAsScript(file: string, text: string, parseDiagnosticsOf: (sourceFile: ts.SourceFile) => readonly ts.Diagnostic[]): ts.SourceFile | undefined {
  const scriptName = file.replace(/\.([cm]?)ts$/, '.$1js');
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  const script = ts.createSourceFile(scriptName, text, options, false, ts.ScriptKind.JS);
  if (parseDiagnosticsOf(script).length > 0) return undefined;
  return script.statements.some((statement) => isTypeScriptOnly(statement)) ? undefined : script;
}
