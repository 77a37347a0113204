import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { isValueReference } from './node-kinds.js';
import { propertyNameText, skipOuter, stringValue } from './syntax.js';
import { isTypeOnlyNode } from './tested-only.js';
import { isNumericKey, isNumericName } from './numeric-keys.js';

/**
 * `this.constructor` in an instance member is the class only while `this` is an instance. A method
 * whose function value is read (`C.prototype.make.call(() => 0)`, `Reflect.apply(C.prototype.make,
 * fn, [])`, `Object.assign(fn, { make: C.prototype.make })`, `const { make } = c`) can be called with
 * any receiver, a function among them, whose `constructor` is `Function`; a class handed on as a
 * value can be given to `Reflect.construct(C, [], Function)`. What the file shows is provable
 * (docs/choices.md 48): the exemption holds unless the file reads the class's `prototype`, hands the
 * class on, reads a member of that name other than to call it right away, or takes a member without
 * naming it (a computed key, `Reflect.get(x, key)`, all descriptors, `with`: docs/choices.md 65). Read by name, not by
 * scope (more reads only withdraw the exemption). Another module that borrows the method of an
 * exported class is docs/caveats.md's.
 */
export function mayGetOtherReceiver(ancestors: readonly ts.Node[]): boolean {
  const file = ancestors[0];
  if (file === undefined || !tsv.isSourceFile(file)) return true;
  for (let index = ancestors.length - 1; index > 0; index -= 1) {
    const node = ancestors[index] as ts.Node;
    if (!tsv.isClassLike(node)) continue;
    const className = classNameOf(node, ancestors[index - 1]);
    if (className === undefined) return true;
    const member = ancestors[index + 1];
    const memberName = member !== undefined && (tsv.isMethodDeclaration(member) || tsv.isGetAccessorDeclaration(member) || tsv.isSetAccessorDeclaration(member)) ? propertyNameText(member.name) : undefined;
    if (member !== undefined && (tsv.isMethodDeclaration(member) || tsv.isGetAccessorDeclaration(member) || tsv.isSetAccessorDeclaration(member)) && memberName === null) return true;
    const reads = readsOf(file);
    const takenUnnamed = reads.readsAnyMember || (reads.readsNumberedMember && memberName !== null && memberName !== undefined && isNumericName(memberName));
    return reads.escapedClasses.has(className) || (memberName !== undefined && takenUnnamed) || (memberName !== undefined && memberName !== null && reads.readMembers.has(memberName));
  }
  return true;
}

function classNameOf(node: ts.ClassLikeDeclaration, parent: ts.Node | undefined): string | undefined {
  if (node.name !== undefined) return node.name.text;
  return parent !== undefined && tsv.isVariableDeclaration(parent) && tsv.isIdentifier(parent.name) ? parent.name.text : undefined;
}

interface Reads {
  /** Names used as a value other than `new X()`, `x instanceof X` or a static member other than `prototype`. */
  readonly escapedClasses: ReadonlySet<string>;
  /** Member names read other than as a direct callee (`x.make.call`, `{ make } = x`, `x['make']`, `Reflect.get(x, 'make')`). */
  readonly readMembers: ReadonlySet<string>;
  /** A member taken without naming it (`x[key]`, `Reflect.get(x, key)`, `getOwnPropertyDescriptors(x)`, `with (x)`): any method may be borrowed. */
  readonly readsAnyMember: boolean;
  /** A member taken by a key that is always a number (`state[i]`): only a method named like a number (`'0'`, `'NaN'`) may be borrowed. */
  readonly readsNumberedMember: boolean;
}

const readsByFile = new WeakMap<ts.SourceFile, Reads>();

function readsOf(file: ts.SourceFile): Reads {
  let reads = readsByFile.get(file);
  if (reads === undefined) readsByFile.set(file, (reads = scan(file)));
  return reads;
}

function scan(file: ts.SourceFile): Reads {
  const escapedClasses = new Set<string>();
  const readMembers = new Set<string>();
  let readsAnyMember = false;
  let readsNumberedMember = false;
  const ancestors: ts.Node[] = [file];
  const visit = (node: ts.Node): void => {
    const parent = ancestors[ancestors.length - 1] as ts.Node;
    // Types never run; an import's names are declarations.
    if (tsv.isImportDeclaration(node) || isTypeOnlyNode(node, parent)) return;
    if (tsv.isIdentifier(node) && isValueReference(node, parent) && !isInstanceUse(node, parent)) escapedClasses.add(node.text);
    if (tsv.isPropertyAccessExpression(node) || tsv.isElementAccessExpression(node)) {
      const key = tsv.isPropertyAccessExpression(node) ? node.name.text : stringValue(node.argumentExpression);
      if (key !== undefined && !isDirectCallee(node, ancestors)) readMembers.add(key);
      else if (key === undefined && tsv.isElementAccessExpression(node) && !isDirectCallee(node, ancestors) && !isWriteTarget(node, parent) && !isSymbolKey(node.argumentExpression)) {
        if (isNumericKey(node.argumentExpression, file)) readsNumberedMember = true;
        else readsAnyMember = true;
      }
    }
    // `Reflect.get(x, 'make')`, `getOwnPropertyDescriptor(x, 'make').value`: a read by a call, named or not.
    if (tsv.isCallExpression(node)) {
      const taken = memberTakenByCall(node);
      if (taken === ANY_MEMBER) readsAnyMember = true;
      else if (taken !== undefined) readMembers.add(taken);
    }
    // `with (proto) { m = make }`: every member of the object is a free name in the body.
    if (tsv.isWithStatement(node)) readsAnyMember = true;
    // `const { make } = c`, `({ make: f } = c)`: a pattern reads the member.
    if (tsv.isBindingElement(node)) {
      const key = propertyNameText(node.propertyName ?? node.name);
      if (key !== null) readMembers.add(key);
    }
    if ((tsv.isPropertyAssignment(node) || tsv.isShorthandPropertyAssignment(node)) && isAssignmentPattern(parent, ancestors[ancestors.length - 2])) {
      const key = propertyNameText(node.name);
      if (key !== null) readMembers.add(key);
    }
    ancestors.push(node);
    tsv.forEachChild(node, visit);
    ancestors.pop();
  };
  tsv.forEachChild(file, visit);
  return { escapedClasses, readMembers, readsAnyMember, readsNumberedMember };
}

const ANY_MEMBER = Symbol('any member');
/** Calls that hand out a member's value (or its descriptor, whose `value` is the method) by a key argument. */
const KEYED_TAKERS: ReadonlySet<string> = new Set(['get', 'getOwnPropertyDescriptor']);
/** Calls that hand out every member's descriptor at once. */
const WHOLE_TAKERS: ReadonlySet<string> = new Set(['getOwnPropertyDescriptors']);

/** The member a call takes (`Reflect.get(x, 'make')`), ANY_MEMBER for a computed key or all descriptors, undefined for any other call. Read by name: `map.get(k)` only withdraws more. */
function memberTakenByCall(call: ts.CallExpression): string | typeof ANY_MEMBER | undefined {
  const callee = skipOuter(call.expression);
  if (!tsv.isPropertyAccessExpression(callee) || !tsv.isIdentifier(skipOuter(callee.expression))) return undefined;
  const owner = (skipOuter(callee.expression) as ts.Identifier).text;
  if (owner !== 'Reflect' && owner !== 'Object') return undefined;
  if (WHOLE_TAKERS.has(callee.name.text)) return ANY_MEMBER;
  if (!KEYED_TAKERS.has(callee.name.text) || (owner === 'Object' && callee.name.text === 'get')) return undefined;
  return stringValue(call.arguments[1]) ?? (isSymbolKey(call.arguments[1]) ? undefined : ANY_MEMBER);
}

/** `x[k] = v` writes the member; it takes nothing out. */
function isWriteTarget(access: ts.Node, parent: ts.Node): boolean {
  return tsv.isBinaryExpression(parent) && parent.left === access && parent.operatorToken.kind === tsv.SyntaxKind.EqualsToken;
}

/** `x[Symbol.iterator]`: a symbol key never names a method the class declared by name. */
function isSymbolKey(key: ts.Expression | undefined): boolean {
  const inner = key === undefined ? undefined : skipOuter(key);
  return inner !== undefined && tsv.isPropertyAccessExpression(inner) && tsv.isIdentifier(skipOuter(inner.expression)) && (skipOuter(inner.expression) as ts.Identifier).text === 'Symbol';
}

function isAssignmentPattern(literal: ts.Node, parent: ts.Node | undefined): boolean {
  return tsv.isObjectLiteralExpression(literal) && parent !== undefined && tsv.isBinaryExpression(parent) && parent.operatorToken.kind === tsv.SyntaxKind.EqualsToken && skipOuter(parent.left) === literal;
}

/** `new X()`, `v instanceof X`, `X.create()`: uses that hand no method of X another receiver. */
function isInstanceUse(identifier: ts.Identifier, parent: ts.Node): boolean {
  if (tsv.isNewExpression(parent)) return parent.expression === identifier;
  if (tsv.isBinaryExpression(parent)) return parent.operatorToken.kind === tsv.SyntaxKind.InstanceOfKeyword && parent.right === identifier;
  if (tsv.isPropertyAccessExpression(parent)) return parent.expression === identifier && parent.name.text !== 'prototype';
  return tsv.isHeritageClause(parent) || tsv.isExpressionWithTypeArguments(parent);
}

/** `x.make(…)` or `x?.make(…)`: the member called with `x` as its receiver. */
function isDirectCallee(access: ts.Node, ancestors: readonly ts.Node[]): boolean {
  let child: ts.Node = access;
  let at = ancestors.length - 1;
  while (at >= 0 && (tsv.isParenthesizedExpression(ancestors[at] as ts.Node) || tsv.isNonNullExpression(ancestors[at] as ts.Node))) child = ancestors[at--] as ts.Node;
  const parent = ancestors[at];
  return parent !== undefined && tsv.isCallExpression(parent) && parent.expression === child;
}
