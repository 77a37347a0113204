import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { constantKey, constantString } from './constants.js';
import { isSymbolKeyed } from './global-data-writes.js';
import { globalName } from './module-loads.js';
import { isValueReference } from './node-kinds.js';
import { Scope } from './scope.js';
import { propertyNameText, skipOuter } from './syntax.js';
import { flowOf, passesValueOn } from './value-flow.js';
import { CONTAINER_OWN_KEYS, FACT_MEMBERS, TAKING_KEYS, assignmentPatternTakes, bindingTakes, caughtBy, parametersHanded, storedInto, storingCallTarget, type CopiedTo, type StdioHold } from './stdio-destinations.js';
import { RETURNS_STREAM, callbackOwnerAt, functionsOf, functionsRunWith, isEmitCall, keepingReceiver, listenersOfFile, parameterNames, storedGlobal, thisOwnerAt, thisUsesTake } from './stdio-handoffs.js';
import type { Walker } from './walker.js';

export type { CopiedTo, StdioHold } from './stdio-destinations.js';

/**
 * The process's own standard streams are pure as streams (docs/choices.md 4), but when one is a pipe or
 * a socket it IS a `net.Socket`: its prototype chain holds `connect` and the `Socket` class. Code that
 * takes the stream apart rather than writing to it (its prototype, its constructor, its descriptors,
 * `connect`, a member by a key the syntax cannot read, `with (stream)`) holds a way to open a
 * connection: NETWORK (docs/choices.md 69). A stream handed to a function of another module is that
 * module's (docs/caveats.md).
 */
export const STDIO_MEMBERS: ReadonlySet<string> = new Set(['stdout', 'stderr', 'stdin']);

/** `Object`/`Reflect` calls that hand out the prototype or descriptors of their first argument. */
const TAKING_CALLS: ReadonlySet<string> = new Set(['getPrototypeOf', 'getOwnPropertyDescriptor', 'getOwnPropertyDescriptors']);

/** How many holder steps are followed from one stream (`[[s]][0][0]` is three). */
const MAX_HOLDER_STEPS = 8;

/**
 * True when the stdio stream `ancestors[index]` evaluates to is taken apart (above), directly or out of
 * a holder (StdioHold). `ancestors` is the walk's stack, outermost first (files parsed without parent
 * pointers are walked too).
 */
export function takesStdioApart(ancestors: readonly ts.Node[], index: number, scope: Scope, copiedTo: CopiedTo, hold: StdioHold = 'stream', steps = 0): boolean {
  if (index < 0) return false;
  let child = ancestors[index];
  let at = index - 1;
  while (child !== undefined && at >= 0 && passesValueOn(ancestors[at] as ts.Node, child)) child = ancestors[at--];
  const parent = ancestors[at];
  if (child === undefined || parent === undefined) return false;
  const onward = (holderAt: number, as: StdioHold = 'holder'): boolean => steps < MAX_HOLDER_STEPS && holderAt >= 0 && takesStdioApart(ancestors, holderAt, scope, copiedTo, as, steps + 1);
  if (hold === 'container') {
    const own = containerOwnUse(parent, child, scope);
    if (own !== undefined) return own === 'element' && onward(at);
  }
  if (tsv.isPropertyAccessExpression(parent) || tsv.isElementAccessExpression(parent)) {
    if (parent.expression !== child) return false;
    // Out of a holder, any member may be the stream (`[s][i]`, `box.s`, `.at`): only the socket's own keys take it apart there.
    if (hold === 'holder') return isTakingKeyRead(parent, ancestors, at, scope) || onward(at);
    return isTakingRead(parent, ancestors, at, scope) || streamMethodTakes(parent, ancestors, at, scope, copiedTo, steps);
  }
  if (tsv.isCallExpression(parent) || tsv.isNewExpression(parent)) {
    if (tsv.isCallExpression(parent) && parent.arguments[0] === child && isTakingCall(parent, scope)) return true;
    // A holder called (`h.at(0)`, a function that returns the stream), or either handed to a call: the result may be the stream.
    if (parent.expression !== child) return handedTo(parent, child, ancestors, at, hold, scope, copiedTo, steps) || onward(at, isContainerMaker(parent, scope) ? 'container' : 'holder');
    return hold !== 'stream' && (callbackTakes(parent, ancestors, at, scope, copiedTo, steps) || onward(at));
  }
  if (tsv.isTemplateSpan(parent) && parent.expression === child) {
    // A tag is handed every substitution: its parameters may be the stream, and so may its result.
    const tagged = ancestors[at - 2];
    const file = ancestors[0];
    if (tagged === undefined || !tsv.isTaggedTemplateExpression(tagged) || file === undefined || !tsv.isSourceFile(file)) return false;
    return functionsOf(tagged.tag, file).some((fn) => runsWith(fn, undefined, scope, copiedTo, steps)) || onward(at - 2);
  }
  if (tsv.isPropertyDeclaration(parent) && parent.initializer === child) return classHolds(ancestors, at - 1, copiedTo, onward);
  if (tsv.isWithStatement(parent)) return parent.expression === child;
  if (tsv.isArrayLiteralExpression(parent)) return onward(at, 'container');
  if (tsv.isSpreadElement(parent) || tsv.isSpreadAssignment(parent) || tsv.isAwaitExpression(parent)) return onward(at);
  if ((tsv.isPropertyAssignment(parent) && parent.initializer === child) || tsv.isShorthandPropertyAssignment(parent)) return onward(at - 1, isPlainProperty(parent, scope) ? 'container' : 'holder');
  if (tsv.isReturnStatement(parent) || tsv.isYieldExpression(parent) || (tsv.isArrowFunction(parent) && parent.body === child)) return returnedFrom(ancestors, at, copiedTo, onward);
  if (tsv.isThrowStatement(parent)) {
    const caught = caughtBy(ancestors, at);
    return caught !== undefined && bindingTakes(caught, hold, scope, copiedTo);
  }
  if ((tsv.isVariableDeclaration(parent) || tsv.isParameter(parent) || tsv.isBindingElement(parent)) && parent.initializer === child) return bindingTakes(parent.name, hold, scope, copiedTo);
  if ((tsv.isForOfStatement(parent) || tsv.isForInStatement(parent)) && parent.expression === child) {
    // What a for-of head binds comes out of the value iterated: a holder's elements may be the stream.
    if (hold === 'stream' || tsv.isForInStatement(parent)) return false;
    const bound = parent.initializer;
    return tsv.isVariableDeclarationList(bound) ? bound.declarations.some((declaration) => bindingTakes(declaration.name, 'holder', scope, copiedTo)) : assignedTakes(bound, 'holder', scope, copiedTo);
  }
  if (tsv.isBinaryExpression(parent) && parent.right === child && ASSIGNING.has(parent.operatorToken.kind)) return assignedTakes(parent.left, hold, scope, copiedTo) || memberOwnerTakes(parent.left, ancestors, at, copiedTo, onward);
  return false;
}

/** `=`, `??=`, `||=`, `&&=`: the right side may be stored into the left. */
const ASSIGNING: ReadonlySet<ts.SyntaxKind> = new Set([tsv.SyntaxKind.EqualsToken, tsv.SyntaxKind.QuestionQuestionEqualsToken, tsv.SyntaxKind.BarBarEqualsToken, tsv.SyntaxKind.AmpersandAmpersandEqualsToken]);

/**
 * The stream (or a holder) assigned to a target: a name copies it, an object pattern takes it apart by a
 * socket key (or, out of a holder, binds elements that may be it), an array pattern binds holders, and a
 * member (`box.s = s`, `o.__proto__ = s`) makes the object it roots in a holder.
 */
function assignedTakes(target: ts.Expression, hold: StdioHold, scope: Scope, copiedTo: CopiedTo): boolean {
  const left = skipOuter(target);
  if (tsv.isIdentifier(left)) return copiedTo(left.text, hold);
  if (tsv.isPropertyAccessExpression(left) || tsv.isElementAccessExpression(left)) {
    const root = storedInto(left);
    const global = storedGlobal(left, scope);
    return (root !== undefined && copiedTo(root, 'holder')) || (global !== undefined && copiedTo(global, hold));
  }
  if (tsv.isObjectLiteralExpression(left)) {
    if (hold !== 'container' && assignmentPatternTakes(left, scope)) return true;
    return hold !== 'stream' && left.properties.some((property) => tsv.isPropertyAssignment(property) && assignedTakes(withoutDefault(property.initializer), 'holder', scope, copiedTo));
  }
  if (tsv.isArrayLiteralExpression(left)) return left.elements.some((element) => !tsv.isOmittedExpression(element) && assignedTakes(withoutDefault(tsv.isSpreadElement(element) ? element.expression : element), 'holder', scope, copiedTo));
  return false;
}

/** `t = fallback` inside an assignment pattern assigns to `t`. */
function withoutDefault(target: ts.Expression): ts.Expression {
  return tsv.isBinaryExpression(target) && target.operatorToken.kind === tsv.SyntaxKind.EqualsToken ? target.left : target;
}

/**
 * A stream or holder handed to a call as an argument: bound to the parameters of the local function
 * called (its uses judge it), stored into the first argument of a storing `Object`/`Reflect` call
 * (`Object.setPrototypeOf(o, s)`: `o` inherits the socket's keys), kept by the receiver of the method
 * (`m.set(k, s)`, `list.push(s)`), run with by a function handed beside it or invoked through
 * `.call`/`.apply`, handed to the file's listeners by `emit`, or handed out by a callback parameter
 * called with it (`then(resolve) { resolve(s) }`: what the function's caller receives). choice 89.
 */
function handedTo(call: ts.CallExpression | ts.NewExpression, argument: ts.Node, ancestors: readonly ts.Node[], at: number, hold: StdioHold, scope: Scope, copiedTo: CopiedTo, steps: number): boolean {
  const target = tsv.isCallExpression(call) ? storingCallTarget(call, argument, scope) : undefined;
  const root = target === undefined ? undefined : storedInto(target);
  if (root !== undefined && copiedTo(root, 'holder')) return true;
  const file = ancestors[0];
  if (file === undefined || !tsv.isSourceFile(file)) return false;
  if (parametersHanded(call, argument, file).some((parameter) => bindingTakes(parameter.name, parameter.rest ? 'holder' : hold, scope, copiedTo))) return true;
  const prefix = ancestors.slice(0, at + 1);
  if (functionsRunWith(call, argument, file).some((fn) => runsWith(fn, writtenIn(call, fn) ? prefix : [file], scope, copiedTo, steps))) return true;
  if (!tsv.isCallExpression(call)) return false;
  const receiver = keepingReceiver(call, argument);
  // The receiver keeps it among its elements (`m.get(k)` may be the stream); its own class stays its own.
  if (receiver !== undefined && copiedTo(receiver, 'container')) return true;
  if (isEmitCall(call, argument) && listenersOfFile(file).some((fn) => runsWith(fn, undefined, scope, copiedTo, steps))) return true;
  const callbackOwner = callbackOwnerAt(call, ancestors, at);
  return callbackOwner !== undefined && steps < MAX_HOLDER_STEPS && returnedFrom(ancestors, callbackOwner, copiedTo, (holderAt) => holderAt >= 0 && takesStdioApart(ancestors, holderAt, scope, copiedTo, 'holder', steps + 1));
}

/** A function written among a call's arguments or as its callee's receiver (its `this` is walked with the call's stack). */
function writtenIn(call: ts.CallExpression | ts.NewExpression, fn: ts.Node): boolean {
  const callee = skipOuter(call.expression);
  return (call.arguments ?? []).some((argument) => skipOuter(argument) === fn) || (tsv.isPropertyAccessExpression(callee) && skipOuter(callee.expression) === fn);
}

/**
 * A function that may be run with the stream or a holder: each parameter may be it, and, when `prefix`
 * (the stack above the function) is given, its `this`.
 */
function runsWith(fn: ts.SignatureDeclaration, prefix: readonly ts.Node[] | undefined, scope: Scope, copiedTo: CopiedTo, steps: number): boolean {
  if (parameterNames(fn).some((name) => bindingTakes(name, 'holder', scope, copiedTo))) return true;
  return prefix !== undefined && steps < MAX_HOLDER_STEPS && thisUsesTake(fn, prefix, (stack, index) => takesStdioApart(stack, index, scope, copiedTo, 'holder', steps + 1));
}

/**
 * A method of the stream called: one that returns the stream (RETURNS_STREAM: `.on(…)`, `.setEncoding(…)`,
 * `.ref()`) is the stream again; a function handed to any of its methods runs with the stream as its `this`
 * (a listener); `pipe` hands the stream to its destination's `pipe` listeners. choice 89.
 */
function streamMethodTakes(access: ts.PropertyAccessExpression | ts.ElementAccessExpression, ancestors: readonly ts.Node[], at: number, scope: Scope, copiedTo: CopiedTo, steps: number): boolean {
  const call = ancestors[at - 1];
  const file = ancestors[0];
  if (call === undefined || !tsv.isCallExpression(call) || call.expression !== access || file === undefined || !tsv.isSourceFile(file) || steps >= MAX_HOLDER_STEPS) return false;
  const key = constantKey(access, scope);
  const prefix = ancestors.slice(0, at);
  const asStream = (stack: readonly ts.Node[], index: number): boolean => takesStdioApart(stack, index, scope, copiedTo, 'stream', steps + 1);
  if (call.arguments.some((argument) => functionsOf(argument, file).some((fn) => thisUsesTake(fn, skipOuter(argument) === fn ? prefix : [file], asStream)))) return true;
  if (key === 'pipe' && call.arguments.some((destination) => { const root = storedInto(destination); return root !== undefined && copiedTo(root, 'container'); })) return true;
  return key !== null && RETURNS_STREAM.has(key) && asStream(ancestors, at - 1);
}

/** A class whose field or static block holds the stream: the class (and so each instance) is a holder. */
function classHolds(ancestors: readonly ts.Node[], classAt: number, copiedTo: CopiedTo, onward: (holderAt: number) => boolean): boolean {
  const owner = ancestors[classAt];
  if (owner === undefined) return false;
  if (tsv.isClassDeclaration(owner)) return owner.name !== undefined && copiedTo(owner.name.text, 'holder');
  return (tsv.isClassExpression(owner) || tsv.isObjectLiteralExpression(owner)) && onward(classAt);
}

/** `this.s = s` in a static block, a constructor or a method: the class or object literal `this` is holds it. */
function memberOwnerTakes(target: ts.Expression, ancestors: readonly ts.Node[], at: number, copiedTo: CopiedTo, onward: (holderAt: number) => boolean): boolean {
  let root = skipOuter(target);
  if (!tsv.isPropertyAccessExpression(root) && !tsv.isElementAccessExpression(root)) return false;
  while (tsv.isPropertyAccessExpression(root) || tsv.isElementAccessExpression(root)) root = skipOuter(root.expression);
  if (root.kind !== tsv.SyntaxKind.ThisKeyword) return false;
  const ownerAt = thisOwnerAt(ancestors, at);
  return ownerAt !== undefined && classHolds(ancestors, ownerAt, copiedTo, onward);
}

/**
 * A stream or holder returned: the function that returns it is a holder (its calls may be the stream),
 * judged where it is written (`(() => s)()`, `const get = () => s`), by its name (`function get() { return s }`),
 * or as a member of the literal that holds it (`{ get() { return s } }`).
 */
function returnedFrom(ancestors: readonly ts.Node[], at: number, copiedTo: CopiedTo, onward: (holderAt: number) => boolean): boolean {
  let fnAt = at;
  while (fnAt >= 0 && !tsv.isFunctionLike(ancestors[fnAt] as ts.Node)) fnAt -= 1;
  const fn = ancestors[fnAt];
  if (fn === undefined) return false;
  if (tsv.isArrowFunction(fn) || tsv.isFunctionExpression(fn)) return onward(fnAt);
  if (tsv.isFunctionDeclaration(fn)) return fn.name !== undefined && copiedTo(fn.name.text, 'holder');
  const owner = ancestors[fnAt - 1];
  return (tsv.isMethodDeclaration(fn) || tsv.isGetAccessorDeclaration(fn)) && owner !== undefined && (tsv.isObjectLiteralExpression(owner) || tsv.isClassLike(owner)) && classHolds(ancestors, fnAt - 1, copiedTo, onward);
}

/** A holder's method handed a function written there (`h.forEach((s) => …)`, `.then((s) => …)`, `ee.on(e, function () { this })`): its parameters and `this` may be the stream. */
function callbackTakes(call: ts.CallExpression | ts.NewExpression, ancestors: readonly ts.Node[], at: number, scope: Scope, copiedTo: CopiedTo, steps: number): boolean {
  const prefix = ancestors.slice(0, at + 1);
  return (call.arguments ?? []).some((argument) => (tsv.isArrowFunction(argument) || tsv.isFunctionExpression(argument)) && runsWith(argument, prefix, scope, copiedTo, steps));
}

/** A holder's member read by one of the socket's own keys: `connect`, `__proto__`, `constructor` (isTakingRead). */
function isTakingKeyRead(access: ts.PropertyAccessExpression | ts.ElementAccessExpression, ancestors: readonly ts.Node[], at: number, scope: Scope): boolean {
  const key = constantKey(access, scope);
  return key !== null && TAKING_KEYS.has(key) && isTakingRead(access, ancestors, at, scope);
}

/**
 * `stream.connect`, `stream.__proto__`, `stream[k]`, `stream.constructor`, unless the value is only
 * tested or discarded (`typeof process.stdout.connect === 'function'` holds nothing: red team round
 * 18's look-alike) or, for `constructor`, only its name is read.
 */
function isTakingRead(access: ts.PropertyAccessExpression | ts.ElementAccessExpression, ancestors: readonly ts.Node[], at: number, scope: Scope): boolean {
  const key = constantKey(access, scope);
  if (key === null) return tsv.isElementAccessExpression(access) && !isSymbolKeyed(access, scope) && !isWriteTarget(access, ancestors[at - 1]);
  if (!TAKING_KEYS.has(key)) return false;
  const flow = flowOf(ancestors, at);
  if (flow.kind === 'tested' || flow.kind === 'discarded') return false;
  return key !== 'constructor' || !(flow.kind === 'member' && FACT_MEMBERS.has(constantKey(flow.access, scope) ?? ''));
}

function isWriteTarget(access: ts.Node, parent: ts.Node | undefined): boolean {
  return parent !== undefined && tsv.isBinaryExpression(parent) && parent.left === access && parent.operatorToken.kind === tsv.SyntaxKind.EqualsToken;
}

/** `Object.getPrototypeOf(stream)`, `Reflect.getOwnPropertyDescriptor(stream, k)`, `Reflect.get(stream, 'connect' | k)`. */
function isTakingCall(call: ts.CallExpression, scope: Scope): boolean {
  const callee = skipOuter(call.expression);
  if (!tsv.isPropertyAccessExpression(callee) && !tsv.isElementAccessExpression(callee)) return false;
  const owner = globalName(callee.expression, scope, GLOBAL_OBJECT_NAMES);
  if (owner !== 'Object' && owner !== 'Reflect') return false;
  const method = constantKey(callee, scope) ?? '';
  if (TAKING_CALLS.has(method)) return true;
  if (method !== 'get' || owner !== 'Reflect') return false;
  const key = call.arguments[1] === undefined ? undefined : constantString(call.arguments[1], scope);
  return key === undefined || TAKING_KEYS.has(key);
}

/**
 * How a container (StdioHold) is used where its own class answers: `c.constructor`, `c.__proto__` and
 * `Object.getPrototypeOf(c)` are the container's (`'own'`: nothing taken); any other member, a descriptor
 * or a `Reflect.get` of it is an element picked (`'element'`); undefined for every other use, judged as a holder's.
 */
function containerOwnUse(parent: ts.Node, child: ts.Node, scope: Scope): 'own' | 'element' | undefined {
  if ((tsv.isPropertyAccessExpression(parent) || tsv.isElementAccessExpression(parent)) && parent.expression === child) {
    const key = constantKey(parent, scope);
    // Any other member, `connect` included, is an element or a property of its own: it may be the stream.
    return key !== null && CONTAINER_OWN_KEYS.has(key) ? 'own' : 'element';
  }
  if (!tsv.isCallExpression(parent) || parent.arguments[0] !== child || !isTakingCall(parent, scope)) return undefined;
  const callee = skipOuter(parent.expression);
  const method = tsv.isPropertyAccessExpression(callee) || tsv.isElementAccessExpression(callee) ? constantKey(callee, scope) : null;
  return method === 'getPrototypeOf' ? 'own' : 'element';
}

/** Builtin collections whose instance holds what it is built from, under their own class (`new Map([[k, s]])`, `Array.of(s)`). */
const CONTAINER_CLASSES: ReadonlySet<string> = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array']);

function isContainerMaker(call: ts.CallExpression | ts.NewExpression, scope: Scope): boolean {
  const callee = skipOuter(call.expression);
  if (tsv.isNewExpression(call)) return CONTAINER_CLASSES.has(globalName(callee, scope, GLOBAL_OBJECT_NAMES) ?? '');
  if (!tsv.isPropertyAccessExpression(callee) || !['of', 'from'].includes(callee.name.text)) return false;
  return globalName(callee.expression, scope, GLOBAL_OBJECT_NAMES) === 'Array';
}

/** `{ out: s }`, `{ s }`: a property under a written key that is not one the literal answers from its class. */
function isPlainProperty(property: ts.PropertyAssignment | ts.ShorthandPropertyAssignment, scope: Scope): boolean {
  const name = property.name;
  const key = tsv.isComputedPropertyName(name) ? constantString(name.expression, scope) ?? null : propertyNameText(name);
  return key !== null && !CONTAINER_OWN_KEYS.has(key);
}

/** A name judged as the stream or as a holder of it. */
type HeldName = `${StdioHold}:${string}`;

interface NameUses {
  /** Names (as the stream or as a holder) some use of which takes a stream apart. */
  readonly taken: ReadonlySet<HeldName>;
  /** `b = a`, `const b = a`, `const [b] = a`: the names each name is copied into, and how they hold it. */
  readonly copies: ReadonlyMap<HeldName, readonly HeldName[]>;
}

const usesByFile = new WeakMap<ts.SourceFile, NameUses>();

/**
 * A name holding a stream (`const out = process.stdout`) or a holder of one (`const box = [out]`) is judged
 * by its uses anywhere in the file, by name, not by scope: a shadowing local of the same name only fails closed.
 */
export function isTakenByName(file: ts.SourceFile, name: string, hold: StdioHold = 'stream'): boolean {
  let uses = usesByFile.get(file);
  if (uses === undefined) usesByFile.set(file, (uses = scanNameUses(file)));
  const seen = new Set<HeldName>();
  const pending: HeldName[] = [`${hold}:${name}`];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    if (uses.taken.has(next)) return true;
    pending.push(...(uses.copies.get(next) ?? []));
  }
  return false;
}

function scanNameUses(file: ts.SourceFile): NameUses {
  const taken = new Set<HeldName>();
  const copies = new Map<HeldName, HeldName[]>();
  const ancestors: ts.Node[] = [file];
  // Scope-free: names are read as globals, so `stream[k]` with any non-literal `k` counts as taking.
  const scope = new Scope(undefined);
  const visit = (node: ts.Node): void => {
    ancestors.push(node);
    if (tsv.isIdentifier(node) && isValueReference(node, ancestors[ancestors.length - 2] as ts.Node)) {
      for (const hold of ['stream', 'holder', 'container'] as const) {
        const used: HeldName = `${hold}:${node.text}`;
        const recordCopy = (name: string, as: StdioHold): boolean => {
          copies.set(used, [...(copies.get(used) ?? []), `${as}:${name}`]);
          return false;
        };
        if (!taken.has(used) && takesStdioApart(ancestors, ancestors.length - 1, scope, recordCopy, hold)) taken.add(used);
      }
    }
    tsv.forEachChild(node, visit);
    ancestors.pop();
  };
  tsv.forEachChild(file, visit);
  return { taken, copies };
}

/**
 * Node's own members that are a standard stream or hand one out, by owner: `process.stdout`; the global
 * console's `_stdout`/`_stderr` (the streams it writes to); `process.openStdin`, a function that returns
 * `process.stdin`, and `process._getActiveHandles`, whose array holds the open streams (holders, choice 76).
 */
const STREAM_SOURCES: ReadonlyMap<string, ReadonlyMap<string, StdioHold>> = new Map([
  ['process', new Map<string, StdioHold>([...[...STDIO_MEMBERS].map((member) => [member, 'stream'] as const), ['openStdin', 'holder'], ['_getActiveHandles', 'holder']])],
  ['console', new Map<string, StdioHold>([['_stdout', 'stream'], ['_stderr', 'stream']])],
]);

/**
 * `process.stdout` (or another stream source above, any spelling the walk resolves) at `node`: NETWORK when
 * taken apart. `node` is a destructured element when the member is taken by a pattern
 * (`const { stdout: { constructor: S } } = process`): the pattern is judged as bound to the stream.
 */
export function judgeStdioUse(walker: Walker, node: ts.Node, member: string, owner = 'process'): void {
  const hold = STREAM_SOURCES.get(owner)?.get(member);
  if (hold === undefined) return;
  const copiedTo: CopiedTo = (name, as) => isTakenByName(walker.sourceFile, name, as);
  if (!(tsv.isBindingElement(node) ? destructuredTakes(walker, node, hold, copiedTo) : takesStdioApart(walker.ancestors, walker.ancestors.lastIndexOf(node), walker.scope, copiedTo, hold))) return;
  walker.report.reach(['NETWORK'], node, `${owner}.${member}`, 'member', "its prototype chain is `net.Socket` (`connect`, the `Socket` class) when the stream is a pipe or a socket");
}

/** `const { _stdout: out } = console`: an owner of stream sources the walk does not destructure member by member. */
export function judgeDestructuredStreams(walker: Walker, pattern: ts.ObjectBindingPattern, owner: string): void {
  if (!STREAM_SOURCES.has(owner)) return;
  for (const element of pattern.elements) {
    const key = element.dotDotDotToken === undefined ? propertyNameText(element.propertyName ?? element.name) : null;
    if (key !== null) judgeStdioUse(walker, element, key, owner);
  }
}

/** A name destructured out of `process` is a member binding judged where it is used (analyzer.ts); a pattern is judged here. */
function destructuredTakes(walker: Walker, element: ts.BindingElement, hold: StdioHold, copiedTo: CopiedTo): boolean {
  if (tsv.isIdentifier(element.name) && walker.scope.lookup(element.name.text)?.kind === 'member') return false;
  return bindingTakes(element.name, hold, walker.scope, copiedTo);
}
