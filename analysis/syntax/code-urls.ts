import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { constantKey, constantString } from './constants.js';
import { globalName } from './module-loads.js';
import type { Scope } from './scope.js';
import { skipOuter } from './syntax.js';

/**
 * The text a module or worker entry starts with, when that much is constant: a string, the head
 * of a template or of a `+` chain, the first argument of `new URL(…)`, and `blob:` for
 * `URL.createObjectURL(…)` (whatever it wraps, the result is a `blob:` URL of bytes made at run time).
 */
export function leadingText(expression: ts.Expression, scope: Scope): string | undefined {
  const inner = skipOuter(expression);
  const whole = constantString(inner, scope);
  if (whole !== undefined) return whole;
  if (tsv.isTemplateExpression(inner)) return inner.head.text;
  if (tsv.isBinaryExpression(inner) && inner.operatorToken.kind === tsv.SyntaxKind.PlusToken) return leadingText(inner.left, scope);
  if (tsv.isNewExpression(inner) && globalName(inner.expression, scope, GLOBAL_OBJECT_NAMES) === 'URL' && inner.arguments?.[0] !== undefined) return leadingText(inner.arguments[0], scope);
  if (tsv.isCallExpression(inner)) {
    const callee = skipOuter(inner.expression);
    const isObjectUrl = (tsv.isPropertyAccessExpression(callee) || tsv.isElementAccessExpression(callee)) && constantKey(callee, scope) === 'createObjectURL' && globalName(callee.expression, scope, GLOBAL_OBJECT_NAMES) === 'URL';
    if (isObjectUrl) return 'blob:';
  }
  return undefined;
}

/**
 * The URL scheme of an entry whose code is not a file of the project: `data:` and `blob:` carry
 * the code itself, `http(s):` fetches it. `file:` (an absolute path) and a Windows drive letter
 * (`C:\…`, one letter) name files; undefined when the text names no such scheme.
 */
export function codeUrlScheme(text: string | undefined): string | undefined {
  // The URL parser drops leading C0 controls and spaces before it reads the scheme.
  const match = text === undefined ? null : /^[\u0000-\u0020]*([a-z][a-z0-9+.-]+):/i.exec(text);
  const scheme = match?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'file' || scheme === 'node' ? undefined : scheme;
}
