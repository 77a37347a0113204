import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { globalName } from './module-loads.js';
import { isUnshadowedBuiltinClass } from './hook-free-tests.js';
import type { Scope } from './scope.js';
import { boundNames, memberKey, skipOuter } from './syntax.js';
import { mayMention } from './text-mentions.js';
import { prototypeSourcesOf } from './prototype-aliases.js';
import { reflectiveRead } from './reflection.js';
import type { Walker } from './walker.js';
import { isLegacyDefiner, writerCallOf } from './writer-calls.js';
import { constantValue } from './constants.js';
import { replacesFoldedStringMember } from './folded-builtins.js';
import { assignedReferences } from './launch-pattern-targets.js';

/**
 * Uses of a launch value (an argument array, options, an `env`, `process.execArgv`) that look like
 * reads but may run the program's own code with the value itself (docs/choices.md 35): a callback
 * given the array as a parameter, a `JSON.stringify` replacer (called first with the holder), a
 * `Symbol.hasInstance` behind `instanceof`, a template tag, and any read that trusts a builtin the
 * file replaced (`Array.prototype.join = …`). launch-mutations.ts takes these out of its allowlist
 * of reads; launch-settings.ts asks the same of `process.execArgv`.
 */

/** Array methods whose callback receives the array as a parameter, by that parameter's position. */
const ARRAY_PARAMETER_OF_CALLBACK = new Map<string, number>([
  ...['forEach', 'map', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap'].map((method): [string, number] => [method, 2]),
  ['reduce', 3],
  ['reduceRight', 3],
]);

/** Does `arguments` appear in a function body (outside nested non-arrow functions)? A `function` may read the array as `arguments[2]`. */
export function readsArguments(body: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === 'arguments') found = true;
    else if (!(ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node))) ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

/** A callback written in place and its parameter that receives the array. */
export interface ArrayParameter {
  readonly callback: ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration;
  readonly parameter: ts.ParameterDeclaration;
}

/** Builtin functions a callback slot may name that never touch their third argument (`list.filter(Boolean)`). */
const INERT_CALLBACKS = new Set(['Boolean', 'String', 'Number', 'isFinite', 'isNaN', 'parseFloat', 'encodeURIComponent', 'encodeURI']);

/**
 * `list.forEach((value, index, array) => …)`, `list.reduce((sum, v, i, array) => …)`: is the array
 * itself given to code of the program? `none` when the method gives no callback the array or the
 * callback is written in place with parameters that stop before the array's position (no rest, no
 * `arguments`) or is an inert builtin; the parameter that receives it when one does (its uses
 * decide: launch-mutations.ts); `unknown` for any other callback (a function of the program by name).
 */
export function arrayParameterOf(method: string, call: ts.CallExpression, walker: Walker): ArrayParameter | 'none' | 'unknown' {
  const position = ARRAY_PARAMETER_OF_CALLBACK.get(method);
  if (position === undefined) return 'none';
  const callback = call.arguments[0] === undefined ? undefined : skipOuter(call.arguments[0] as ts.Expression);
  if (callback === undefined) return 'none';
  if (ts.isIdentifier(callback) && INERT_CALLBACKS.has(callback.text) && walker.scope.lookup(callback.text) === undefined) return 'none';
  if (!ts.isArrowFunction(callback) && !ts.isFunctionExpression(callback)) return 'unknown';
  if (callback.parameters.slice(0, position).some((parameter) => parameter.dotDotDotToken !== undefined)) return 'unknown';
  if (ts.isFunctionExpression(callback) && readsArguments(callback.body)) return 'unknown';
  const parameter = callback.parameters[position];
  return parameter === undefined ? 'none' : { callback, parameter };
}

/** Does the method give a callback the array it is called on (`forEach`, `reduce`, …)? */
export function isCallbackMethod(method: string): boolean {
  return ARRAY_PARAMETER_OF_CALLBACK.has(method);
}

/** `JSON.stringify(x)` and `JSON.stringify(x, null, 2)` read; a replacer function is called with the holder and every value. */
export function isReadingJsonCall(call: ts.CallExpression | ts.NewExpression): boolean {
  const replacer = call.arguments?.[1] === undefined ? undefined : skipOuter(call.arguments[1] as ts.Expression);
  if (replacer === undefined) return true;
  if (replacer.kind === ts.SyntaxKind.NullKeyword || ts.isArrayLiteralExpression(replacer)) return true;
  return ts.isIdentifier(replacer) && replacer.text === 'undefined';
}

/** `x instanceof Array` reads; `x instanceof Tweak` (or a local `Array`) may call `Tweak[Symbol.hasInstance](x)`. */
export function isReadingInstanceOf(test: ts.BinaryExpression, walker: Walker, stack: readonly ts.Node[]): boolean {
  const right = skipOuter(test.right);
  return isUnshadowedBuiltinClass(right, stack) && ts.isIdentifier(right) && walker.scope.lookup(right.text) === undefined;
}

/** `${x}` in a template is text; in a tagged template the tag receives `x` itself, unless the tag is `String.raw`. */
export function isReadingTag(span: ts.TemplateSpan, walker: Walker, stack: readonly ts.Node[], at: number): boolean {
  const tagged = stack[at - 3];
  if (stack[at - 1] !== span || tagged === undefined || !ts.isTaggedTemplateExpression(tagged)) return true;
  const tag = skipOuter(tagged.tag);
  return ts.isPropertyAccessExpression(tag) && tag.name.text === 'raw' && globalName(tag.expression, walker.scope, GLOBAL_OBJECT_NAMES) === 'String';
}

/** Prototypes whose members every array, object and function reads: replacing one changes what a "read" runs. */
const SHARED_PROTOTYPES = new Set(['Array', 'Object', 'Function']);
/** How many `const` aliases deep a prototype is followed (`const P = Array.prototype; const Q = P;`). */
const MOST_ALIASES = 4;

/**
 * The shared prototype an expression is, by any spelling: `Array.prototype` (also through
 * `globalThis`, an alias of the global `Array`, `x.constructor.prototype`), `[].__proto__` (any
 * object's: an array literal's is `Array.prototype`), `Object.getPrototypeOf(x)` and
 * `Reflect.getPrototypeOf(x)` (whatever `x`: `[][Symbol.iterator]()` gives the array iterator's),
 * and a `const` that holds one of these. Names are read through the scope; an unknown base fails closed.
 */
export function sharedPrototypeOf(expression: ts.Expression, scope: Scope, depth = 0): string | undefined {
  const inner = skipOuter(expression);
  if (ts.isIdentifier(inner)) {
    const binding = scope.lookup(inner.text);
    if (depth >= MOST_ALIASES) return undefined;
    return binding?.kind === 'const' ? sharedPrototypeOf(binding.initializer, binding.scope, depth + 1) : writtenPrototypeOf(inner.text, scope, depth);
  }
  // `Reflect.get(Object, 'prototype')`, `Object.getOwnPropertyDescriptor(Object, 'prototype').value`.
  const read = reflectiveRead(inner, scope);
  if (read !== undefined) return memberPrototypeOf(read.target, read.key, scope, depth);
  if (ts.isCallExpression(inner)) {
    const boxed = receiverPrototypeCall(inner, scope, depth);
    if (boxed !== undefined) return boxed;
    const callee = skipOuter(inner.expression);
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'getPrototypeOf') return undefined;
    const owner = globalName(callee.expression, scope, GLOBAL_OBJECT_NAMES);
    const of = inner.arguments[0];
    if ((owner !== 'Object' && owner !== 'Reflect') || of === undefined) return undefined;
    if (isStringValue(of, scope)) return 'String.prototype';
    return isBuiltinInstance(of, scope, depth) ? `${owner}.getPrototypeOf(…)` : undefined;
  }
  if (!ts.isPropertyAccessExpression(inner) && !ts.isElementAccessExpression(inner)) return undefined;
  const key = memberKey(inner);
  const descriptors = key === 'value' || key === 'get' ? descriptorOf(inner.expression, scope) : undefined;
  if (descriptors !== undefined) return memberPrototypeOf(descriptors.target, descriptors.key, scope, depth);
  return key === '__proto__' || key === 'prototype' ? memberPrototypeOf(inner.expression, key, scope, depth) : undefined;
}

/** `[P.trim = f] = []`: a default in a pattern is an assignment of its own, judged where it is visited; these are the places such defaults write. */
export function ownlyAssigned(assignment: ts.BinaryExpression): ReadonlySet<ts.Node> {
  const found = new Set<ts.Node>();
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) found.add(skipOuter(node.left));
    ts.forEachChild(node, visit);
  };
  visit(assignment.left);
  return found;
}

/**
 * `(function () { return Object.getPrototypeOf(this); }).call('')`: a function handed its `this`
 * (`.call`, `.apply`, `Reflect.apply`) that returns its receiver's prototype returns the prototype of
 * what it is handed; a string (boxed in sloppy code, itself in strict code) gives `String.prototype`.
 * The function is written there (a name's function is not followed); every `return` of it is read.
 */
function receiverPrototypeCall(call: ts.CallExpression, scope: Scope, depth: number): string | undefined {
  const handed = handedReceiver(call, scope);
  if (handed === undefined || depth >= MOST_ALIASES) return undefined;
  const body = handed.fn.body;
  if (body === undefined || !ts.isBlock(body)) return undefined;
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression !== undefined && returnsReceiverPrototype(node.expression, scope)) {
      found = isStringValue(handed.receiver, scope) ? 'String.prototype' : isBuiltinInstance(handed.receiver, scope, depth + 1) ? 'Object.getPrototypeOf(this)' : undefined;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

/** The function and the receiver of `f.call(r, …)`, `f.apply(r, …)`, `Reflect.apply(f, r, …)`, with `f` a function expression written there. */
function handedReceiver(call: ts.CallExpression, scope: Scope): { fn: ts.FunctionExpression; receiver: ts.Expression } | undefined {
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const reflect = callee.name.text === 'apply' && globalName(callee.expression, scope, GLOBAL_OBJECT_NAMES) === 'Reflect';
  const target = reflect ? call.arguments[0] : callee.name.text === 'call' || callee.name.text === 'apply' ? callee.expression : undefined;
  const receiver = reflect ? call.arguments[1] : call.arguments[0];
  if (target === undefined || receiver === undefined) return undefined;
  const fn = skipOuter(target);
  return ts.isFunctionExpression(fn) ? { fn, receiver } : undefined;
}

/** `Object.getPrototypeOf(this)`, `Reflect.getPrototypeOf(this)`, `this.__proto__`, `this.constructor.prototype`. */
function returnsReceiverPrototype(expression: ts.Expression, scope: Scope): boolean {
  const inner = skipOuter(expression);
  if (ts.isCallExpression(inner)) {
    const callee = skipOuter(inner.expression);
    const of = inner.arguments[0];
    return ts.isPropertyAccessExpression(callee) && callee.name.text === 'getPrototypeOf' && of !== undefined && skipOuter(of).kind === ts.SyntaxKind.ThisKeyword && ['Object', 'Reflect'].includes(globalName(callee.expression, scope, GLOBAL_OBJECT_NAMES) ?? '');
  }
  if (!ts.isPropertyAccessExpression(inner) && !ts.isElementAccessExpression(inner)) return false;
  const key = memberKey(inner);
  const owner = skipOuter(inner.expression);
  if (key === '__proto__') return owner.kind === ts.SyntaxKind.ThisKeyword;
  return key === 'prototype' && (ts.isPropertyAccessExpression(owner) || ts.isElementAccessExpression(owner)) && memberKey(owner) === 'constructor' && skipOuter(owner.expression).kind === ts.SyntaxKind.ThisKeyword;
}

/** `owner[key]` as a shared prototype: `Array.prototype`, `x.constructor.prototype`, `[].__proto__`; a computed key of a shared class or instance fails closed. */
function memberPrototypeOf(ownerExpression: ts.Expression, key: string | null, scope: Scope, depth: number): string | undefined {
  if (key === '__proto__' && isStringValue(ownerExpression, scope)) return 'String.prototype';
  if (key === '__proto__') return isBuiltinInstance(ownerExpression, scope, depth) ? '….__proto__' : undefined;
  const owner = skipOuter(ownerExpression);
  const name = globalName(owner, scope, GLOBAL_OBJECT_NAMES);
  // The constant folder's string methods (folded-builtins.ts) live on `String.prototype`: only those members count (replacing).
  if (name === 'String' && key === 'prototype') return 'String.prototype';
  if (key === null) return (name !== undefined && SHARED_PROTOTYPES.has(name)) || isBuiltinInstance(owner, scope, depth + 1) ? '…[…]' : undefined;
  if (key !== 'prototype') return undefined;
  if ((ts.isPropertyAccessExpression(owner) || ts.isElementAccessExpression(owner)) && memberKey(owner) === 'constructor') return '….constructor.prototype';
  return name !== undefined && SHARED_PROTOTYPES.has(name) ? `${name}.prototype` : undefined;
}

/** `Object.getOwnPropertyDescriptors(Object).prototype`: the target and key of one descriptor of all. */
function descriptorOf(expression: ts.Expression, scope: Scope): { target: ts.Expression; key: string | null } | undefined {
  const inner = skipOuter(expression);
  if (!ts.isPropertyAccessExpression(inner) && !ts.isElementAccessExpression(inner)) return undefined;
  const all = skipOuter(inner.expression);
  if (!ts.isCallExpression(all) || all.arguments[0] === undefined) return undefined;
  const callee = skipOuter(all.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'getOwnPropertyDescriptors') return undefined;
  const owner = globalName(callee.expression, scope, GLOBAL_OBJECT_NAMES);
  return owner === 'Object' || owner === 'Reflect' ? { target: all.arguments[0], key: memberKey(inner) } : undefined;
}

/** A name the file writes a shared prototype into other than as a `const` (prototype-aliases.ts), read from the file's top-level scope. */
function writtenPrototypeOf(name: string, scope: Scope, depth: number): string | undefined {
  const file = scope.root.file;
  if (file === undefined || !PATCH_WORDS.some((word) => mayMention(file, word))) return undefined;
  for (const source of prototypeSourcesOf(file, name)) {
    const found = source.kind === 'value' ? sharedPrototypeOf(source.expression, scope.root, depth + 1) : memberPrototypeOf(source.owner, source.key, scope.root, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A string as written (`''`, a template, a folded constant such as `'x'.trim()`) or `String(x)`: its prototype is `String.prototype`. */
function isStringValue(expression: ts.Expression, scope: Scope): boolean {
  const inner = skipOuter(expression);
  if (ts.isTemplateExpression(inner) || typeof constantValue(inner, scope) === 'string') return true;
  return ts.isCallExpression(inner) && globalName(inner.expression, scope, GLOBAL_OBJECT_NAMES) === 'String';
}

/**
 * A value whose prototype is a shared one, as written: an array, object or function literal, a
 * call or member of one (`[][Symbol.iterator]()`, the array iterator), a builtin constructor
 * (`Array`: its prototype is `Function.prototype`) or a shared prototype itself. An instance of the
 * program's own class (`Object.getPrototypeOf(this)`, zod's and handlebars' method installers) is not.
 */
function isBuiltinInstance(expression: ts.Expression, scope: Scope, depth: number): boolean {
  const inner = skipOuter(expression);
  if (ts.isArrayLiteralExpression(inner) || ts.isObjectLiteralExpression(inner) || ts.isFunctionExpression(inner) || ts.isArrowFunction(inner) || ts.isRegularExpressionLiteral(inner)) return true;
  if (ts.isCallExpression(inner)) return isBuiltinInstance(inner.expression, scope, depth);
  if (ts.isIdentifier(inner)) {
    const name = globalName(inner, scope, GLOBAL_OBJECT_NAMES);
    if (name !== undefined && SHARED_PROTOTYPES.has(name)) return true;
    // `const list = [clean]; Object.getPrototypeOf(list)`.
    const binding = scope.lookup(inner.text);
    if (binding?.kind === 'const' && depth < MOST_ALIASES && isBuiltinInstance(binding.initializer, binding.scope, depth + 1)) return true;
  }
  if (sharedPrototypeOf(inner, scope, depth + 1) !== undefined) return true;
  return (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) && ts.isArrayLiteralExpression(skipOuter(inner.expression));
}

/**
 * The prototype a node replaces a member of (`Array.prototype.join = f`, `[].__proto__.push ||= f`,
 * `AP[Symbol.iterator] = f`, `Object.defineProperty(Array.prototype, …)`, `Reflect.set(P, …)`,
 * `Array.prototype.__defineGetter__('join', f)`), or undefined.
 */
export function prototypePatchOf(node: ts.Node, scope: Scope): string | undefined {
  if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
    // `({ hook: Object.prototype[Symbol.split] } = …)`: every member a destructuring assignment writes.
    const own = ownlyAssigned(node);
    const targets = assignedReferences(node).map((reference) => reference.target).filter((target) => !own.has(skipOuter(target)));
    for (const written of targets.length > 0 ? targets : [node.left]) {
      const target = skipOuter(written);
      if (!ts.isPropertyAccessExpression(target) && !ts.isElementAccessExpression(target)) continue;
      const patched = replacing(sharedPrototypeOf(target.expression, scope), memberKey(target));
      if (patched !== undefined) return patched;
    }
    return undefined;
  }
  if (!ts.isCallExpression(node)) return undefined;
  const written = writerCallOf(node, scope);
  if (written?.target === undefined || written.writer === 'method.call') return undefined;
  const literalKey = (argument: ts.Expression | undefined): string | null => (argument !== undefined && ts.isStringLiteralLike(argument) ? argument.text : null);
  // `Array.prototype.__defineGetter__('join', f)` writes one key, as `Object.defineProperty` and `Reflect.set` do.
  const writesOneKey = isLegacyDefiner(written.writer) || written.writer.endsWith('.defineProperty') || written.writer === 'Reflect.set';
  return replacing(sharedPrototypeOf(written.target, scope), writesOneKey ? literalKey(written.rest?.[0]) : null);
}

/**
 * A new key planted on `Array.prototype` or `Function.prototype` (`Array.prototype.tag = 'x'`) is read
 * only by code that names it: no read of a launch value runs it. A member every array or function
 * already has (`join`, `push`, `toString`, `call`), a computed or symbol key, and any key of
 * `Object.prototype` (options read missing keys through it) replace what reads run.
 */
function replacing(prototype: string | undefined, key: string | null): string | undefined {
  if (prototype === 'String.prototype') return replacesFoldedStringMember(key) ? prototype : undefined;
  if (prototype === undefined || key === null) return prototype;
  const builtin = prototype === 'Array.prototype' ? Array.prototype : prototype === 'Function.prototype' ? Function.prototype : undefined;
  return builtin !== undefined && !(key in builtin) ? undefined : prototype;
}

/** Words one of those spellings needs: a file with none of them patches nothing. */
const PATCH_WORDS = ['prototype', '__proto__', 'getPrototypeOf'];

const patches = new WeakMap<ts.SourceFile, ts.Node | null>();

/**
 * The first place in the file that replaces a member of a shared prototype (prototypePatchOf: any
 * member, join, toString, push, the iterator, `Symbol.hasInstance`). Its scope is the program: any
 * module that does this is UNANALYZED where it does it (calls.ts), so a patch in another module is
 * a finding of that module; here it also makes this file's launch values UNANALYZED. Names are read
 * from the file's top-level scope when the file is walked (a shadowing local only fails closed).
 */
export function builtinPatchOf(walker: Walker): ts.Node | undefined {
  const file = walker.sourceFile;
  const cached = patches.get(file);
  if (cached !== undefined) return cached ?? undefined;
  let found: ts.Node | null = null;
  if (PATCH_WORDS.some((word) => mayMention(file, word))) {
    const visit = (node: ts.Node): void => {
      if (found !== null) return;
      if (prototypePatchOf(node, walker.scope) !== undefined) found = node;
      else ts.forEachChild(node, visit);
    };
    ts.forEachChild(file, visit);
  }
  patches.set(file, found);
  return found ?? undefined;
}
