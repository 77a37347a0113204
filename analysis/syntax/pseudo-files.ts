import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { pseudoFileCapabilities, type PathShape } from '../../policy/index.js';
import { constantString } from './constants.js';
import type { Scope } from './scope.js';
import { memberKey, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

/**
 * Path text that names another capability's pseudo-file (policy/pseudo-files.ts decides which):
 * a string, a template, a `+` chain or a `join`/`resolve` of segments, with run-time values as
 * holes (`/proc/${pid}/environ`). Judged where the text is written; which call opens it does
 * not matter. Text built only from names (`P + pid + E`) is not seen: its parts are judged alone.
 */

/** Nesting followed when a shape is built; deeper parts count as run-time values. */
const MAX_SHAPE_DEPTH = 6;

/** A string literal, template or `+` chain: judged once, at the outermost chain. */
export function judgePathText(walker: Walker, node: ts.Expression, parent: ts.Node): void {
  if (isPlus(parent)) return;
  if (!mentionsPseudoFile(node, walker.sourceFile)) return;
  report(walker, node, shapeOf(node, walker.scope, 0));
}

/** `path.join('/proc', pid, 'environ')`, `resolve(…)`, `['/proc', pid, 'environ'].join('/')`. */
export function judgePathJoin(walker: Walker, call: ts.CallExpression): void {
  if (!isJoinCall(call, walker.scope) || !mentionsPseudoFile(call, walker.sourceFile)) return;
  // An argument that is a whole pseudo-file path is judged as text already.
  const parts = joinedParts(call, walker.scope);
  if (parts.some((part) => part.length === 1 && part[0] !== null && pseudoFileCapabilities(part).length > 0)) return;
  report(walker, call, shapeOf(call, walker.scope, 0));
}

function report(walker: Walker, node: ts.Node, shape: PathShape): void {
  const capabilities = pseudoFileCapabilities(shape);
  if (capabilities.length > 0) walker.report.reach(capabilities, node, 'an environ file under /proc', 'member');
}

/**
 * A cheap filter before a shape is built: nearly every string in a program fails it. A lone
 * literal has no run-time value to fill in, so it is an environ path only if it spells `environ`
 * (strings naming `process` are common); a template or a chain may get `environ` from a value.
 */
function mentionsPseudoFile(node: ts.Node, sourceFile: ts.SourceFile): boolean {
  if (tsv.isStringLiteralLike(node)) return node.text.includes('environ');
  const text = node.getText(sourceFile);
  return text.includes('proc') || text.includes('environ');
}

function isPlus(node: ts.Node): boolean {
  return tsv.isBinaryExpression(node) && node.operatorToken.kind === tsv.SyntaxKind.PlusToken;
}

function calleeName(call: ts.CallExpression, scope: Scope): string | undefined {
  const callee = skipOuter(call.expression);
  if (tsv.isPropertyAccessExpression(callee) || tsv.isElementAccessExpression(callee)) return memberKey(callee) ?? undefined;
  if (!tsv.isIdentifier(callee)) return undefined;
  const binding = scope.lookup(callee.text);
  return binding?.kind === 'member' ? binding.member : callee.text;
}

function isJoinCall(call: ts.CallExpression, scope: Scope): boolean {
  const name = calleeName(call, scope);
  return name === 'join' || name === 'resolve';
}

/** The segments a join call puts together, each as a shape, and the separator between them. */
function joinedParts(call: ts.CallExpression, scope: Scope, depth = 0): PathShape[] {
  const callee = skipOuter(call.expression);
  const base = tsv.isPropertyAccessExpression(callee) || tsv.isElementAccessExpression(callee) ? skipOuter(callee.expression) : undefined;
  if (base !== undefined && tsv.isArrayLiteralExpression(base)) return base.elements.map((element) => shapeOf(element, scope, depth + 1));
  return call.arguments.map((argument) => shapeOf(argument, scope, depth + 1));
}

function joinSeparator(call: ts.CallExpression, scope: Scope): string | null {
  const callee = skipOuter(call.expression);
  const base = tsv.isPropertyAccessExpression(callee) || tsv.isElementAccessExpression(callee) ? skipOuter(callee.expression) : undefined;
  if (base === undefined || !tsv.isArrayLiteralExpression(base)) return '/';
  const separator = call.arguments[0];
  return separator === undefined ? ',' : constantString(separator, scope) ?? null;
}

function shapeOf(expression: ts.Expression, scope: Scope, depth: number): PathShape {
  const inner = skipOuter(expression);
  const whole = constantString(inner, scope);
  if (whole !== undefined) return [whole];
  if (depth >= MAX_SHAPE_DEPTH || tsv.isSpreadElement(inner)) return [null];
  if (tsv.isTemplateExpression(inner)) {
    const shape: (string | null)[] = [inner.head.text];
    for (const span of inner.templateSpans) shape.push(...shapeOf(span.expression, scope, depth + 1), span.literal.text);
    return shape;
  }
  if (isPlus(inner)) {
    const binary = inner as ts.BinaryExpression;
    return [...shapeOf(binary.left, scope, depth + 1), ...shapeOf(binary.right, scope, depth + 1)];
  }
  if (tsv.isCallExpression(inner) && isJoinCall(inner, scope)) {
    const separator = joinSeparator(inner, scope);
    const parts = joinedParts(inner, scope, depth);
    return parts.flatMap((part, index) => (index === 0 ? [...part] : [separator, ...part]));
  }
  return [null];
}
