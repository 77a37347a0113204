import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import type { Scope } from './scope.js';
import { skipOuter } from './syntax.js';

/** `const` → `const` chains are followed this deep; a longer chain is not a constant. */
const MAX_DEPTH = 8;

/**
 * The string an expression always evaluates to, when the syntax alone proves it: literals,
 * `+` of constants, templates whose substitutions are constants, and `const` bindings of
 * those (read in the scope they were written in). `x['const' + 'ructor']` is `x.constructor`.
 */
export function constantString(expression: ts.Expression, scope: Scope, depth = 0): string | undefined {
  const inner = skipOuter(expression);
  if (tsv.isStringLiteralLike(inner) || tsv.isNumericLiteral(inner)) return inner.text;
  if (tsv.isTemplateExpression(inner)) {
    let text = inner.head.text;
    for (const span of inner.templateSpans) {
      const part = constantString(span.expression, scope, depth);
      if (part === undefined) return undefined;
      text += part + span.literal.text;
    }
    return text;
  }
  if (tsv.isBinaryExpression(inner) && inner.operatorToken.kind === tsv.SyntaxKind.PlusToken) {
    const left = constantString(inner.left, scope, depth);
    const right = left === undefined ? undefined : constantString(inner.right, scope, depth);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  if (tsv.isIdentifier(inner) && depth < MAX_DEPTH) {
    const binding = scope.lookup(inner.text);
    if (binding?.kind === 'const') return constantString(binding.initializer, binding.scope, depth + 1);
  }
  if (tsv.isCallExpression(inner)) return constantCall(inner, scope, depth);
  return undefined;
}

/**
 * Two spellings of a string that run no user code: `['constr', 'uctor'].join('')` (an array literal
 * of constants) and `String.fromCharCode(99, 111, …)` (the global `String`, numeric literals).
 */
function constantCall(call: ts.CallExpression, scope: Scope, depth: number): string | undefined {
  const callee = skipOuter(call.expression);
  if (!tsv.isPropertyAccessExpression(callee)) return undefined;
  const owner = skipOuter(callee.expression);
  if (callee.name.text === 'join' && tsv.isArrayLiteralExpression(owner) && call.arguments.length <= 1) {
    const separator = call.arguments[0] === undefined ? ',' : constantString(call.arguments[0], scope, depth);
    const parts = owner.elements.map((element) => (tsv.isSpreadElement(element) || tsv.isOmittedExpression(element) ? undefined : constantString(element, scope, depth)));
    return separator === undefined || parts.some((part) => part === undefined) ? undefined : parts.join(separator);
  }
  if (callee.name.text === 'fromCharCode' && tsv.isIdentifier(owner) && owner.text === 'String' && scope.lookup('String') === undefined) {
    const codes = call.arguments.map((argument) => skipOuter(argument));
    return codes.every((code) => tsv.isNumericLiteral(code)) ? String.fromCharCode(...codes.map((code) => Number((code as ts.NumericLiteral).text))) : undefined;
  }
  return undefined;
}

/** `a.b` → `b`; `a[k]` → the constant `k` holds; null when the key is not a constant. */
export function constantKey(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, scope: Scope): string | null {
  if (tsv.isPropertyAccessExpression(node)) return node.name.text;
  return constantString(node.argumentExpression, scope) ?? null;
}
