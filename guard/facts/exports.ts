import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import type { ModuleExports, ReExport } from '../types.js';
import { asModuleName } from './bounds.js';
import { moduleNameParameterIndex, stringValue, type LoadSite } from './load-sites.js';

/** What one top-level value is, as far as another module could turn it into a capability. */
type ValueFact =
  | { readonly kind: 'constant'; readonly value: string }
  | { readonly kind: 'ambient'; readonly value: 'globalThis' | 'process' }
  | { readonly kind: 'loader'; readonly index: number };

function factOf(expression: ts.Expression | undefined, sites: readonly LoadSite[]): ValueFact | undefined {
  const constant = stringValue(expression);
  // Kept only as far as it can name a module (bounds.ts): that is all the search reads of it.
  if (constant !== undefined) return { kind: 'constant', value: asModuleName(constant) };
  if (expression === undefined) return undefined;
  if (ts.isIdentifier(expression)) {
    if (expression.text === 'process') return { kind: 'ambient', value: 'process' };
    if (GLOBAL_OBJECT_NAMES.includes(expression.text)) return { kind: 'ambient', value: 'globalThis' };
    return undefined;
  }
  if (ts.isArrowFunction(expression) || ts.isFunctionExpression(expression)) {
    const index = moduleNameParameterIndex(expression, sites);
    return index === undefined ? undefined : { kind: 'loader', index };
  }
  return undefined;
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false);
}

/** `exports.NAME` / `module.exports.NAME` → `NAME`. */
function commonJsExportName(target: ts.Expression): string | undefined {
  if (!ts.isPropertyAccessExpression(target)) return undefined;
  const base = target.expression;
  const isExportsObject =
    (ts.isIdentifier(base) && base.text === 'exports') ||
    (ts.isPropertyAccessExpression(base) && base.name.text === 'exports' && ts.isIdentifier(base.expression) && base.expression.text === 'module');
  return isExportsObject ? target.name.text : undefined;
}

/** Exported constants, aliases of the global object or `process`, module-loading helpers, re-exports. */
export function collectExports(sourceFile: ts.SourceFile, sites: readonly LoadSite[]): ModuleExports {
  const locals = new Map<string, ValueFact>();
  const exported = new Map<string, ValueFact>();
  const reExports: ReExport[] = [];
  const localExports: Array<{ exported: string; local: string }> = [];

  for (const statement of sourceFile.statements) {
    if (ts.isVariableStatement(statement)) {
      const exportedStatement = isExported(statement);
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        const fact = factOf(declaration.initializer, sites);
        if (fact === undefined) continue;
        locals.set(declaration.name.text, fact);
        if (exportedStatement) exported.set(declaration.name.text, fact);
      }
    } else if (ts.isFunctionDeclaration(statement) && statement.name !== undefined) {
      const index = moduleNameParameterIndex(statement, sites);
      if (index === undefined) continue;
      const fact: ValueFact = { kind: 'loader', index };
      locals.set(statement.name.text, fact);
      const isDefault = ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword) ?? false;
      if (isExported(statement)) exported.set(isDefault ? 'default' : statement.name.text, fact);
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      const specifier = statement.moduleSpecifier !== undefined ? stringValue(statement.moduleSpecifier) : undefined;
      const clause = statement.exportClause;
      if (specifier !== undefined) {
        if (clause === undefined) reExports.push({ exported: '*', imported: '*', specifier });
        else if (ts.isNamespaceExport(clause)) reExports.push({ exported: clause.name.text, imported: '*', specifier });
        else for (const element of clause.elements) reExports.push({ exported: element.name.text, imported: (element.propertyName ?? element.name).text, specifier });
      } else if (clause !== undefined && ts.isNamedExports(clause)) {
        for (const element of clause.elements) localExports.push({ exported: element.name.text, local: (element.propertyName ?? element.name).text });
      }
    } else if (ts.isExportAssignment(statement)) {
      const fact = ts.isIdentifier(statement.expression) ? (locals.get(statement.expression.text) ?? factOf(statement.expression, sites)) : factOf(statement.expression, sites);
      if (fact !== undefined) exported.set('default', fact);
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const name = commonJsExportName(statement.expression.left);
      const right = statement.expression.right;
      const fact = ts.isIdentifier(right) ? (locals.get(right.text) ?? factOf(right, sites)) : factOf(right, sites);
      if (name !== undefined && fact !== undefined) exported.set(name, fact);
    }
  }
  for (const { exported: name, local } of localExports) {
    const fact = locals.get(local);
    if (fact !== undefined) exported.set(name, fact);
  }

  const constants: Record<string, string> = {};
  const ambient: Record<string, 'globalThis' | 'process'> = {};
  const moduleNameParameters: Record<string, number> = {};
  for (const [name, fact] of exported) {
    if (fact.kind === 'constant') constants[name] = fact.value;
    else if (fact.kind === 'ambient') ambient[name] = fact.value;
    else moduleNameParameters[name] = fact.index;
  }
  return { constants, ambient, moduleNameParameters, reExports };
}
