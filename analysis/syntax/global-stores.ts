import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES, LOADER_NAMES, globalValueCapabilities } from '../../policy/index.js';
import { valueCandidates } from './alias-values.js';
import { globalName } from './module-loads.js';
import { hasExportModifier, isFunctionValue, skipOuter } from './syntax.js';
import { isDataOnlyGlobalWrite } from './global-data-writes.js';
import { isDataName, isDataValue } from './global-data-values.js';
import { isValueReference } from './node-kinds.js';
import type { Scope } from './scope.js';
import { flowOf } from './value-flow.js';

/**
 * The global object assigned to a local that only stores and reads plain data on it: a UMD
 * wrapper's `(global = globalThis || self, factory(global.acorn = {}))`, dayjs's `(t = globalThis ||
 * self).dayjs = e()`, TypeScript's downlevelled `(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {})`.
 * `ancestors` end with the global object's reference. True only when the value reaches the local
 * through a choice of values (`||`, `?:`), the assignment's own value is only tested, discarded or
 * used as one such member, and every reference to the local in the function that declares it is:
 * assigned, tested, fed back into itself (`t = t || self`), or the base of a member whose name is
 * no capability global (policy: not `process`, `require`, `fetch`, `eval`, `Function`, a global
 * object…) that is read, or written with a value that carries no capability. A store that
 * replaces a capability global, or the local handed on, keeps the reference UNANALYZED.
 */
export function isPlainDataGlobalAlias(ancestors: readonly ts.Node[], scope: Scope): boolean {
  const assignment = enclosingAssignment(ancestors, ancestors.length - 1);
  if (assignment === undefined) return isDataOnlyGlobalDeclaration(ancestors, scope) || isDataOnlyGlobalWrite(ancestors, scope);
  const target = skipOuter((ancestors[assignment] as ts.BinaryExpression).left);
  if (!tsv.isIdentifier(target)) return false;
  const binding = scope.lookup(target.text);
  if (binding === undefined || (binding.kind !== 'local' && binding.kind !== 'global-alias')) return false;
  if (!isSafeUse(ancestors, assignment, target.text, scope)) return false;
  const container = declaringContainer(ancestors, target.text);
  return container !== undefined && everyReferenceIsSafe(container, target.text, scope);
}

/**
 * `const g = globalThis || global; g.rt15Cache = g.rt15Cache || {}` (docs/choices.md 47): a declared
 * alias of the global object is no UNANALYZED when, besides the rule above, everything written
 * through it is data (isDataValue: literals, object and array literals of data, a data member of the
 * alias itself), also into its members' members. A declared alias that stores a call, a local or a
 * function (`g.run = cp.execSync.bind(null)`) stays UNANALYZED: what those hold is not read here.
 */
function isDataOnlyGlobalDeclaration(ancestors: readonly ts.Node[], scope: Scope): boolean {
  const at = enclosingDeclaration(ancestors, ancestors.length - 1);
  if (at === undefined) return false;
  const declaration = ancestors[at] as ts.VariableDeclaration;
  const statement = ancestors[at - 2];
  if (!tsv.isIdentifier(declaration.name) || (statement !== undefined && tsv.isVariableStatement(statement) && hasExportModifier(statement))) return false;
  const name = declaration.name.text;
  if (scope.lookup(name)?.kind !== 'global-alias') return false;
  const container = declaringContainer(ancestors, name);
  return container !== undefined && everyReferenceIsSafe(container, name, scope, true);
}

/** The index of the `const name = …` declaration whose value the node at `index` is, through a choice of values; undefined when none. */
function enclosingDeclaration(ancestors: readonly ts.Node[], index: number): number | undefined {
  let child = ancestors[index] as ts.Node;
  for (let at = index - 1; at >= 0; at -= 1) {
    const parent = ancestors[at] as ts.Node;
    if (tsv.isVariableDeclaration(parent)) return parent.initializer === child ? at : undefined;
    if (!isChoiceOf(parent, child)) return undefined;
    child = parent;
  }
  return undefined;
}

/** The index of the `name = …` assignment whose value the node at `index` is, through a choice of values; undefined when none. */
function enclosingAssignment(ancestors: readonly ts.Node[], index: number): number | undefined {
  let child = ancestors[index] as ts.Node;
  for (let at = index - 1; at >= 0; at -= 1) {
    const parent = ancestors[at] as ts.Node;
    if (tsv.isBinaryExpression(parent) && parent.operatorToken.kind === tsv.SyntaxKind.EqualsToken) return parent.right === child ? at : undefined;
    if (!isChoiceOf(parent, child)) return undefined;
    child = parent;
  }
  return undefined;
}

/** `parent` hands `child`'s value on as one of its possible values (alias-values.ts's valueCandidates, one step). */
export function isChoiceOf(parent: ts.Node, child: ts.Node): boolean {
  if (tsv.isParenthesizedExpression(parent)) return true;
  if (tsv.isConditionalExpression(parent)) return parent.condition !== child;
  if (!tsv.isBinaryExpression(parent)) return false;
  const operator = parent.operatorToken.kind;
  if (operator === tsv.SyntaxKind.BarBarToken || operator === tsv.SyntaxKind.QuestionQuestionToken) return true;
  return (operator === tsv.SyntaxKind.AmpersandAmpersandToken || operator === tsv.SyntaxKind.CommaToken) && parent.right === child;
}

/** Whether the value at `ancestors[index]` (the local, or an assignment to it) is only used in the ways the rule allows. */
function isSafeUse(ancestors: readonly ts.Node[], index: number, name: string, scope: Scope, dataOnly = false): boolean {
  const assignment = enclosingAssignment(ancestors, index);
  if (assignment !== undefined) {
    const target = skipOuter((ancestors[assignment] as ts.BinaryExpression).left);
    // `t = t || self`: fed back into itself; an assignment that is the local's own write is judged at its value.
    if (tsv.isIdentifier(target) && target.text === name) return true;
  }
  if (isCommaLeft(ancestors, index)) return true;
  const flow = flowOf(ancestors, index);
  if (flow.kind === 'tested' || flow.kind === 'discarded') return true;
  if (flow.kind !== 'member') return false;
  const key = tsv.isPropertyAccessExpression(flow.access) ? flow.access.name.text : tsv.isStringLiteralLike(flow.access.argumentExpression) ? flow.access.argumentExpression.text : undefined;
  if (key === undefined || !isDataName(key)) return false;
  const accessIndex = ancestors.lastIndexOf(flow.access);
  let child: ts.Node = flow.access;
  let at = accessIndex - 1;
  // Data only: `g.cache.run = …` writes into a shared object too (the chain of members is followed).
  while (at >= 0 && (tsv.isParenthesizedExpression(ancestors[at] as ts.Node) || (dataOnly && isMemberOf(ancestors[at] as ts.Node, child)))) child = ancestors[at--] as ts.Node;
  const parent = at >= 0 ? ancestors[at] : undefined;
  // A write: what is stored must carry no capability; a read of a data member hands on only data.
  if (parent !== undefined && tsv.isBinaryExpression(parent) && parent.left === child && isAssignmentOperator(parent.operatorToken.kind)) {
    if (dataOnly) return isDataValue(parent.right, name);
    return parent.operatorToken.kind === tsv.SyntaxKind.EqualsToken && isPlainValue(parent.right, scope);
  }
  return true;
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= tsv.SyntaxKind.FirstAssignment && kind <= tsv.SyntaxKind.LastAssignment;
}

/** `(t = globalThis, factory(t.acorn = {}))`: the left of a comma list is discarded (value-flow.ts lets it flow). */
function isCommaLeft(ancestors: readonly ts.Node[], index: number): boolean {
  let child = ancestors[index] as ts.Node;
  let at = index - 1;
  while (at >= 0 && tsv.isParenthesizedExpression(ancestors[at] as ts.Node)) child = ancestors[at--] as ts.Node;
  const parent = at >= 0 ? ancestors[at] : undefined;
  return parent !== undefined && tsv.isBinaryExpression(parent) && parent.operatorToken.kind === tsv.SyntaxKind.CommaToken && parent.left === child;
}

/** A value that carries no capability by itself: literals, object and array literals, functions, calls, plain locals. */
function isPlainValue(expression: ts.Expression, scope: Scope): boolean {
  return valueCandidates(expression).every((candidate) => {
    if (tsv.isIdentifier(candidate)) {
      const binding = scope.lookup(candidate.text);
      if (binding === undefined) return globalName(candidate, scope, GLOBAL_OBJECT_NAMES) !== undefined && isDataName(candidate.text);
      return binding.kind === 'local' || binding.kind === 'function' || binding.kind === 'class';
    }
    return tsv.isCallExpression(candidate) || tsv.isNewExpression(candidate) || tsv.isObjectLiteralExpression(candidate) || tsv.isArrayLiteralExpression(candidate) || tsv.isLiteralExpression(candidate) || isFunctionValue(candidate) || candidate.kind === tsv.SyntaxKind.TrueKeyword || candidate.kind === tsv.SyntaxKind.FalseKeyword || candidate.kind === tsv.SyntaxKind.NullKeyword;
  });
}

function isMemberOf(parent: ts.Node, child: ts.Node): boolean {
  return (tsv.isPropertyAccessExpression(parent) || tsv.isElementAccessExpression(parent)) && parent.expression === child;
}

/** The innermost function or file among `ancestors` that declares `name` as a parameter or a statement-level variable. */
export function declaringContainer(ancestors: readonly ts.Node[], name: string): ts.Node | undefined {
  for (let at = ancestors.length - 1; at >= 0; at -= 1) {
    const node = ancestors[at] as ts.Node;
    if (tsv.isFunctionLike(node) && node.parameters.some((parameter) => tsv.isIdentifier(parameter.name) && parameter.name.text === name)) return node;
    if (tsv.isSourceFile(node) && declaresDirectly(node.statements, name)) return node;
    if (tsv.isBlock(node)) {
      const body = isFunctionBodyOf(ancestors[at - 1], node);
      if (declaresDirectly(node.statements, name, !body)) return body ? ancestors[at - 1] : node;
    }
  }
  return undefined;
}

function isFunctionBodyOf(parent: ts.Node | undefined, block: ts.Block): boolean {
  return parent !== undefined && tsv.isFunctionLike(parent) && (parent as ts.FunctionLikeDeclaration).body === block;
}

/** `name` declared by one of `statements`; in a block (`blockScoped`) only `let`/`const` count, since a `var` or a sloppy function there is the function's. */
function declaresDirectly(statements: readonly ts.Statement[], name: string, blockScoped = false): boolean {
  return statements.some((statement) => {
    if (tsv.isFunctionDeclaration(statement)) return !blockScoped && statement.name?.text === name;
    if (!tsv.isVariableStatement(statement)) return false;
    if (blockScoped && (statement.declarationList.flags & tsv.NodeFlags.BlockScoped) === 0) return false;
    return statement.declarationList.declarations.some((declaration) => tsv.isIdentifier(declaration.name) && declaration.name.text === name);
  });
}

/** Every reference to `name` under `container`, skipping nested functions and blocks that declare their own. */
export function everyReferenceIsSafe(container: ts.Node, name: string, scope: Scope, dataOnly = false): boolean {
  const ancestors: ts.Node[] = [];
  let safe = true;
  const visit = (node: ts.Node): void => {
    if (!safe) return;
    if (node !== container && shadows(node, name)) return;
    ancestors.push(node);
    if (tsv.isIdentifier(node) && node.text === name) {
      const parent = ancestors[ancestors.length - 2];
      // A write is judged by where the assignment's own value goes (`f(t = t || {})` hands the local on).
      const index = parent !== undefined && isAssignedName(parent, node) ? ancestors.length - 2 : ancestors.length - 1;
      // `export { g }` hands the alias to other modules (isValueReference calls a specifier a name).
      if (parent !== undefined && tsv.isExportSpecifier(parent)) safe = false;
      else if (parent !== undefined && isValueReference(node, parent) && !isSafeUse(ancestors, index, name, scope, dataOnly)) safe = false;
    }
    tsv.forEachChild(node, visit);
    ancestors.pop();
  };
  visit(container);
  return safe;
}

/** `name = …`: the local written, not read. */
function isAssignedName(parent: ts.Node, identifier: ts.Identifier): boolean {
  return tsv.isBinaryExpression(parent) && parent.operatorToken.kind === tsv.SyntaxKind.EqualsToken && parent.left === identifier;
}

/** A nested function or block that declares its own `name`: its references are another binding's. */
function shadows(node: ts.Node, name: string): boolean {
  if (tsv.isFunctionLike(node)) {
    if (node.parameters.some((parameter) => tsv.isIdentifier(parameter.name) && parameter.name.text === name)) return true;
    const body = (node as ts.FunctionLikeDeclaration).body;
    return body !== undefined && tsv.isBlock(body) && declaresDirectly(body.statements, name);
  }
  if (tsv.isCatchClause(node)) return node.variableDeclaration !== undefined && tsv.isIdentifier(node.variableDeclaration.name) && node.variableDeclaration.name.text === name;
  return tsv.isBlock(node) && declaresDirectly(node.statements, name, true);
}
