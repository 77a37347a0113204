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
 * True when the stdio stream `ancestors[index]` evaluates to is taken apart (above). `ancestors` is
 * the walk's stack, outermost first (files parsed without parent pointers are walked too).
 * `copiedTo` judges a name the stream is copied into (`const out = process.stdout`).
 */
export function takesStdioApart(ancestors: readonly ts.Node[], index: number, scope: Scope, copiedTo: (name: string) => boolean): boolean {
  let child = ancestors[index];
  let at = index - 1;
  while (child !== undefined && at >= 0 && passesValueOn(ancestors[at] as ts.Node, child)) child = ancestors[at--];
  const parent = ancestors[at];
  if (child === undefined || parent === undefined) return false;
  if (tsv.isPropertyAccessExpression(parent) || tsv.isElementAccessExpression(parent)) {
    if (parent.expression !== child) return false;
    return isTakingRead(parent, ancestors, at, scope);
  }
  if (tsv.isCallExpression(parent)) return parent.arguments[0] === child && isTakingCall(parent, scope);
  if (tsv.isWithStatement(parent)) return parent.expression === child;
  if (tsv.isVariableDeclaration(parent) && parent.initializer === child) {
    return tsv.isIdentifier(parent.name) ? copiedTo(parent.name.text) : tsv.isObjectBindingPattern(parent.name) && patternTakes(parent.name, scope);
  }
  if (tsv.isBinaryExpression(parent) && parent.right === child && parent.operatorToken.kind === tsv.SyntaxKind.EqualsToken) {
    const target = skipOuter(parent.left);
    if (tsv.isIdentifier(target)) return copiedTo(target.text);
    return tsv.isObjectLiteralExpression(target) && assignmentPatternTakes(target, scope);
  }
  return false;
}

/** `stream.connect`, `stream[k]`, `stream.constructor` unless only its name is read or it is only tested. */
function isTakingRead(access: ts.PropertyAccessExpression | ts.ElementAccessExpression, ancestors: readonly ts.Node[], at: number, scope: Scope): boolean {
  const key = constantKey(access, scope);
  if (key === null) return tsv.isElementAccessExpression(access) && !isSymbolKeyed(access, scope) && !isWriteTarget(access, ancestors[at - 1]);
  if (key !== 'constructor') return TAKING_KEYS.has(key);
  const flow = flowOf(ancestors, at);
  if (flow.kind === 'tested' || flow.kind === 'discarded') return false;
  return !(flow.kind === 'member' && FACT_MEMBERS.has(constantKey(flow.access, scope) ?? ''));
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

interface NameUses {
  /** Names some use of which takes a stream apart, were the name a stream. */
  readonly taken: ReadonlySet<string>;
  /** `b = a`, `const b = a`: the names each name is copied into. */
  readonly copies: ReadonlyMap<string, readonly string[]>;
}

const usesByFile = new WeakMap<ts.SourceFile, NameUses>();

/**
 * A name holding a stream (`const out = process.stdout`) is judged by its uses anywhere in the file,
 * by name, not by scope: a shadowing local of the same name only fails closed.
 */
export function isTakenByName(file: ts.SourceFile, name: string): boolean {
  let uses = usesByFile.get(file);
  if (uses === undefined) usesByFile.set(file, (uses = scanNameUses(file)));
  const seen = new Set<string>();
  const pending = [name];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    if (uses.taken.has(next)) return true;
    pending.push(...(uses.copies.get(next) ?? []));
  }
  return false;
}

function scanNameUses(file: ts.SourceFile): NameUses {
  const taken = new Set<string>();
  const copies = new Map<string, string[]>();
  const ancestors: ts.Node[] = [file];
  // Scope-free: names are read as globals, so `stream[k]` with any non-literal `k` counts as taking.
  const scope = new Scope(undefined);
  const visit = (node: ts.Node): void => {
    ancestors.push(node);
    if (tsv.isIdentifier(node) && isValueReference(node, ancestors[ancestors.length - 2] as ts.Node)) {
      const recordCopy = (name: string): boolean => {
        copies.set(node.text, [...(copies.get(node.text) ?? []), name]);
        return false;
      };
      if (!taken.has(node.text) && takesStdioApart(ancestors, ancestors.length - 1, scope, recordCopy)) taken.add(node.text);
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
  if (index < 0 || !takesStdioApart(walker.ancestors, index, walker.scope, (name) => isTakenByName(walker.sourceFile, name))) return;
  walker.report.reach(['NETWORK'], node, `process.${member}`, 'member', "its prototype chain is `net.Socket` (`connect`, the `Socket` class) when the stream is a pipe or a socket");
}
