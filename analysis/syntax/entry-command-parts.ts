import ts from '../../policy/typescript.cjs';
import type { PathPart } from './entry-path.js';
import { skipOuter } from './syntax.js';

/**
 * The pieces of an expression that builds a command line or a path: a literal's text, a
 * template's head, spans and tails, `+` chains, `'a'.concat(b)` and `[a, b].join(' ')` (the
 * same text written three more ways, so the same words), or the expression itself.
 */
export function partsOf(expression: ts.Expression): PathPart[] {
  const inner = skipOuter(expression);
  if (ts.isStringLiteralLike(inner)) return [inner.text];
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken && (isTextual(inner.left) || isTextual(inner.right))) {
    return [...partsOf(inner.left), ...partsOf(inner.right)];
  }
  const joined = joinedParts(inner);
  if (joined !== undefined) return joined;
  if (!ts.isTemplateExpression(inner)) return [inner];
  const parts: PathPart[] = [inner.head.text];
  for (const span of inner.templateSpans) parts.push(span.expression, span.literal.text);
  return parts;
}

/** Written text: a literal, a template, or a `+` chain with one (so `+` joins strings there, never adds numbers). */
function isTextual(expression: ts.Expression): boolean {
  const inner = skipOuter(expression);
  if (ts.isStringLiteralLike(inner) || ts.isTemplateExpression(inner)) return true;
  return ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken && (isTextual(inner.left) || isTextual(inner.right));
}

/** `'a'.concat(b, c)` and `[a, b].join(' ')` (a written separator, no spreads): their pieces in order. */
function joinedParts(inner: ts.Expression): PathPart[] | undefined {
  if (!ts.isCallExpression(inner) || !ts.isPropertyAccessExpression(inner.expression)) return undefined;
  if (inner.arguments.some((argument) => ts.isSpreadElement(argument))) return undefined;
  const { name, expression: target } = inner.expression;
  if (name.text === 'concat' && isTextual(target)) return [...partsOf(target), ...inner.arguments.flatMap((argument) => partsOf(argument))];
  if (name.text !== 'join' || inner.arguments.length > 1) return undefined;
  const list = skipOuter(target);
  const separatorNode = inner.arguments[0] === undefined ? undefined : skipOuter(inner.arguments[0]);
  // `join()` separates with a comma.
  const separator = separatorNode === undefined ? ',' : ts.isStringLiteralLike(separatorNode) ? separatorNode.text : undefined;
  if (separator === undefined || !ts.isArrayLiteralExpression(list) || list.elements.some((element) => ts.isSpreadElement(element))) return undefined;
  return list.elements.flatMap((element, index) => (index === 0 ? partsOf(element) : [separator, ...partsOf(element)]));
}
