import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { constantKey } from './constants.js';
import { globalName } from './module-loads.js';
import type { Scope } from './scope.js';
import { skipOuter } from './syntax.js';

/**
 * A `constructor` member at `ancestors[last]` used as bookkeeping, which hands the value to no code
 * that could compile with it:
 * - written: `X.prototype.constructor = X`, `chalk.template.constructor = () => { throw … }` (a
 *   write reads nothing; the value stored is judged on its own);
 * - the frame marker of `Error.captureStackTrace(this, this.constructor)`, which V8 only compares
 *   with the stack's frames and never calls.
 */
export function isConstructorBookkeeping(ancestors: readonly ts.Node[], scope: Scope): boolean {
  let child = ancestors[ancestors.length - 1];
  let at = ancestors.length - 2;
  while (at >= 0 && child !== undefined && tsv.isParenthesizedExpression(ancestors[at] as ts.Node)) child = ancestors[at--];
  const parent = at >= 0 ? ancestors[at] : undefined;
  if (parent === undefined || child === undefined) return false;
  if (tsv.isBinaryExpression(parent)) return parent.operatorToken.kind === tsv.SyntaxKind.EqualsToken && parent.left === child;
  return tsv.isCallExpression(parent) && parent.arguments[1] === child && isCaptureStackTrace(parent.expression, scope);
}

function isCaptureStackTrace(callee: ts.Expression, scope: Scope): boolean {
  const inner = skipOuter(callee);
  return (tsv.isPropertyAccessExpression(inner) || tsv.isElementAccessExpression(inner)) && constantKey(inner, scope) === 'captureStackTrace' && globalName(inner.expression, scope, GLOBAL_OBJECT_NAMES) === 'Error';
}
