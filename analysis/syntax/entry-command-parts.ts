import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import type { PathPart } from './entry-path.js';
import { globalName } from './module-loads.js';
import type { Scope } from './scope.js';
import { skipOuter } from './syntax.js';

/**
 * The pieces of an expression that builds a command line or a path: a literal's text, a
 * template's head, spans and tails, `+` chains, `'a'.concat(b)` and `[a, b].join(' ')` (the
 * same text written three more ways, so the same words), `JSON.stringify(text)` (the text in
 * double quotes), or the expression itself.
 */
export function partsOf(expression: ts.Expression, scope?: Scope): PathPart[] {
  const inner = skipOuter(expression);
  if (ts.isStringLiteralLike(inner)) return [inner.text];
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken && (isTextual(inner.left) || isTextual(inner.right))) {
    return [...partsOf(inner.left), ...partsOf(inner.right)];
  }
  const joined = joinedParts(inner) ?? (scope === undefined ? undefined : quotedParts(inner, scope));
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

/** Characters JSON escapes differently from a shell's double quotes (`\n` stays two characters there). */
const JSON_ESCAPED = /["\\\u0000-\u001f]/;

/**
 * `JSON.stringify(path.join(__dirname, 'tool'))`: a string in double quotes, the same words as
 * `"${…}"` written out. Only for text (a literal, a template, a `+` chain, a `join`/`resolve` call)
 * whose written pieces JSON leaves as they are, and only where `JSON` is the global (a shell line
 * read with its scope); anything else is the expression itself.
 */
function quotedParts(inner: ts.Expression, scope: Scope): PathPart[] | undefined {
  if (!ts.isCallExpression(inner) || inner.arguments.length !== 1 || !ts.isPropertyAccessExpression(inner.expression)) return undefined;
  const { name, expression: owner } = inner.expression;
  if (name.text !== 'stringify' || globalName(owner, scope, GLOBAL_OBJECT_NAMES) !== 'JSON') return undefined;
  const text = skipOuter(inner.arguments[0] as ts.Expression);
  const isPathCall = ts.isCallExpression(text) && ts.isPropertyAccessExpression(text.expression) && ['join', 'resolve', 'normalize'].includes(text.expression.name.text);
  if (ts.isSpreadElement(text) || (!isTextual(text) && !isPathCall)) return undefined;
  const parts = partsOf(text);
  if (parts.some((part) => typeof part === 'string' && JSON_ESCAPED.test(part))) return undefined;
  return ['"', ...parts, '"'];
}
