import ts from 'typescript';
import type { CrossModuleUse, ImportBinding } from '../types.js';
import { stringValue, type LoadSite } from './load-sites.js';

/** Only bindings from the project's own modules can carry a value the guard can follow. */
function isLocalSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#');
}

function requireSpecifier(expression: ts.Expression | undefined): string | undefined {
  if (expression === undefined || !ts.isCallExpression(expression)) return undefined;
  const callee = expression.expression;
  return ts.isIdentifier(callee) && callee.text === 'require' ? stringValue(expression.arguments[0]) : undefined;
}

/** `import … from './x'` and `const … = require('./x')` bindings from local modules. */
export function collectImportBindings(sourceFile: ts.SourceFile): ImportBinding[] {
  const bindings: ImportBinding[] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) {
      const specifier = stringValue(statement.moduleSpecifier);
      const clause = statement.importClause;
      if (specifier === undefined || !isLocalSpecifier(specifier) || clause === undefined || clause.isTypeOnly) continue;
      if (clause.name !== undefined) bindings.push({ local: clause.name.text, imported: 'default', specifier });
      const named = clause.namedBindings;
      if (named !== undefined && ts.isNamespaceImport(named)) bindings.push({ local: named.name.text, imported: '*', specifier });
      if (named !== undefined && ts.isNamedImports(named)) {
        for (const element of named.elements) {
          if (!element.isTypeOnly) bindings.push({ local: element.name.text, imported: (element.propertyName ?? element.name).text, specifier });
        }
      }
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const specifier = requireSpecifier(declaration.initializer);
        if (specifier === undefined || !isLocalSpecifier(specifier)) continue;
        if (ts.isIdentifier(declaration.name)) bindings.push({ local: declaration.name.text, imported: '*', specifier });
        else if (ts.isObjectBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) {
            const imported = element.propertyName ?? element.name;
            if (ts.isIdentifier(element.name) && ts.isIdentifier(imported)) bindings.push({ local: element.name.text, imported: imported.text, specifier });
          }
        }
      }
    }
  }
  return bindings;
}

/** `binding` or `binding.member`: the imported name an expression refers to. */
function boundName(expression: ts.Expression, bound: ReadonlySet<string>): { binding: string; member: string | null } | undefined {
  if (ts.isIdentifier(expression) && bound.has(expression.text)) return { binding: expression.text, member: null };
  if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression) && bound.has(expression.expression.text)) {
    return { binding: expression.expression.text, member: expression.name.text };
  }
  return undefined;
}

type Access = ts.PropertyAccessExpression | ts.ElementAccessExpression;

function isAccess(node: ts.Node): node is Access {
  return ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node);
}

function memberName(node: Access): string | undefined {
  return ts.isPropertyAccessExpression(node) ? node.name.text : stringValue(node.argumentExpression);
}

/**
 * Uses of imported bindings that another module's exports can turn into a capability:
 * a module name passed to a loader, a string literal passed to an imported helper, and member
 * access on an imported value (which may be `globalThis` or `process` handed across).
 */
export function collectUses(sourceFile: ts.SourceFile, bindings: readonly ImportBinding[], sites: readonly LoadSite[]): CrossModuleUse[] {
  if (bindings.length === 0) return [];
  const bound = new Set(bindings.map((binding) => binding.local));
  const uses: CrossModuleUse[] = [];
  const at = (node: ts.Node): { line: number; column: number } => {
    const position = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    return { line: position.line + 1, column: position.character + 1 };
  };
  for (const { argument } of sites) {
    const name = boundName(argument, bound);
    if (name !== undefined) uses.push({ kind: 'module-name', ...name, ...at(argument) });
  }
  // `g.process.env` is one use with two members; its inner `g.process` is not a second one.
  const inner = new Set<ts.Node>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = boundName(node.expression, bound);
      if (callee !== undefined) {
        node.arguments.forEach((candidate, argumentIndex) => {
          const value = stringValue(candidate);
          if (value !== undefined) uses.push({ kind: 'call', ...callee, argumentIndex, value, ...at(candidate) });
        });
      }
    } else if (isAccess(node) && !inner.has(node)) {
      const outer = memberName(node);
      const base = node.expression;
      if (outer !== undefined && ts.isIdentifier(base) && bound.has(base.text)) {
        uses.push({ kind: 'member', binding: base.text, members: [outer], ...at(node) });
      } else if (outer !== undefined && isAccess(base) && ts.isIdentifier(base.expression) && bound.has(base.expression.text)) {
        const first = memberName(base);
        if (first !== undefined) {
          inner.add(base);
          uses.push({ kind: 'member', binding: base.expression.text, members: [first, outer], ...at(node) });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return uses;
}
