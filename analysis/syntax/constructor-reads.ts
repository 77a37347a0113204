import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { constantKey, constantString } from './constants.js';
import { mayGetOtherReceiver } from './instance-receivers.js';
import { thisOwner } from './node-kinds.js';
import { isConstructorBookkeeping } from './constructor-bookkeeping.js';
import { isKeptCollection } from './plain-instances.js';
import { propertyNameText, skipOuter } from './syntax.js';
import { mayRun, type Flow } from './value-flow.js';
import type { Walker } from './walker.js';

/** Members of a function that run it. */
const INVOKERS: ReadonlySet<string> = new Set(['call', 'apply', 'bind']);

/**
 * `this.constructor` in an instance member is the class (`new this.constructor()` clones) while the
 * file gives the member no other receiver;
 * with types, a base that cannot be a function has an ordinary constructor too.
 */
export function isOrdinaryConstructorBase(walker: Walker, base: ts.Expression): boolean {
  const inner = skipOuter(base);
  // Unless the file hands the member, or the class, to another receiver (instance-receivers.ts).
  if (inner.kind === tsv.SyntaxKind.ThisKeyword && thisOwner(walker.ancestors) === 'instance') return !mayGetOtherReceiver(walker.ancestors);
  if (tsv.isIdentifier(inner) && isInstanceOfLocalClass(walker, inner)) return true;
  // `const streams = new Map(…)` kept in the file: its constructor is `Map`, as the types would say (choice 89).
  if (tsv.isIdentifier(inner) && isKeptCollection(inner, walker.ancestors, walker.scope)) return true;
  return walker.types?.mayBeFunction(inner) === false;
}

/**
 * A `constructor` read on a value that may be a function yields `Function` (or `AsyncFunction`,
 * `GeneratorFunction`). What matters is where it goes: called, constructed, passed, stored or
 * exported, it can compile code (DYNAMIC_CODE); only its `.name` read, compared, tested or used
 * with `instanceof` (also through a `const` alias, judged at each use), it cannot.
 */
export function judgeFunctionConstructor(walker: Walker, node: ts.Node, flow: Flow, name: string): void {
  if (flow.kind === 'aliased') return;
  if (flow.kind === 'destructured') {
    // `const { name } = fn.constructor` reads facts; a rest element or an invoker hands it on.
    const keys = flow.pattern.elements.map((element) => (element.dotDotDotToken === undefined ? propertyNameText(element.propertyName ?? element.name) : null));
    if (keys.every((key) => key !== null && !INVOKERS.has(key) && key !== 'constructor')) return;
  } else if (flow.kind === 'member') {
    const key = constantKey(flow.access, walker.scope);
    if (key !== null && !INVOKERS.has(key)) return;
  } else if (!mayRun(flow)) {
    return;
  }
  walker.report.reach(['DYNAMIC_CODE'], node, name, 'global');
}

/** `base.constructor` read at `node` (any spelling: computed, folded, `Reflect.get`). */
export function judgeConstructorRead(walker: Walker, node: ts.Node, base: ts.Expression, flow: Flow): void {
  if (isOrdinaryConstructorBase(walker, base)) return;
  if (walker.ancestors[walker.ancestors.length - 1] === node && isConstructorBookkeeping(walker.ancestors, walker.scope)) return;
  judgeFunctionConstructor(walker, node, flow, '(function).constructor');
}

/**
 * `({ constructor: F } = make)`: an assignment pattern reads `make.constructor` into `F`, a
 * binding the walk does not follow (unlike `const { constructor: C } = x`): the value flows.
 * Nested patterns read the members of members (`({ a: { constructor: F } } = o)`): their base is
 * unknown, so they are judged as a read of a possible function.
 */
export function judgeConstructorPattern(walker: Walker, assignment: ts.BinaryExpression): void {
  if (assignment.operatorToken.kind !== tsv.SyntaxKind.EqualsToken) return;
  const pattern = skipOuter(assignment.left);
  if (tsv.isObjectLiteralExpression(pattern)) judgePatternKeys(walker, pattern, assignment.right);
}

/** `base` undefined: a nested pattern, whose value is a member of a member. */
function judgePatternKeys(walker: Walker, pattern: ts.ObjectLiteralExpression, base: ts.Expression | undefined): void {
  for (const property of pattern.properties) {
    if (!tsv.isPropertyAssignment(property) && !tsv.isShorthandPropertyAssignment(property)) continue;
    const key = tsv.isComputedPropertyName(property.name) ? constantString(property.name.expression, walker.scope) : propertyNameText(property.name);
    if (key === 'constructor') {
      if (base === undefined) judgeFunctionConstructor(walker, property, { kind: 'flows' }, '(function).constructor');
      else judgeConstructorRead(walker, property, base, { kind: 'flows' });
    }
    const target = tsv.isPropertyAssignment(property) ? skipOuter(property.initializer) : undefined;
    // `{ a: { constructor: F } = {} }`: a default is written as an assignment.
    const nested = target !== undefined && tsv.isBinaryExpression(target) && target.operatorToken.kind === tsv.SyntaxKind.EqualsToken ? skipOuter(target.left) : target;
    if (nested !== undefined && tsv.isObjectLiteralExpression(nested)) judgePatternKeys(walker, nested, undefined);
  }
}

/** A parameter annotated with a class this file declares (`p: Point`) holds an instance: its constructor is the class. */
function isInstanceOfLocalClass(walker: Walker, identifier: ts.Identifier): boolean {
  for (let index = walker.ancestors.length - 1; index >= 0; index -= 1) {
    const node = walker.ancestors[index] as ts.Node;
    if (!tsv.isFunctionLike(node)) continue;
    const parameter = node.parameters.find((candidate) => tsv.isIdentifier(candidate.name) && candidate.name.text === identifier.text);
    if (parameter === undefined) continue;
    const type = parameter.type;
    return type !== undefined && tsv.isTypeReferenceNode(type) && tsv.isIdentifier(type.typeName) && walker.scope.lookup(type.typeName.text)?.kind === 'class';
  }
  return false;
}
