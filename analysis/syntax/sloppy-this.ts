import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { propertyNameText, skipOuter } from './syntax.js';

/**
 * What `this` may be inside a function, decided when the walk enters it (Scope.receiver).
 *
 * In sloppy-mode code (a script: no `import`/`export`, no `"use strict"` prologue, not an `.mjs`/`.mts`
 * file, not a class body) a function called without a receiver gets the global object as `this`. Any
 * function can be called that way: by a builtin that takes a callback (`map`, `forEach`, `replace`, a
 * `Promise` executor, `queueMicrotask`), by `Reflect.apply(fn, undefined, …)`, as a template tag, a
 * plain call, a getter taken out of its descriptor. So in sloppy code `this` inside any function is a
 * possible global object, except where the code itself says what the receiver is:
 * - an object-literal method (`{ bump() { … } }`, `{ run: function () { … } }`) or a function stored on
 *   a member (`Foo.prototype.m = function () {…}`, `obj.m = …`): called as `obj.m()`;
 * - a constructor function: its name is constructed (`new Foo`) or has a `prototype` read in the file;
 * - a function given its receiver on the spot: `(function () {…}).call(obj)` / `.apply(obj)` / `.bind(obj)`.
 * Accessors are not methods here: descriptors (`getOwnPropertyDescriptor(…).get.call()`, a
 * `{ get: function () {…} }` descriptor) and `Reflect.get/set` with a receiver hand them any `this`.
 * Arrow functions take the `this` of where they are written.
 */
export type Receiver =
  /** `this` is not the global object (a module, strict code, a class, a method, a CommonJS top level). */
  | { readonly kind: 'other' }
  /** `this` may be the global object. */
  | { readonly kind: 'global' }
  /** A named sloppy function: the global object unless the file constructs it (decided at the first `this`). */
  | { readonly kind: 'named'; readonly name: string; readonly sourceFile: ts.SourceFile };

export const OTHER_RECEIVER: Receiver = { kind: 'other' };
const GLOBAL_RECEIVER: Receiver = { kind: 'global' };

/** `"use strict"` in a directive prologue. */
function hasUseStrict(statements: ts.NodeArray<ts.Statement>, sourceFile: ts.SourceFile): boolean {
  for (const statement of statements) {
    if (!tsv.isExpressionStatement(statement) || !tsv.isStringLiteral(statement.expression)) return false;
    // The raw text, quotes included: an escaped `"use\x20strict"` is no directive.
    const raw = sourceFile.text.slice(statement.expression.end - 12, statement.expression.end);
    if (raw === '"use strict"' || raw === "'use strict'") return true;
  }
  return false;
}

/**
 * A file whose code is strict: an ES module (import/export syntax, or `.mjs`/`.mts`) or one whose
 * prologue says `"use strict"`. Decided from the syntax, not from `moduleDetection`: a tsconfig
 * that forces every file to be a module does not make Node run a `.cjs` strictly.
 */
export function isStrictFile(sourceFile: ts.SourceFile): boolean {
  if (/\.m[jt]s$/i.test(sourceFile.fileName)) return true;
  if (hasUseStrict(sourceFile.statements, sourceFile)) return true;
  return sourceFile.statements.some(
    (statement) =>
      tsv.isImportDeclaration(statement) ||
      tsv.isExportDeclaration(statement) ||
      tsv.isExportAssignment(statement) ||
      (tsv.isImportEqualsDeclaration(statement) && tsv.isExternalModuleReference(statement.moduleReference)) ||
      (tsv.canHaveModifiers(statement) && (tsv.getModifiers(statement)?.some((modifier) => modifier.kind === tsv.SyntaxKind.ExportKeyword) ?? false)),
  );
}

/** A function body that starts with `"use strict"` makes the function (and what it holds) strict. */
export function opensStrictCode(container: ts.Node, sourceFile: ts.SourceFile): boolean {
  if (tsv.isClassLike(container)) return true;
  if (!tsv.isFunctionLike(container)) return false;
  const body = (container as ts.FunctionLikeDeclaration).body;
  return body !== undefined && tsv.isBlock(body) && hasUseStrict(body.statements, sourceFile);
}

/**
 * `module.exports = f`, `module.exports.f = f`, `exports.f = f`: an export, not a method. The
 * importer may call it plainly (`require('./x')()`, `const { f } = require('./x'); f()`).
 */
function isExportTarget(target: ts.Expression): boolean {
  let inner = skipOuter(target);
  while (tsv.isPropertyAccessExpression(inner) || tsv.isElementAccessExpression(inner)) {
    const base = skipOuter(inner.expression);
    if (tsv.isIdentifier(base)) return base.text === 'exports' || (base.text === 'module' && tsv.isPropertyAccessExpression(inner) && inner.name.text === 'exports');
    inner = base;
  }
  return false;
}

/** A member assignment target that gives the stored function a receiver (not an export). */
function isMethodTarget(target: ts.Expression): boolean {
  const inner = skipOuter(target);
  return (tsv.isPropertyAccessExpression(inner) || tsv.isElementAccessExpression(inner)) && !isExportTarget(inner);
}

const RECEIVER_BINDERS: ReadonlySet<string> = new Set(['call', 'apply', 'bind']);

/** `undefined`, `null`, `void x`, or nothing: no receiver, so sloppy code substitutes the global object. */
function isNoReceiver(argument: ts.Expression | undefined): boolean {
  if (argument === undefined) return true;
  const inner = skipOuter(argument);
  return inner.kind === tsv.SyntaxKind.NullKeyword || tsv.isVoidExpression(inner) || (tsv.isIdentifier(inner) && inner.text === 'undefined');
}

/**
 * The receiver of the sloppy function `fn` (the last of `ancestors`, outermost first), from what the
 * code around it says. Only called for sloppy, non-arrow functions outside classes.
 */
function sloppyReceiver(fn: ts.Node, ancestors: readonly ts.Node[], sourceFile: ts.SourceFile): Receiver {
  const named = (name: ts.Identifier | undefined): Receiver => (name === undefined ? GLOBAL_RECEIVER : { kind: 'named', name: name.text, sourceFile });
  if (tsv.isMethodDeclaration(fn)) return OTHER_RECEIVER;
  if (tsv.isFunctionDeclaration(fn)) return named(fn.name);
  if (!tsv.isFunctionExpression(fn)) return GLOBAL_RECEIVER;
  let child: ts.Node = fn;
  let at = ancestors.length - 2;
  while (at >= 0 && tsv.isParenthesizedExpression(ancestors[at] as ts.Node)) child = ancestors[at--] as ts.Node;
  const parent = ancestors[at];
  if (parent === undefined) return GLOBAL_RECEIVER;
  if (tsv.isPropertyAssignment(parent) && parent.initializer === child) {
    const key = propertyNameText(parent.name);
    return key === 'get' || key === 'set' ? GLOBAL_RECEIVER : OTHER_RECEIVER;
  }
  if (tsv.isBinaryExpression(parent) && parent.right === child && parent.operatorToken.kind === tsv.SyntaxKind.EqualsToken) {
    const target = skipOuter(parent.left);
    if (isMethodTarget(target)) return OTHER_RECEIVER;
    return tsv.isIdentifier(target) ? named(target) : named(fn.name);
  }
  if (tsv.isVariableDeclaration(parent) && parent.initializer === child && tsv.isIdentifier(parent.name)) return named(parent.name);
  if (tsv.isPropertyAccessExpression(parent) && parent.expression === child && RECEIVER_BINDERS.has(parent.name.text)) {
    const call = ancestors[at - 1];
    if (call !== undefined && tsv.isCallExpression(call) && call.expression === parent && !isNoReceiver(call.arguments[0])) return OTHER_RECEIVER;
  }
  return named(fn.name);
}

const constructedNames = new WeakMap<ts.SourceFile, ReadonlySet<string>>();

/**
 * Names of functions the file gives a receiver: constructed (`new Foo`), with a `prototype` read
 * (`Foo.prototype`), set up by `util.inherits(Foo, …)`, or stored as a method (`X.prototype.add =
 * pointAdd`, `obj.m = name`, `{ add: pointAdd }`, `{ pointAdd }`).
 */
function constructorNames(sourceFile: ts.SourceFile): ReadonlySet<string> {
  const cached = constructedNames.get(sourceFile);
  if (cached !== undefined) return cached;
  const names = new Set<string>();
  const addName = (expression: ts.Expression | undefined): void => {
    const inner = expression === undefined ? undefined : skipOuter(expression);
    if (inner !== undefined && tsv.isIdentifier(inner)) names.add(inner.text);
  };
  const visit = (node: ts.Node): void => {
    if (tsv.isNewExpression(node)) {
      addName(node.expression);
    } else if (tsv.isPropertyAccessExpression(node) && node.name.text === 'prototype') {
      addName(node.expression);
    } else if (tsv.isCallExpression(node)) {
      const callee = skipOuter(node.expression);
      const name = tsv.isPropertyAccessExpression(callee) ? callee.name.text : tsv.isIdentifier(callee) ? callee.text : '';
      if (name === 'inherits') addName(node.arguments[0]);
    } else if (tsv.isBinaryExpression(node) && node.operatorToken.kind === tsv.SyntaxKind.EqualsToken) {
      if (isMethodTarget(node.left)) addName(node.right);
    } else if (tsv.isPropertyAssignment(node)) {
      addName(node.initializer);
    } else if (tsv.isShorthandPropertyAssignment(node)) {
      names.add(node.name.text);
    }
    tsv.forEachChild(node, visit);
  };
  visit(sourceFile);
  constructedNames.set(sourceFile, names);
  return names;
}

/** Whether `this` under `receiver` may be the global object (a named function: unless the file constructs it). */
export function mayBeGlobalThis(receiver: Receiver): boolean {
  if (receiver.kind === 'named') return !constructorNames(receiver.sourceFile).has(receiver.name);
  return receiver.kind === 'global';
}

/** Strictness and receiver of the code `container` opens, from those of the code around it. */
export function codeContext(container: ts.Node, ancestors: readonly ts.Node[], outer: { readonly strict: boolean; readonly receiver: Receiver }, sourceFile: ts.SourceFile): { strict: boolean; receiver: Receiver } {
  if (tsv.isSourceFile(container)) return { strict: isStrictFile(container), receiver: OTHER_RECEIVER };
  if (tsv.isClassLike(container) || tsv.isClassStaticBlockDeclaration(container)) return { strict: true, receiver: OTHER_RECEIVER };
  if (!tsv.isFunctionLike(container)) return outer;
  const strict = outer.strict || opensStrictCode(container, sourceFile);
  if (tsv.isArrowFunction(container)) return { strict, receiver: outer.receiver };
  return { strict, receiver: strict ? OTHER_RECEIVER : sloppyReceiver(container, ancestors, sourceFile) };
}

/**
 * `this` handed on as the receiver of `f.call(this, …)`, `f.apply(this, …)`, `f.bind(this)` or
 * `Reflect.apply(f, this, …)`: the wrapper idiom. The callee's own `this` is judged where it is
 * written (a sloppy callee's `this` is already a possible global object), so the hand-over is not
 * reported by itself (docs/caveats.md: a strict callee written elsewhere is not followed).
 */
export function isReceiverHandOver(thisNode: ts.Node, ancestors: readonly ts.Node[]): boolean {
  const call = ancestors[ancestors.length - 2];
  if (call === undefined || !tsv.isCallExpression(call)) return false;
  const callee = skipOuter(call.expression);
  if (!tsv.isPropertyAccessExpression(callee)) return false;
  if (RECEIVER_BINDERS.has(callee.name.text)) return call.arguments[0] === thisNode;
  return callee.name.text === 'apply' && tsv.isIdentifier(callee.expression) && callee.expression.text === 'Reflect' && call.arguments[1] === thisNode;
}

/** `name.key` or `name['key']`: a member of the value read or written with a key the reader can judge. */
function isConstantMemberBase(identifier: ts.Identifier, parent: ts.Node): boolean {
  if (tsv.isPropertyAccessExpression(parent)) return parent.expression === identifier;
  return tsv.isElementAccessExpression(parent) && parent.expression === identifier && tsv.isStringLiteralLike(skipOuter(parent.argumentExpression));
}

/**
 * `var self = this` where every later use of `self` in the enclosing function is `self.key` with a
 * constant key: those reads are judged one by one (the name is a global alias, declarations.ts), so
 * the alias itself hands nothing on. Any other use (`return self`, `f(self)`, `self[k]`) and the
 * alias is the global object passed on. An inner function that reuses the name counts against it.
 */
export function isMemberOnlyAlias(thisNode: ts.Node, ancestors: readonly ts.Node[]): boolean {
  const declaration = ancestors[ancestors.length - 2];
  if (declaration === undefined || !tsv.isVariableDeclaration(declaration) || declaration.initializer !== thisNode || !tsv.isIdentifier(declaration.name)) return false;
  const name = declaration.name;
  let container: ts.Node | undefined;
  for (let index = ancestors.length - 3; index >= 0 && container === undefined; index -= 1) {
    const node = ancestors[index] as ts.Node;
    if (tsv.isFunctionLike(node) || tsv.isSourceFile(node)) container = node;
  }
  if (container === undefined) return false;
  let memberOnly = true;
  const visit = (node: ts.Node, parent: ts.Node): void => {
    if (!memberOnly) return;
    if (tsv.isIdentifier(node) && node !== name && node.text === name.text && !isConstantMemberBase(node, parent)) {
      // A property name (`x.self`, `{ self: 1 }`) is no use of the binding.
      const isKey = (tsv.isPropertyAccessExpression(parent) && parent.name === node) || (tsv.isPropertyAssignment(parent) && parent.name === node);
      if (!isKey) memberOnly = false;
      return;
    }
    tsv.forEachChild(node, (child) => visit(child, node));
  };
  visit(container, container);
  return memberOnly;
}

/** `target[key] = value` (a plain assignment): a write to the object, which reads nothing from it. */
export function isAssignedMember(access: ts.Node, ancestors: readonly ts.Node[]): boolean {
  const parent = ancestors[ancestors.length - 2];
  return parent !== undefined && tsv.isBinaryExpression(parent) && parent.left === access && parent.operatorToken.kind === tsv.SyntaxKind.EqualsToken;
}
