import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { testsWithoutHooks } from './hook-free-tests.js';
import { hasExportModifier } from './syntax.js';

/**
 * Where a value goes from the expression that produced it: the judgement of loader values
 * (`require`, `module`), global objects and `.constructor` reads depends on it. Passed, stored,
 * returned or exported values can be called anywhere, so they `flow`; a value only tested
 * (`if (x)`, `typeof x`, `x === y`, `x instanceof Error`, `'k' in x`) or discarded runs nothing.
 * A comparison that hands the value to a hook of the program (`x == 0`, `x instanceof Trap`:
 * hook-free-tests.ts) is no test: the value flows.
 */
export type Flow =
  | { readonly kind: 'called' }
  | { readonly kind: 'constructed' }
  | { readonly kind: 'member'; readonly access: ts.PropertyAccessExpression | ts.ElementAccessExpression }
  /** `keys`: `'k' in x` reads which keys `x` has (for `process.env`, which variables are set). */
  | { readonly kind: 'tested'; readonly keys?: true }
  | { readonly kind: 'discarded' }
  /** `const { a, b } = value`: members read by destructuring. */
  | { readonly kind: 'destructured'; readonly pattern: ts.ObjectBindingPattern }
  /** `const name = value` (not exported): the uses of `name` decide. */
  | { readonly kind: 'aliased'; readonly name: ts.Identifier }
  | { readonly kind: 'flows' };

/** Wrappers that hand their operand's value on unchanged. */
export function passesValueOn(parent: ts.Node, child: ts.Node): boolean {
  if (tsv.isParenthesizedExpression(parent) || tsv.isAsExpression(parent) || tsv.isSatisfiesExpression(parent) || tsv.isNonNullExpression(parent) || tsv.isTypeAssertionExpression(parent)) return true;
  if (tsv.isBinaryExpression(parent)) {
    const operator = parent.operatorToken.kind;
    if (operator === tsv.SyntaxKind.CommaToken) return parent.right === child;
    return operator === tsv.SyntaxKind.BarBarToken || operator === tsv.SyntaxKind.QuestionQuestionToken || (operator === tsv.SyntaxKind.AmpersandAmpersandToken && parent.right === child);
  }
  return tsv.isConditionalExpression(parent) && parent.condition !== child;
}

function isTest(parent: ts.Node, child: ts.Node, stack: readonly ts.Node[]): boolean {
  if (tsv.isBinaryExpression(parent)) {
    const operator = parent.operatorToken.kind;
    const comparison = testsWithoutHooks(parent, child, stack);
    if (comparison !== undefined) return comparison;
    if (operator === tsv.SyntaxKind.InKeyword) return parent.right === child;
    return operator === tsv.SyntaxKind.AmpersandAmpersandToken && parent.left === child;
  }
  if (tsv.isPrefixUnaryExpression(parent)) return parent.operator === tsv.SyntaxKind.ExclamationToken;
  if (tsv.isTypeOfExpression(parent)) return true;
  if (tsv.isConditionalExpression(parent)) return parent.condition === child;
  if (tsv.isIfStatement(parent) || tsv.isWhileStatement(parent) || tsv.isDoStatement(parent)) return parent.expression === child;
  return tsv.isForStatement(parent) && parent.condition === child;
}

/**
 * The flow of `ancestors[index]`, read from the walk's ancestor stack (files parsed without
 * parent pointers are walked too). Each step checks that the parent really holds the child in
 * that role; anything not recognized flows, which is the safe answer.
 */
export function flowOf(ancestors: readonly ts.Node[], index = ancestors.length - 1): Flow {
  let child = ancestors[index];
  let at = index - 1;
  while (child !== undefined && at >= 0) {
    const parent = ancestors[at] as ts.Node;
    if (passesValueOn(parent, child)) {
      child = parent;
      at -= 1;
      continue;
    }
    if (isTest(parent, child, ancestors)) return tsv.isBinaryExpression(parent) && parent.operatorToken.kind === tsv.SyntaxKind.InKeyword ? { kind: 'tested', keys: true } : { kind: 'tested' };
    if ((tsv.isCallExpression(parent) || tsv.isTaggedTemplateExpression(parent)) && (tsv.isCallExpression(parent) ? parent.expression : parent.tag) === child) return { kind: 'called' };
    if (tsv.isNewExpression(parent) && parent.expression === child) return { kind: 'constructed' };
    if ((tsv.isPropertyAccessExpression(parent) || tsv.isElementAccessExpression(parent)) && parent.expression === child) return { kind: 'member', access: parent };
    if (tsv.isExpressionStatement(parent) || tsv.isVoidExpression(parent)) return { kind: 'discarded' };
    if (tsv.isVariableDeclaration(parent) && parent.initializer === child && tsv.isObjectBindingPattern(parent.name)) return { kind: 'destructured', pattern: parent.name };
    if (tsv.isVariableDeclaration(parent) && parent.initializer === child && tsv.isIdentifier(parent.name)) {
      const list = ancestors[at - 1];
      const statement = ancestors[at - 2];
      const isConst = list !== undefined && tsv.isVariableDeclarationList(list) && (list.flags & tsv.NodeFlags.Constant) === tsv.NodeFlags.Const;
      const exported = statement !== undefined && tsv.isVariableStatement(statement) && hasExportModifier(statement);
      return isConst && !exported ? { kind: 'aliased', name: parent.name } : { kind: 'flows' };
    }
    return { kind: 'flows' };
  }
  return { kind: 'flows' };
}

/** Flows that can run the value: called, constructed, or handed on where it may be. */
export function mayRun(flow: Flow): boolean {
  return flow.kind === 'called' || flow.kind === 'constructed' || flow.kind === 'flows' || flow.kind === 'destructured';
}

/**
 * A member's value only tested, reading no more than a flag: `if (process.defaultApp)`. `'HOME' in
 * process.env` tests which keys the member holds, which for `env` is the environment: its row judges it.
 */
export function isDataTest(flow: Flow): boolean {
  return flow.kind === 'tested' && flow.keys !== true;
}
