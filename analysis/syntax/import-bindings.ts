import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { stringValue } from './syntax.js';

/** A top-level binding of a value imported from one of the project's own modules. */
export interface ImportBinding {
  readonly local: string;
  /** `default`, `*` (namespace) or the exported name. */
  readonly imported: string;
  readonly specifier: string;
}

/** Only bindings from the project's own modules can carry a value the guard can follow. */
function isLocalSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#');
}

function requireSpecifier(expression: ts.Expression | undefined): string | undefined {
  if (expression === undefined || !tsv.isCallExpression(expression)) return undefined;
  const callee = expression.expression;
  return tsv.isIdentifier(callee) && callee.text === 'require' ? stringValue(expression.arguments[0]) : undefined;
}

/**
 * `import … from './x'` and `const … = require('./x')` bindings from local modules: the names
 * whose uses the walk records (binding-uses.ts) for the guard to follow across modules.
 */
export function localImportBindings(sourceFile: ts.SourceFile): ImportBinding[] {
  const bindings: ImportBinding[] = [];
  for (const statement of sourceFile.statements) {
    if (tsv.isImportDeclaration(statement)) {
      const specifier = stringValue(statement.moduleSpecifier);
      const clause = statement.importClause;
      if (specifier === undefined || !isLocalSpecifier(specifier) || clause === undefined || clause.isTypeOnly) continue;
      if (clause.name !== undefined) bindings.push({ local: clause.name.text, imported: 'default', specifier });
      const named = clause.namedBindings;
      if (named !== undefined && tsv.isNamespaceImport(named)) bindings.push({ local: named.name.text, imported: '*', specifier });
      if (named !== undefined && tsv.isNamedImports(named)) {
        for (const element of named.elements) {
          if (!element.isTypeOnly) bindings.push({ local: element.name.text, imported: (element.propertyName ?? element.name).text, specifier });
        }
      }
    } else if (tsv.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const specifier = requireSpecifier(declaration.initializer);
        if (specifier === undefined || !isLocalSpecifier(specifier)) continue;
        if (tsv.isIdentifier(declaration.name)) bindings.push({ local: declaration.name.text, imported: '*', specifier });
        else if (tsv.isObjectBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) {
            const imported = element.propertyName ?? element.name;
            if (tsv.isIdentifier(element.name) && tsv.isIdentifier(imported)) bindings.push({ local: element.name.text, imported: imported.text, specifier });
          }
        }
      }
    }
  }
  return bindings;
}
