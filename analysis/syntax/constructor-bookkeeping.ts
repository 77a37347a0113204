import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { isChoiceOf } from './global-stores.js';
import { isValueReference } from './node-kinds.js';
import { isTypeOnlyNode } from './tested-only.js';
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
 *   with the stack's frames and never calls, while the file replaces no `Error.captureStackTrace`
 *   (also as one of a choice: `t ?? this.constructor`);
 * - called or constructed with no argument (`new obj.constructor()`): no source text reaches it.
 */
const LOGICAL_ASSIGNMENTS: ReadonlySet<ts.SyntaxKind> = new Set([tsv.SyntaxKind.BarBarEqualsToken, tsv.SyntaxKind.AmpersandAmpersandEqualsToken, tsv.SyntaxKind.QuestionQuestionEqualsToken]);

export function isConstructorBookkeeping(ancestors: readonly ts.Node[], scope: Scope): boolean {
  let child = ancestors[ancestors.length - 1];
  let at = ancestors.length - 2;
  while (at >= 0 && child !== undefined && tsv.isParenthesizedExpression(ancestors[at] as ts.Node)) child = ancestors[at--];
  const parent = at >= 0 ? ancestors[at] : undefined;
  if (parent === undefined || child === undefined) return false;
  if (tsv.isBinaryExpression(parent) && !isChoiceOf(parent, child)) {
    if (parent.left !== child) return false;
    if (parent.operatorToken.kind === tsv.SyntaxKind.EqualsToken) return true;
    // `X.prototype.constructor ||= X` as a statement: the read is only tested, and the result goes nowhere.
    return LOGICAL_ASSIGNMENTS.has(parent.operatorToken.kind) && flowOf(ancestors, at).kind === 'discarded';
  }
  // `new obj.constructor()` (postcss's clone): with no argument there is no source text to compile; a Function so made is empty.
  if ((tsv.isNewExpression(parent) || tsv.isCallExpression(parent)) && parent.expression === child) return (parent.arguments ?? []).length === 0;
  const file = ancestors[0];
  if (file === undefined || !tsv.isSourceFile(file)) return false;
  // `Error.captureStackTrace(this, t ?? this.constructor)` (tar's minipass): the marker is one of a choice of values.
  let marker = child;
  let markerAt = at;
  while (markerAt >= 0 && isChoiceOf(ancestors[markerAt] as ts.Node, marker)) marker = ancestors[markerAt--] as ts.Node;
  const call = markerAt >= 0 ? ancestors[markerAt] : undefined;
  return call !== undefined && tsv.isCallExpression(call) && call.arguments[1] === marker && isCaptureStackTrace(call.expression, scope, file);
}

function isCaptureStackTrace(callee: ts.Expression, scope: Scope, file: ts.SourceFile): boolean {
  const inner = skipOuter(callee);
  if (!tsv.isPropertyAccessExpression(inner) || inner.name.text !== 'captureStackTrace' || globalName(inner.expression, scope, GLOBAL_OBJECT_NAMES) !== 'Error') return false;
  return !mayReplaceCaptureStackTrace(file);
}

const replacesByFile = new WeakMap<ts.SourceFile, boolean>();

/**
 * `Error.captureStackTrace = (target, F) => …` makes the "frame marker" a value the program
 * receives. Fail-closed, by name: the file may replace it when `captureStackTrace` is spelled
 * anywhere but as the callee of `Error.captureStackTrace(…)` (a write, a descriptor key, a string),
 * or when `Error` is used other than as `new Error()`, `Error()`, `extends Error`, `instanceof
 * Error`, a type or the base of another named member (`Object.assign(Error, …)`, `(Error as any)[k]
 * = …`, `const E = Error`, `globalThis.Error = …`). A replacement made by another module is
 * docs/caveats.md's.
 */
function mayReplaceCaptureStackTrace(sourceFile: ts.SourceFile): boolean {
  let replaces = replacesByFile.get(sourceFile);
  if (replaces === undefined) replacesByFile.set(sourceFile, (replaces = scanForReplacement(sourceFile)));
  return replaces;
}

function scanForReplacement(sourceFile: ts.SourceFile): boolean {
  const mentions = sourceFile.text.match(/captureStackTrace/g)?.length ?? 0;
  let calls = 0;
  // Escapes need no text check: a replacement must reach `Error` by a use the walk judges (identifiers are read unescaped).
  let replaces = false;
  const ancestors: ts.Node[] = [sourceFile];
  const visit = (node: ts.Node): void => {
    if (replaces || isTypeOnlyNode(node, ancestors[ancestors.length - 1])) return;
    const parent = ancestors[ancestors.length - 1] as ts.Node;
    if (tsv.isIdentifier(node) && node.text === 'Error' && isValueReference(node, parent) && !isPlainErrorUse(node, ancestors)) replaces = true;
    if (tsv.isPropertyAccessExpression(node) && node.name.text === 'Error' && !(tsv.isNewExpression(parent) || tsv.isCallExpression(parent) || tsv.isPropertyAccessExpression(parent))) replaces = true;
    if (tsv.isCallExpression(node) && tsv.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'captureStackTrace') calls += 1;
    // `if (Error.captureStackTrace)`: a feature test reads it.
    else if (tsv.isPropertyAccessExpression(node) && node.name.text === 'captureStackTrace' && isTestedAccess(node, ancestors)) calls += 1;
    ancestors.push(node);
    tsv.forEachChild(node, visit);
    ancestors.pop();
  };
  tsv.forEachChild(sourceFile, visit);
  return replaces || mentions !== calls;
}

/** `new Error()`, `Error()`, `extends Error`, `x instanceof Error`, `Error.name` (a named member, not written unless it is a setting). */
function isPlainErrorUse(identifier: ts.Identifier, ancestors: readonly ts.Node[]): boolean {
  const parent = ancestors[ancestors.length - 1] as ts.Node;
  if (tsv.isNewExpression(parent) || tsv.isCallExpression(parent)) return parent.expression === identifier;
  if (tsv.isBinaryExpression(parent)) return parent.operatorToken.kind === tsv.SyntaxKind.InstanceOfKeyword && parent.right === identifier;
  if (tsv.isExpressionWithTypeArguments(parent) || tsv.isHeritageClause(parent)) return true;
  if (!tsv.isPropertyAccessExpression(parent) || parent.expression !== identifier) return false;
  // `Error.captureStackTrace` counts only as a callee (counted by the caller); other members (`Error.stackTraceLimit = 50`) are settings.
  const grand = ancestors[ancestors.length - 2];
  return parent.name.text !== 'captureStackTrace' || (grand !== undefined && tsv.isCallExpression(grand) && grand.expression === parent) || flowOf(ancestors).kind === 'tested';
}

function isTestedAccess(access: ts.Node, ancestors: readonly ts.Node[]): boolean {
  return flowOf([...ancestors, access]).kind === 'tested';
}
