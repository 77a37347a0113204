import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { ALLOWED_ACTIONS_EXPORT } from '../../policy/index.js';
import { hasExportModifier } from './syntax.js';
import type { DeclaredActions } from './types.js';

/** The declaration plus what is wrong with its shape (empty when well formed). */
export interface ActionDeclaration {
  readonly declared: DeclaredActions;
  readonly problems: readonly string[];
  /** Each written action with its node, for per-element findings. */
  readonly elements: ReadonlyArray<{ readonly action: string; readonly node: ts.Node }>;
}

/**
 * Finds `export const allowedActions = [...] as const` among a module's top-level statements.
 * The shape is strict on purpose: a computed or mutable declaration could grant anything.
 */
export function findActionDeclaration(sourceFile: ts.SourceFile): ActionDeclaration | null {
  for (const statement of sourceFile.statements) {
    if (!tsv.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!tsv.isIdentifier(declaration.name) || declaration.name.text !== ALLOWED_ACTIONS_EXPORT) continue;
      return describe(sourceFile, statement, declaration);
    }
  }
  return null;
}

function describe(sourceFile: ts.SourceFile, statement: ts.VariableStatement, declaration: ts.VariableDeclaration): ActionDeclaration {
  const problems: string[] = [];
  if (!hasExportModifier(statement)) problems.push('it is not exported');
  if ((statement.declarationList.flags & tsv.NodeFlags.Const) === 0) problems.push('it is not `const`');
  let value: ts.Expression | undefined = declaration.initializer;
  if (value !== undefined && tsv.isSatisfiesExpression(value)) value = value.expression;
  if (value !== undefined && isAsConst(value)) {
    value = value.expression;
  } else {
    problems.push('it lacks `as const`');
  }
  const elements: Array<{ action: string; node: ts.Node }> = [];
  if (value === undefined || !tsv.isArrayLiteralExpression(value)) {
    problems.push('its value is not an array literal');
  } else {
    value.elements.forEach((element, index) => {
      if (tsv.isStringLiteralLike(element)) elements.push({ action: element.text, node: element });
      else problems.push(`element ${index + 1} is not a string literal`);
    });
  }
  return {
    declared: {
      actions: elements.map((element) => element.action),
      wellFormed: problems.length === 0,
      start: declaration.getStart(sourceFile),
      end: declaration.getEnd(),
    },
    problems,
    elements,
  };
}

function isAsConst(expression: ts.Expression): expression is ts.AsExpression {
  return (
    tsv.isAsExpression(expression) &&
    tsv.isTypeReferenceNode(expression.type) &&
    tsv.isIdentifier(expression.type.typeName) &&
    expression.type.typeName.text === 'const'
  );
}
