import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { globalName, trackedLoad } from './module-loads.js';
import type { Binding, Scope } from './scope.js';
import { skipOuter } from './syntax.js';

/**
 * The expressions whose value `expression` may be: itself, both sides of `a || b` and `a ?? b`,
 * the right of `a && b` (a left that stops the chain is falsy, so no object), both branches of
 * `c ? a : b` and the last of a comma list. `p = process || {}`, `typeof process === 'undefined'
 * ? {} : process` and lodash's `typeof global == 'object' && global && … && global` all may be
 * the global they name.
 */
export function valueCandidates(expression: ts.Expression, found: ts.Expression[] = []): ts.Expression[] {
  const inner = skipOuter(expression);
  if (tsv.isBinaryExpression(inner)) {
    const operator = inner.operatorToken.kind;
    if (operator === tsv.SyntaxKind.BarBarToken || operator === tsv.SyntaxKind.QuestionQuestionToken) {
      valueCandidates(inner.left, found);
      return valueCandidates(inner.right, found);
    }
    if (operator === tsv.SyntaxKind.AmpersandAmpersandToken || operator === tsv.SyntaxKind.CommaToken) return valueCandidates(inner.right, found);
  } else if (tsv.isConditionalExpression(inner)) {
    valueCandidates(inner.whenTrue, found);
    return valueCandidates(inner.whenFalse, found);
  }
  found.push(inner);
  return found;
}

/** Globals whose aliases are followed member by member: what is reached through them is judged as if written on them. */
function isFollowedGlobal(name: string): boolean {
  return name === 'process' || name === 'module' || GLOBAL_OBJECT_NAMES.includes(name);
}

/**
 * The global (`process`, the global object, `module`) `expression` may hold through a choice of
 * values (valueCandidates), or undefined. A plain reference (`const p = process`) is the caller's
 * own rule; this adds the values that reach it through `||`, `&&`, `??` and `?:`.
 */
export function chosenGlobal(expression: ts.Expression, scope: Scope): string | undefined {
  const inner = skipOuter(expression);
  if (!tsv.isBinaryExpression(inner) && !tsv.isConditionalExpression(inner)) return undefined;
  for (const candidate of valueCandidates(inner)) {
    const name = globalName(candidate, scope, GLOBAL_OBJECT_NAMES);
    if (name !== undefined && isFollowedGlobal(name)) return name;
    // `require('node:process') || {}` is the same object as the global `process`.
    if (tsv.isCallExpression(candidate) && trackedLoad(candidate, scope)?.tracked === 'node:process') return 'process';
  }
  return undefined;
}

/** A plain reference to a followed global or a choice that may be one (`process`, `process || {}`, `s = globalThis`). */
export function aliasedGlobal(expression: ts.Expression, scope: Scope): string | undefined {
  const direct = globalName(expression, scope, GLOBAL_OBJECT_NAMES);
  if (direct !== undefined) return isFollowedGlobal(direct) ? direct : undefined;
  return chosenGlobal(expression, scope);
}

/**
 * What a parameter of `container` holds when it may be a followed global: its default
 * (`function t(s = globalThis)`), or the argument an immediately called function receives at its
 * place (`(r => r.process.env)(s)`). `ancestors` end with `container`; arguments are read in
 * `outer`, the scope around the call. Another caller may pass another value: members are then
 * judged as the global's, which can only add findings.
 */
export function parameterAlias(parameter: ts.ParameterDeclaration, index: number, container: ts.Node, ancestors: readonly ts.Node[], scope: Scope, outer: Scope): Binding | undefined {
  if (!tsv.isIdentifier(parameter.name) || parameter.dotDotDotToken !== undefined) return undefined;
  const argument = immediateArgument(container, index, ancestors);
  const name = (argument === undefined ? undefined : aliasedGlobal(argument, outer)) ?? (parameter.initializer === undefined ? undefined : aliasedGlobal(parameter.initializer, scope));
  return name === undefined ? undefined : { kind: 'global-alias', name };
}

/** The argument at `index` when `container` (a function expression or arrow) is called where it is written. */
function immediateArgument(container: ts.Node, index: number, ancestors: readonly ts.Node[]): ts.Expression | undefined {
  if (!tsv.isFunctionExpression(container) && !tsv.isArrowFunction(container)) return undefined;
  let child: ts.Node = container;
  for (let at = ancestors.length - 2; at >= 0; at -= 1) {
    const parent = ancestors[at] as ts.Node;
    if (tsv.isParenthesizedExpression(parent)) {
      child = parent;
      continue;
    }
    if (tsv.isCallExpression(parent) && parent.expression === child) {
      const argument = parent.arguments[index];
      return argument !== undefined && !tsv.isSpreadElement(argument) && !parent.arguments.slice(0, index).some((earlier) => tsv.isSpreadElement(earlier)) ? argument : undefined;
    }
    return undefined;
  }
  return undefined;
}
