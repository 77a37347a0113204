import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { declaringContainer, everyReferenceIsSafe, isChoiceOf } from './global-stores.js';
import { isDataName } from './global-data-values.js';
import { isValueReference } from './node-kinds.js';
import { flowOf } from './value-flow.js';
import { isReceiverHandOver } from './sloppy-this.js';
import type { Scope } from './scope.js';
import { hasExportModifier, propertyNameText, skipOuter } from './syntax.js';
import { isFoldedGlobal } from './folded-builtins.js';

/**
 * Uses of the global object (or `process`) as a value that hand nothing on by themselves
 * (fixtures/precision rule 6, session 16). Each keeps the member it reaches judged as
 * `globalThis.key` / `process.key` is; anything else about the value stays UNANALYZED.
 */

/**
 * `(typeof global !== 'undefined' ? global : self).Uint8Array` (readable-stream): a choice of
 * global objects read at one constant key. The caller judges that key as a member of the global
 * object (`(global || {}).process` is `globalThis.process`), so nothing is lost. `ancestors` end
 * with the reference; undefined when the choice is not directly the base of a constant-key access.
 */
export function choiceMemberOfGlobal(ancestors: readonly ts.Node[]): { readonly access: ts.Node; readonly key: string; readonly index: number } | undefined {
  let child = ancestors[ancestors.length - 1] as ts.Node;
  let at = ancestors.length - 2;
  let throughChoice = false;
  while (at >= 0 && isChoiceOf(ancestors[at] as ts.Node, child)) {
    throughChoice ||= !tsv.isParenthesizedExpression(ancestors[at] as ts.Node);
    child = ancestors[at--] as ts.Node;
  }
  const access = at >= 0 ? (ancestors[at] as ts.Node) : undefined;
  // A bare `globalThis.x` is the ordinary member path; only a choice is new here.
  if (!throughChoice || access === undefined) return undefined;
  if (tsv.isPropertyAccessExpression(access) && access.expression === child) return { access, key: access.name.text, index: at };
  if (tsv.isElementAccessExpression(access) && access.expression === child && tsv.isStringLiteralLike(skipOuter(access.argumentExpression))) {
    return { access, key: (skipOuter(access.argumentExpression) as ts.StringLiteralLike).text, index: at };
  }
  return undefined;
}

/**
 * `globalThis.fetch.bind(globalThis)`, `process.nextTick.bind(process)`, `X.m.call(X, …)`,
 * `Reflect.apply(X.m, X, …)`: the receiver is the object the method is read from, as in a plain
 * `X.m(…)`; the member is judged where it is read. Any other function given the global object
 * as its `this` (`f.call(globalThis)`) stays a hand-over.
 */
export function isOwnMethodReceiver(name: string, ancestors: readonly ts.Node[], scope: Scope): boolean {
  const node = ancestors[ancestors.length - 1] as ts.Node;
  if (!isReceiverHandOver(node, ancestors)) return false;
  const call = ancestors[ancestors.length - 2] as ts.CallExpression;
  const callee = skipOuter(call.expression) as ts.PropertyAccessExpression;
  const method = callee.name.text === 'apply' && tsv.isIdentifier(callee.expression) && callee.expression.text === 'Reflect' ? call.arguments[0] : callee.expression;
  if (method === undefined) return false;
  const read = skipOuter(method);
  if (!tsv.isPropertyAccessExpression(read)) return false;
  const base = skipOuter(read.expression);
  return tsv.isIdentifier(base) && base.text === name && scope.lookup(name) === undefined;
}

/**
 * `Object.keys(process)`, `Object.getOwnPropertyNames(process)`: the names of its own keys, strings that
 * hold none of its values. Those two are folded builtins, whose replacement is UNANALYZED where it is
 * written (builtin-member-patches.ts); `Object.entries`/`values`, a spread or any other call still hand it on.
 */
export function isKeyNamesArgument(name: string, ancestors: readonly ts.Node[], scope: Scope): boolean {
  const node = ancestors[ancestors.length - 1];
  const call = ancestors[ancestors.length - 2];
  if (node === undefined || call === undefined || !tsv.isCallExpression(call) || call.arguments.length !== 1 || call.arguments[0] !== node) return false;
  const callee = skipOuter(call.expression);
  if (!tsv.isPropertyAccessExpression(callee) || !isFoldedGlobal('Object', callee.name.text)) return false;
  const owner = skipOuter(callee.expression);
  return tsv.isIdentifier(owner) && owner.text === 'Object' && scope.lookup('Object') === undefined && scope.lookup(name) === undefined;
}

/**
 * A UMD wrapper's `(function (global, factory) { … global.Long = … })(globalThis || self, …)`:
 * the global object handed to a parameter of the function expression called right there, which
 * only stores and reads plain data through it (global-stores.ts's rule for a local).
 */
export function isDataOnlyWrapperArgument(ancestors: readonly ts.Node[], scope: Scope): boolean {
  let child = ancestors[ancestors.length - 1] as ts.Node;
  let at = ancestors.length - 2;
  while (at >= 0 && isChoiceOf(ancestors[at] as ts.Node, child)) child = ancestors[at--] as ts.Node;
  const call = at >= 0 ? ancestors[at] : undefined;
  if (call === undefined || !tsv.isCallExpression(call)) return false;
  const position = call.arguments.indexOf(child as ts.Expression);
  const wrapper = skipOuter(call.expression);
  if (position < 0 || !(tsv.isFunctionExpression(wrapper) || tsv.isArrowFunction(wrapper))) return false;
  if (call.arguments.slice(0, position + 1).some(tsv.isSpreadElement)) return false;
  const parameter = wrapper.parameters[position];
  if (parameter === undefined || parameter.dotDotDotToken !== undefined || !tsv.isIdentifier(parameter.name)) return false;
  // `arguments[0]` would reach the value without the name.
  if (mentionsArguments(wrapper.body)) return false;
  return everyReferenceIsSafe(wrapper, parameter.name.text, scope);
}

function mentionsArguments(node: ts.Node): boolean {
  if (tsv.isIdentifier(node) && node.text === 'arguments') return true;
  if (tsv.isFunctionLike(node) && !tsv.isArrowFunction(node)) return false;
  return tsv.forEachChild(node, mentionsArguments) === true;
}

/**
 * `var kr = typeof process == 'object' && process ? process : { stdout: null }` (tar's minipass):
 * a declared alias of `process` (declarations.ts makes it a global alias, so `kr.stdout` is judged
 * as `process.stdout`) whose every reference in the code that declares it is tested or read at a
 * constant key. Then the alias hands the object to nothing. A reference that is called, handed
 * on, written, spread or read at a computed key keeps the reference UNANALYZED.
 */
export function isMemberOnlyProcessAlias(ancestors: readonly ts.Node[], scope: Scope): boolean {
  let child = ancestors[ancestors.length - 1] as ts.Node;
  let at = ancestors.length - 2;
  while (at >= 0 && isChoiceOf(ancestors[at] as ts.Node, child)) child = ancestors[at--] as ts.Node;
  const declaration = at >= 0 ? ancestors[at] : undefined;
  if (declaration === undefined || !tsv.isVariableDeclaration(declaration) || declaration.initializer !== child || !tsv.isIdentifier(declaration.name)) return false;
  const statement = ancestors[at - 2];
  if (statement !== undefined && tsv.isVariableStatement(statement) && hasExportModifier(statement)) return false;
  const name = declaration.name.text;
  const binding = scope.lookup(name);
  if (binding?.kind !== 'global-alias' || binding.name !== 'process') return false;
  const container = declaringContainer(ancestors, name);
  // `const { pid, arch } = p`: destructured members are judged as `process.pid` where declared (declarations.ts).
  return container !== undefined && everyReference(container, declaration.name, (trail) => isTestOrConstantRead(trail) || destructuredKeys(trail) !== undefined);
}

/**
 * `var context = callSite.getThis(); var typeName = context && site.getTypeName(); … context.name`
 * (depd): the value at `ancestors[last]` declared into a local (not exported) whose every reference
 * is tested or reads a data member (global-data-values.ts's isDataName: no capability global, not
 * `constructor`). Nothing reaches a capability or hands the value on through it.
 */
export function isDeclaredForTestsAndDataReads(ancestors: readonly ts.Node[]): boolean {
  const declaration = ancestors[ancestors.length - 2];
  if (declaration === undefined || !tsv.isVariableDeclaration(declaration) || declaration.initializer !== ancestors[ancestors.length - 1] || !tsv.isIdentifier(declaration.name)) return false;
  const statement = ancestors[ancestors.length - 4];
  if (statement !== undefined && tsv.isVariableStatement(statement) && hasExportModifier(statement)) return false;
  const container = declaringContainer(ancestors, declaration.name.text);
  return container !== undefined && everyReference(container, declaration.name, (trail) => {
    const flow = flowOf(trail);
    if (flow.kind !== 'member') return flow.kind === 'tested' || flow.kind === 'discarded';
    // `context.name`: a data member of whatever receiver it is (for the global object, a global that is data).
    return isTestOrConstantRead(trail) && isDataName(constantMemberKey(flow.access));
  });
}

/**
 * `eehaslisteners(process, 'deprecation')` (depd): `process` given to a function this file declares
 * once, whose parameter at that place is only tested or read at constant keys (and no `arguments`
 * reads it). Returns those keys, each to be judged as `process.key`; undefined when the rule does
 * not apply.
 */
export function processParameterKeys(ancestors: readonly ts.Node[]): string[] | undefined {
  const argument = ancestors[ancestors.length - 1] as ts.Node;
  const call = ancestors[ancestors.length - 2];
  if (call === undefined || !tsv.isCallExpression(call)) return undefined;
  const position = call.arguments.indexOf(argument as ts.Expression);
  const callee = skipOuter(call.expression);
  if (position < 0 || !tsv.isIdentifier(callee) || call.arguments.slice(0, position).some(tsv.isSpreadElement)) return undefined;
  const file = ancestors[0];
  if (file === undefined || !tsv.isSourceFile(file)) return undefined;
  const declared = soleFunctionDeclaration(file, callee.text);
  const parameter = declared?.parameters[position];
  if (declared?.body === undefined || parameter === undefined || parameter.dotDotDotToken !== undefined || !tsv.isIdentifier(parameter.name)) return undefined;
  if (mentionsArguments(declared.body)) return undefined;
  const keys = new Set<string>();
  const safe = everyReference(declared.body, parameter.name, (trail) => {
    const destructured = destructuredKeys(trail);
    if (destructured !== undefined) {
      for (const key of destructured) keys.add(key);
      return true;
    }
    if (!isTestOrConstantRead(trail)) return false;
    const flow = flowOf(trail);
    if (flow.kind === 'member') keys.add(constantMemberKey(flow.access));
    return true;
  });
  return safe ? [...keys] : undefined;
}

/** The one `function name(…) {…}` of the file, when nothing else in it binds or writes `name`. */
function soleFunctionDeclaration(file: ts.SourceFile, name: string): ts.FunctionDeclaration | undefined {
  const found: ts.FunctionDeclaration[] = [];
  let other = false;
  const visit = (node: ts.Node): void => {
    if (other) return;
    if (tsv.isFunctionDeclaration(node) && node.name?.text === name) found.push(node);
    else if ((tsv.isVariableDeclaration(node) || tsv.isParameter(node) || tsv.isClassDeclaration(node) || tsv.isImportSpecifier(node) || tsv.isImportClause(node)) && node.name !== undefined && tsv.isIdentifier(node.name) && node.name.text === name) other = true;
    else if (tsv.isBinaryExpression(node) && tsv.isIdentifier(skipOuter(node.left)) && (skipOuter(node.left) as ts.Identifier).text === name && node.operatorToken.kind >= tsv.SyntaxKind.FirstAssignment && node.operatorToken.kind <= tsv.SyntaxKind.LastAssignment) other = true;
    tsv.forEachChild(node, visit);
  };
  visit(file);
  return !other && found.length === 1 ? found[0] : undefined;
}

/** By name under `container` (a shadowing local's uses count too, which can only answer "no"). */
function everyReference(container: ts.Node, declared: ts.Identifier, allowed: (trail: readonly ts.Node[]) => boolean): boolean {
  const trail: ts.Node[] = [];
  let safe = true;
  const visit = (node: ts.Node): void => {
    if (!safe) return;
    trail.push(node);
    const parent = trail[trail.length - 2];
    if (tsv.isIdentifier(node) && node !== declared && node.text === declared.text && parent !== undefined) {
      if (tsv.isExportSpecifier(parent) || (tsv.isShorthandPropertyAssignment(parent) && parent.name === node)) safe = false;
      else if (isValueReference(node, parent)) safe = allowed(trail);
    }
    tsv.forEachChild(node, visit);
    trail.pop();
  };
  visit(container);
  return safe;
}

function isTestOrConstantRead(trail: readonly ts.Node[]): boolean {
  const flow = flowOf(trail);
  if (flow.kind === 'tested' || flow.kind === 'discarded') return true;
  if (flow.kind !== 'member') return false;
  const access = flow.access;
  const constant = tsv.isPropertyAccessExpression(access) || tsv.isStringLiteralLike(skipOuter(access.argumentExpression));
  if (!constant) return false;
  // `kr.exit = f` replaces a member of the process: a write, not a read.
  const index = trail.lastIndexOf(access);
  let outer: ts.Node = access;
  let at = index - 1;
  while (at >= 0 && tsv.isParenthesizedExpression(trail[at] as ts.Node)) outer = trail[at--] as ts.Node;
  const parent = at >= 0 ? trail[at] : undefined;
  if (parent !== undefined && tsv.isBinaryExpression(parent) && parent.left === outer && parent.operatorToken.kind >= tsv.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= tsv.SyntaxKind.LastAssignment) return false;
  if (parent !== undefined && (tsv.isDeleteExpression(parent) || tsv.isPrefixUnaryExpression(parent) || tsv.isPostfixUnaryExpression(parent))) return !(tsv.isDeleteExpression(parent) || parent.operator === tsv.SyntaxKind.PlusPlusToken || parent.operator === tsv.SyntaxKind.MinusMinusToken);
  return true;
}

/**
 * `const { pid, arch } = p`: the keys a reference (at the end of `trail`) gives a declared object
 * pattern that binds each key to a name, as many reads of constant keys. A rest element (it copies
 * every other key), a nested pattern or a key not written out is no such read: undefined.
 */
function destructuredKeys(trail: readonly ts.Node[]): string[] | undefined {
  let child = trail[trail.length - 1] as ts.Node;
  let at = trail.length - 2;
  while (at >= 0 && tsv.isParenthesizedExpression(trail[at] as ts.Node)) child = trail[at--] as ts.Node;
  const declaration = at >= 0 ? trail[at] : undefined;
  if (declaration === undefined || !tsv.isVariableDeclaration(declaration) || declaration.initializer !== child || !tsv.isObjectBindingPattern(declaration.name)) return undefined;
  const keys: string[] = [];
  for (const element of declaration.name.elements) {
    if (element.dotDotDotToken !== undefined || !tsv.isIdentifier(element.name)) return undefined;
    const key = element.propertyName === undefined ? element.name.text : propertyNameText(element.propertyName);
    if (key === null) return undefined;
    keys.push(key);
  }
  return keys;
}

/** The key of an access isTestOrConstantRead accepted (a name, or a string literal). */
function constantMemberKey(access: ts.PropertyAccessExpression | ts.ElementAccessExpression): string {
  return tsv.isPropertyAccessExpression(access) ? access.name.text : (skipOuter(access.argumentExpression) as ts.StringLiteralLike).text;
}
