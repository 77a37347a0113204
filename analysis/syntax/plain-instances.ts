import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { constInitializer } from './entry-path-consts.js';
import { isValueReference } from './node-kinds.js';
import type { Scope } from './scope.js';
import { skipOuter } from './syntax.js';

/**
 * A `const` whose `constructor` is its builtin class, never `Function` (docs/choices.md 89): made by an
 * array literal or by `new` of a builtin collection the file does not shadow (`const streams = new Map(…)`),
 * and kept in the file: every use reads a member of it or hands it to a call of its own members
 * (`new streams.constructor(streams)`, `list.constructor.from(list)`). A member write, or the value
 * handed anywhere else (where `Object.setPrototypeOf` or an alias of it could give it a function's
 * prototype), leaves the question to choice 48's judgment.
 */
const COLLECTION_CLASSES: ReadonlySet<string> = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array']);

export function isKeptCollection(identifier: ts.Identifier, ancestors: readonly ts.Node[], scope: Scope): boolean {
  const initializer = constInitializer(identifier, ancestors);
  if (initializer === undefined || !isCollectionMaking(skipOuter(initializer), scope)) return false;
  const file = ancestors[0];
  return file !== undefined && tsv.isSourceFile(file) && keptNames(file).get(identifier.text) !== false;
}

function isCollectionMaking(value: ts.Expression, scope: Scope): boolean {
  if (tsv.isArrayLiteralExpression(value)) return true;
  if (!tsv.isNewExpression(value)) return false;
  const callee = skipOuter(value.expression);
  return tsv.isIdentifier(callee) && COLLECTION_CLASSES.has(callee.text) && scope.lookup(callee.text) === undefined;
}

const keptByFile = new WeakMap<ts.SourceFile, ReadonlyMap<string, boolean>>();

/** Per name (by name over the file, as the stream walk reads copies): false when some use lets the value out or writes a member. */
function keptNames(file: ts.SourceFile): ReadonlyMap<string, boolean> {
  let found = keptByFile.get(file);
  if (found !== undefined) return found;
  const kept = new Map<string, boolean>();
  const stack: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    const parent = stack[stack.length - 1];
    if (tsv.isIdentifier(node) && parent !== undefined && isValueReference(node, parent)) kept.set(node.text, kept.get(node.text) !== false && isKeptUse(node, stack));
    stack.push(node);
    tsv.forEachChild(node, visit);
    stack.pop();
  };
  visit(file);
  keptByFile.set(file, (found = kept));
  return found;
}

/** `x.member` read (not written), or `x` handed to a call whose callee roots in `x` itself. */
function isKeptUse(use: ts.Identifier, stack: readonly ts.Node[]): boolean {
  let at = stack.length - 1;
  let child: ts.Node = use;
  while (at >= 0 && tsv.isParenthesizedExpression(stack[at] as ts.Node)) child = stack[at--] as ts.Node;
  const parent = stack[at];
  if (parent === undefined) return false;
  if ((tsv.isPropertyAccessExpression(parent) || tsv.isElementAccessExpression(parent)) && parent.expression === child) return !isWritten(parent, stack[at - 1]);
  if ((tsv.isCallExpression(parent) || tsv.isNewExpression(parent)) && parent.expression !== child) return rootsIn(parent.expression, use.text);
  return false;
}

function isWritten(access: ts.Node, parent: ts.Node | undefined): boolean {
  if (parent === undefined) return false;
  if (tsv.isBinaryExpression(parent)) return parent.left === access && parent.operatorToken.kind >= tsv.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= tsv.SyntaxKind.LastAssignment;
  return tsv.isDeleteExpression(parent) || tsv.isPrefixUnaryExpression(parent) || tsv.isPostfixUnaryExpression(parent);
}

function rootsIn(callee: ts.Expression, name: string): boolean {
  let root = skipOuter(callee);
  while (tsv.isPropertyAccessExpression(root) || tsv.isElementAccessExpression(root)) root = skipOuter(root.expression);
  return tsv.isIdentifier(root) && root.text === name;
}
