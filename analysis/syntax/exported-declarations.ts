import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { hasExportModifier } from './syntax.js';

/**
 * Whether `declaration` (a variable, a destructured element, an `import x = require()`) is part of
 * an exported statement of the file: `export const x = …`, `export import fs = require('fs')`.
 * Read by position among the file's statements, not through parent pointers (files parsed
 * without them are walked too). Asked only for bindings nothing in the file used.
 */
export function isExportedDeclaration(declaration: ts.Node, sourceFile: ts.SourceFile): boolean {
  return sourceFile.statements.some((statement) => (tsv.isVariableStatement(statement) || tsv.isImportEqualsDeclaration(statement)) && hasExportModifier(statement) && statement.pos <= declaration.pos && declaration.end <= statement.end);
}
