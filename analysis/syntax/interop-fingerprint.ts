import { createHash } from 'node:crypto';
import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';

const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard);

/**
 * The digest of a helper's code: its tokens as the scanner reads them, comments and layout
 * dropped, so every token counts and nothing else does (the same with or without parent
 * pointers, in the editor and in CI). A function declaration's name is left out: rollup renames a
 * helper `_interopDefault$1` when the name is taken. None of the known helpers holds a regular
 * expression or a template, so the scanner never needs to re-scan one; a look-alike that has
 * one yields a `/` or `` ` `` token no known shape has, and never matches.
 */
export function shapeDigest(node: ts.Node, sourceFile: ts.SourceFile): string {
  scanner.setText(sourceFile.text, node.pos, node.end - node.pos);
  const tokens: string[] = [];
  for (let kind = scanner.scan(); kind !== tsv.SyntaxKind.EndOfFileToken; kind = scanner.scan()) tokens.push(scanner.getTokenText());
  if (tsv.isFunctionDeclaration(node) && node.name !== undefined && tokens[0] === 'function' && tokens[1] === node.name.text) tokens.splice(1, 1);
  return createHash('sha256').update(tokens.join('\u0000')).digest('hex');
}

const NO_CODE_OPERATORS: ReadonlySet<ts.SyntaxKind> = new Set([
  tsv.SyntaxKind.AmpersandAmpersandToken,
  tsv.SyntaxKind.BarBarToken,
  tsv.SyntaxKind.QuestionQuestionToken,
  tsv.SyntaxKind.EqualsEqualsEqualsToken,
  tsv.SyntaxKind.ExclamationEqualsEqualsToken,
]);

/**
 * True when evaluating `expression` runs no code of its own: it only defines functions, reads
 * properties and compares, or calls a function expression whose body does no more than that
 * (tsc's `__extends` and `__importStar` are such IIFEs). tsc guards each helper with
 * `(this && this.__importStar) || …`; a helper before it that ran code could set `this.__importStar`.
 */
export function runsNoCode(expression: ts.Expression): boolean {
  if (tsv.isFunctionExpression(expression) || tsv.isArrowFunction(expression)) return true;
  if (tsv.isIdentifier(expression) || tsv.isLiteralExpression(expression) || expression.kind === tsv.SyntaxKind.ThisKeyword) return true;
  if (expression.kind === tsv.SyntaxKind.TrueKeyword || expression.kind === tsv.SyntaxKind.FalseKeyword || expression.kind === tsv.SyntaxKind.NullKeyword) return true;
  if (tsv.isParenthesizedExpression(expression)) return runsNoCode(expression.expression);
  if (tsv.isPropertyAccessExpression(expression)) return runsNoCode(expression.expression);
  if (tsv.isTypeOfExpression(expression)) return runsNoCode(expression.expression);
  if (tsv.isPrefixUnaryExpression(expression)) return expression.operator === tsv.SyntaxKind.ExclamationToken && runsNoCode(expression.operand);
  if (tsv.isBinaryExpression(expression)) return NO_CODE_OPERATORS.has(expression.operatorToken.kind) && runsNoCode(expression.left) && runsNoCode(expression.right);
  if (tsv.isConditionalExpression(expression)) return runsNoCode(expression.condition) && runsNoCode(expression.whenTrue) && runsNoCode(expression.whenFalse);
  if (tsv.isCallExpression(expression)) {
    let callee: ts.Expression = expression.expression;
    while (tsv.isParenthesizedExpression(callee)) callee = callee.expression;
    return tsv.isFunctionExpression(callee) && callee.body.statements.every(definesOnly) && expression.arguments.every(runsNoCode);
  }
  return false;
}

/** A statement of an IIFE body that only defines: `var x = <no code>`, a function, `return <no code>`. */
function definesOnly(statement: ts.Statement): boolean {
  if (tsv.isFunctionDeclaration(statement)) return true;
  if (tsv.isVariableStatement(statement)) return statement.declarationList.declarations.every((declaration) => declaration.initializer === undefined || runsNoCode(declaration.initializer));
  return tsv.isReturnStatement(statement) && (statement.expression === undefined || runsNoCode(statement.expression));
}
