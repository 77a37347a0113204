import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';

/**
 * Small pure helpers over TypeScript syntax, shared by the detector's parts.
 */

/** Strip what does not change which value an expression denotes: parentheses, casts, `!`, `(0, x)`. */
export function skipOuter(expression: ts.Expression): ts.Expression {
  let current = expression;
  // A switch on the kind: this runs for almost every expression the detector looks at.
  for (;;) {
    switch (current.kind) {
      case tsv.SyntaxKind.ParenthesizedExpression:
      case tsv.SyntaxKind.AsExpression:
      case tsv.SyntaxKind.SatisfiesExpression:
      case tsv.SyntaxKind.NonNullExpression:
      case tsv.SyntaxKind.TypeAssertionExpression:
        current = (current as ts.ParenthesizedExpression | ts.AsExpression | ts.SatisfiesExpression | ts.NonNullExpression | ts.TypeAssertion).expression;
        break;
      case tsv.SyntaxKind.BinaryExpression:
        if ((current as ts.BinaryExpression).operatorToken.kind !== tsv.SyntaxKind.CommaToken) return current;
        current = (current as ts.BinaryExpression).right;
        break;
      default:
        return current;
    }
  }
}

export function skipAwait(expression: ts.Expression): ts.Expression {
  const inner = skipOuter(expression);
  return tsv.isAwaitExpression(inner) ? skipOuter(inner.expression) : inner;
}

/** The text of a string literal or a template without substitutions. */
export function literalString(node: ts.Node | undefined): string | undefined {
  if (node === undefined) return undefined;
  return tsv.isStringLiteral(node) || tsv.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
}

/** `'x'` and `` `x` `` (no substitutions), through what `skipOuter` sees through (casts, parentheses, `!`, commas). */
export function stringValue(expression: ts.Expression | undefined): string | undefined {
  return expression === undefined ? undefined : literalString(skipOuter(expression));
}

/** `a.b` → `b`; `a['b']` → `b`; `a[expr]` → null (computed). */
export function memberKey(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): string | null {
  if (tsv.isPropertyAccessExpression(node)) return node.name.text;
  const argument = skipOuter(node.argumentExpression);
  if (tsv.isStringLiteralLike(argument) || tsv.isNumericLiteral(argument)) return argument.text;
  return null;
}

/** The literal name of a property or binding key, or null when computed. */
export function propertyNameText(name: ts.PropertyName | ts.BindingName): string | null {
  if (tsv.isIdentifier(name) || tsv.isPrivateIdentifier(name) || tsv.isStringLiteralLike(name) || tsv.isNumericLiteral(name)) return name.text;
  if (tsv.isComputedPropertyName(name)) {
    const inner = skipOuter(name.expression);
    return tsv.isStringLiteralLike(inner) ? inner.text : null;
  }
  return null;
}

export function isFunctionValue(expression: ts.Expression): boolean {
  const inner = skipOuter(expression);
  return tsv.isFunctionExpression(inner) || tsv.isArrowFunction(inner) || tsv.isClassExpression(inner);
}

/** True for an expression that is (or builds) a string: what `setTimeout` would compile. */
export function isStringish(expression: ts.Expression | undefined): boolean {
  if (expression === undefined) return false;
  const inner = skipOuter(expression);
  if (tsv.isStringLiteralLike(inner) || tsv.isTemplateExpression(inner)) return true;
  return tsv.isBinaryExpression(inner) && inner.operatorToken.kind === tsv.SyntaxKind.PlusToken && (isStringish(inner.left) || isStringish(inner.right));
}

/** Literals that make `process.exit(x)` / `exitCode = x` mean success. */
export function isZeroExitValue(expression: ts.Expression): boolean {
  const inner = skipOuter(expression);
  if (tsv.isNumericLiteral(inner)) return Number(inner.text) === 0;
  if (tsv.isStringLiteralLike(inner)) return inner.text.trim() === '0' || inner.text.trim() === '';
  if (tsv.isPrefixUnaryExpression(inner) && inner.operator === tsv.SyntaxKind.MinusToken) return isZeroExitValue(inner.operand);
  if (tsv.isIdentifier(inner)) return inner.text === 'undefined';
  return inner.kind === tsv.SyntaxKind.NullKeyword || inner.kind === tsv.SyntaxKind.FalseKeyword || tsv.isVoidExpression(inner);
}

/** The text a template would hold, with each substitution as `x` (enough for SQL and wording checks). */
export function templateText(node: ts.TemplateExpression): string {
  return node.head.text + node.templateSpans.map((span) => `x${span.literal.text}`).join('');
}

/** A short single-line quote of scanned text for a message; control characters escaped. */
export function excerpt(text: string, limit = 48): string {
  const oneLine = text.replace(/\s+/g, ' ').trim().replace(/[\u0000-\u001f\u007f-\u009f`]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return oneLine.length > limit ? `${oneLine.slice(0, limit - 1)}…` : oneLine;
}

/** Names a binding pattern declares, recursively. */
export function boundNames(name: ts.BindingName, into: string[] = []): string[] {
  if (tsv.isIdentifier(name)) {
    into.push(name.text);
  } else {
    for (const element of name.elements) if (!tsv.isOmittedExpression(element)) boundNames(element.name, into);
  }
  return into;
}

export function hasDeclareModifier(node: ts.Node): boolean {
  return hasModifier(node, tsv.SyntaxKind.DeclareKeyword);
}

export function hasExportModifier(node: ts.Node): boolean {
  return hasModifier(node, tsv.SyntaxKind.ExportKeyword);
}

/** Asked of every statement of every scope: a loop over the modifiers, no array made when there are none. */
function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  if (!tsv.canHaveModifiers(node)) return false;
  const modifiers = tsv.getModifiers(node);
  if (modifiers === undefined) return false;
  for (const modifier of modifiers) if (modifier.kind === kind) return true;
  return false;
}

export function scriptKindFor(fileName: string): ts.ScriptKind {
  if (/\.[cm]?tsx$/.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(fileName)) return ts.ScriptKind.TS;
  if (/\.jsx$/.test(fileName)) return ts.ScriptKind.JSX;
  if (/\.json$/.test(fileName)) return ts.ScriptKind.JSON;
  return ts.ScriptKind.JS;
}

const SYNTAX_PARSE_OPTIONS: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };

/** Parse text as its front-end saw it, for files that no TypeScript parser has parsed yet. */
export function parseSourceText(fileName: string, text: string): ts.SourceFile {
  // No JSDoc, as the guard parses (guard/load/parse.ts): the syntactic detector never reads it, and
  // skipping it makes the parse (most of an espree-parsed file's cost in the plugin) about a third cheaper.
  return ts.createSourceFile(fileName, text, SYNTAX_PARSE_OPTIONS, false, scriptKindFor(fileName));
}

/** An identifier that names a value here (not a member name, a key or a declared name). */
export function isValueReference(identifier: ts.Identifier, parent: ts.Node | undefined): boolean {
  if (parent === undefined) return true;
  if ((ts.isPropertyAccessExpression(parent) && parent.name === identifier) || ts.isQualifiedName(parent)) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isGetAccessor(parent) || ts.isSetAccessor(parent)) && parent.name === identifier) return false;
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent) || ts.isClassDeclaration(parent) || ts.isFunctionExpression(parent) || ts.isClassExpression(parent)) && parent.name === identifier) return false;
  if (ts.isBindingElement(parent) && (parent.name === identifier || parent.propertyName === identifier)) return false;
  return !ts.isTypeReferenceNode(parent) && !ts.isLabeledStatement(parent) && !ts.isBreakOrContinueStatement(parent);
}
