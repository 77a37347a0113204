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
import type { Walker } from './walker.js';

/**
 * The process's own standard streams are pure as streams (docs/choices.md 4), but when one is a pipe or
 * a socket it IS a `net.Socket`: its prototype chain holds `connect` and the `Socket` class. Code that
 * takes the stream apart rather than writing to it (its prototype, its constructor, its descriptors,
 * `connect`, a member by a key the syntax cannot read, `with (stream)`) holds a way to open a
 * connection: NETWORK (docs/choices.md 69). A stream handed to a function of another module is that
 * module's (docs/caveats.md).
 */
export const STDIO_MEMBERS: ReadonlySet<string> = new Set(['stdout', 'stderr', 'stdin']);

/** Members that are the socket's class or a socket method, not the stream's. */
const TAKING_KEYS: ReadonlySet<string> = new Set(['constructor', '__proto__', 'connect']);
/** `Object`/`Reflect` calls that hand out the prototype or descriptors of their first argument. */
const TAKING_CALLS: ReadonlySet<string> = new Set(['getPrototypeOf', 'getOwnPropertyDescriptor', 'getOwnPropertyDescriptors']);
/** Members of a class whose read hands nothing on: `stream.constructor.name`. */
const FACT_MEMBERS: ReadonlySet<string> = new Set(['name', 'length']);

/**
 * How a value stands to the stream: the stream itself, or a value that may be it or hold it (docs/choices.md
 * 76): a container it is written into (an array or object literal, a spread, `new Map([[k, s]])`,
 * `Array.of(s)`), the result of a call it is handed to, a function that returns it, and whatever is read,
 * called, destructured or iterated out of one of those (`[s][0]`, `box.s`, `.at(0)`, `.find(…)`,
 * `const [t] = …`, `for (const t of …)`). A holder is taken apart as the stream is, and what comes out of
 * it is a holder again.
 */
export type StdioHold = 'stream' | 'holder';

/** How many holder steps are followed from one stream (`[[s]][0][0]` is three). */
const MAX_HOLDER_STEPS = 8;

/** `copiedTo` judges a name the stream (or a holder) is copied into (`const out = process.stdout`, `const box = [out]`). */
export type CopiedTo = (name: string, hold: StdioHold) => boolean;

/**
 * True when the stdio stream `ancestors[index]` evaluates to is taken apart (above), directly or out of
 * a holder (StdioHold). `ancestors` is the walk's stack, outermost first (files parsed without parent
 * pointers are walked too).
 */
export function takesStdioApart(ancestors: readonly ts.Node[], index: number, scope: Scope, copiedTo: CopiedTo, hold: StdioHold = 'stream', steps = 0): boolean {
  let child = ancestors[index];
  let at = index - 1;
  while (child !== undefined && at >= 0 && passesValueOn(ancestors[at] as ts.Node, child)) child = ancestors[at--];
  const parent = ancestors[at];
  if (child === undefined || parent === undefined) return false;
  const onward = (holderAt: number): boolean => steps < MAX_HOLDER_STEPS && holderAt >= 0 && takesStdioApart(ancestors, holderAt, scope, copiedTo, 'holder', steps + 1);
  if (tsv.isPropertyAccessExpression(parent) || tsv.isElementAccessExpression(parent)) {
    if (parent.expression !== child) return false;
    // Out of a holder, any member may be the stream (`[s][i]`, `box.s`, `.at`): only the socket's own keys take it apart there.
    return hold === 'stream' ? isTakingRead(parent, ancestors, at, scope) : isTakingKeyRead(parent, ancestors, at, scope) || onward(at);
  }
  if (tsv.isCallExpression(parent) || tsv.isNewExpression(parent)) {
    if (tsv.isCallExpression(parent) && parent.arguments[0] === child && isTakingCall(parent, scope)) return true;
    // A holder called (`h.at(0)`, a function that returns the stream), or either handed to a call: the result may be the stream.
    if (parent.expression !== child) return onward(at);
    return hold === 'holder' && (callbackTakes(parent, copiedTo) || onward(at));
  }
  if (tsv.isWithStatement(parent)) return parent.expression === child;
  if (tsv.isArrayLiteralExpression(parent) || tsv.isSpreadElement(parent) || tsv.isSpreadAssignment(parent) || tsv.isAwaitExpression(parent)) return onward(at);
  if ((tsv.isPropertyAssignment(parent) && parent.initializer === child) || tsv.isShorthandPropertyAssignment(parent)) return onward(at - 1);
  if (tsv.isReturnStatement(parent) || (tsv.isArrowFunction(parent) && parent.body === child)) return returnedFrom(ancestors, at, copiedTo, onward);
  if (tsv.isVariableDeclaration(parent) && parent.initializer === child) {
    if (tsv.isIdentifier(parent.name)) return copiedTo(parent.name.text, hold);
    if (tsv.isObjectBindingPattern(parent.name) && patternTakes(parent.name, scope)) return true;
    // Destructured out of a holder (or out of an array pattern): each name bound may be the stream.
    return (hold === 'holder' || tsv.isArrayBindingPattern(parent.name)) && boundNames(parent.name).some((name) => copiedTo(name, 'holder'));
  }
  if (tsv.isForOfStatement(parent) && parent.expression === child) {
    const bound = parent.initializer;
    return hold === 'holder' && tsv.isVariableDeclarationList(bound) && bound.declarations.some((declaration) => boundNames(declaration.name).some((name) => copiedTo(name, 'holder')));
  }
  if (tsv.isBinaryExpression(parent) && parent.right === child && parent.operatorToken.kind === tsv.SyntaxKind.EqualsToken) {
    const target = skipOuter(parent.left);
    if (tsv.isIdentifier(target)) return copiedTo(target.text, hold);
    return tsv.isObjectLiteralExpression(target) && assignmentPatternTakes(target, scope);
  }
  return false;
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
  return (tsv.isMethodDeclaration(fn) || tsv.isGetAccessorDeclaration(fn)) && owner !== undefined && tsv.isObjectLiteralExpression(owner) && onward(fnAt - 1);
}

/** A holder's method handed a function written there (`h.forEach((s) => …)`, `.then((s) => …)`): its parameters may be the stream. */
function callbackTakes(call: ts.CallExpression | ts.NewExpression, copiedTo: CopiedTo): boolean {
  return (call.arguments ?? []).some((argument) => (tsv.isArrowFunction(argument) || tsv.isFunctionExpression(argument)) && argument.parameters.some((parameter) => boundNames(parameter.name).some((name) => copiedTo(name, 'holder'))));
}

/** Every name a binding pattern binds (`[a, { b }, ...c]`). */
function boundNames(name: ts.BindingName): readonly string[] {
  if (tsv.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (tsv.isOmittedExpression(element) ? [] : boundNames(element.name)));
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

/** `const { connect, constructor: C, [k]: v, ...rest } = stream`. */
function patternTakes(pattern: ts.ObjectBindingPattern, scope: Scope): boolean {
  return pattern.elements.some((element) => element.dotDotDotToken !== undefined || isTakingName(element.propertyName ?? element.name, scope));
}

/** `({ connect: c } = stream)`, `({ ...rest } = stream)`. */
function assignmentPatternTakes(pattern: ts.ObjectLiteralExpression, scope: Scope): boolean {
  return pattern.properties.some((property) => tsv.isSpreadAssignment(property) || ((tsv.isPropertyAssignment(property) || tsv.isShorthandPropertyAssignment(property)) && isTakingName(property.name, scope)));
}

function isTakingName(name: ts.PropertyName | ts.BindingName, scope: Scope): boolean {
  const key = tsv.isComputedPropertyName(name) ? constantString(name.expression, scope) ?? null : propertyNameText(name);
  return key === null || TAKING_KEYS.has(key);
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
      for (const hold of ['stream', 'holder'] as const) {
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

/** `process.stdout` (or `stderr`, `stdin`, any spelling the walk resolves) at `node`: NETWORK when taken apart. */
export function judgeStdioUse(walker: Walker, node: ts.Node, member: string): void {
  if (!STDIO_MEMBERS.has(member)) return;
  const index = walker.ancestors.lastIndexOf(node);
  if (index < 0 || !takesStdioApart(walker.ancestors, index, walker.scope, (name, hold) => isTakenByName(walker.sourceFile, name, hold))) return;
  walker.report.reach(['NETWORK'], node, `process.${member}`, 'member', "its prototype chain is `net.Socket` (`connect`, the `Socket` class) when the stream is a pipe or a socket");
}
