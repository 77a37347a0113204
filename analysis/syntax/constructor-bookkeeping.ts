import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { flowOf } from './value-flow.js';
import { globalName } from './module-loads.js';
import type { Scope } from './scope.js';
import { skipOuter } from './syntax.js';

/**
 * A `constructor` member at `ancestors[last]` used as bookkeeping, which hands the value to no code
 * that could compile with it:
 * - written: `X.prototype.constructor = X`, `chalk.template.constructor = () => { throw … }` (a
 *   write reads nothing; the value stored is judged on its own), also `X.prototype.constructor ||= X`
 *   as a statement (the read is only tested);
 * - the frame marker of `Error.captureStackTrace(this, this.constructor)`, which V8 only compares
 *   with the stack's frames and never calls, while the file replaces no `Error.captureStackTrace`.
 */
const LOGICAL_ASSIGNMENTS: ReadonlySet<ts.SyntaxKind> = new Set([tsv.SyntaxKind.BarBarEqualsToken, tsv.SyntaxKind.AmpersandAmpersandEqualsToken, tsv.SyntaxKind.QuestionQuestionEqualsToken]);

export function isConstructorBookkeeping(ancestors: readonly ts.Node[], scope: Scope): boolean {
  let child = ancestors[ancestors.length - 1];
  let at = ancestors.length - 2;
  while (at >= 0 && child !== undefined && tsv.isParenthesizedExpression(ancestors[at] as ts.Node)) child = ancestors[at--];
  const parent = at >= 0 ? ancestors[at] : undefined;
  if (parent === undefined || child === undefined) return false;
  if (tsv.isBinaryExpression(parent)) {
    if (parent.left !== child) return false;
    if (parent.operatorToken.kind === tsv.SyntaxKind.EqualsToken) return true;
    // `X.prototype.constructor ||= X` as a statement: the read is only tested, and the result goes nowhere.
    return LOGICAL_ASSIGNMENTS.has(parent.operatorToken.kind) && flowOf(ancestors, at).kind === 'discarded';
  }
  const file = ancestors[0];
  return tsv.isCallExpression(parent) && parent.arguments[1] === child && file !== undefined && tsv.isSourceFile(file) && isCaptureStackTrace(parent.expression, scope, file);
}

function isCaptureStackTrace(callee: ts.Expression, scope: Scope, file: ts.SourceFile): boolean {
  const inner = skipOuter(callee);
  if (!tsv.isPropertyAccessExpression(inner) || inner.name.text !== 'captureStackTrace' || globalName(inner.expression, scope, GLOBAL_OBJECT_NAMES) !== 'Error') return false;
  return !mayReplaceCaptureStackTrace(file);
}

const replacesByFile = new WeakMap<ts.SourceFile, boolean>();

/**
 * `Error.captureStackTrace = (target, F) => …` makes the "frame marker" a value the program
 * receives. Read from the text, fail-closed: any mention of `captureStackTrace` but a direct call
 * `Error.captureStackTrace(`, or any write to `Error` itself, may replace it (a computed or
 * reflective write spells the name somewhere too, or is a computed write to `Error` the scan sees as
 * `Error[`). A replacement made by another module is docs/caveats.md's.
 */
function mayReplaceCaptureStackTrace(sourceFile: ts.SourceFile): boolean {
  let replaces = replacesByFile.get(sourceFile);
  if (replaces === undefined) {
    const text = sourceFile.text;
    const mentions = text.match(/captureStackTrace/g)?.length ?? 0;
    const calls = text.match(/\bError\s*\.\s*captureStackTrace\s*\(/g)?.length ?? 0;
    replaces = mentions !== calls || /\bError\s*(?:\[|=(?!=))/.test(text) || /\b(?:defineProperty|defineProperties|assign|set|setPrototypeOf|__defineGetter__|__defineSetter__)\s*\(\s*Error\b/.test(text);
    replacesByFile.set(sourceFile, replaces);
  }
  return replaces;
}
