import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { constantKey, constantString } from './constants.js';
import { globalName } from './module-loads.js';
import type { Scope } from './scope.js';
import { propertyNameText, skipOuter } from './syntax.js';

/**
 * Where a standard stream (or a holder of one, stdio-prototype-walks.ts) goes when it is bound or stored
 * rather than read: every binding written with it (a declaration, a parameter of a local function it is
 * handed to, the catch clause it is thrown to, a for-of head, a pattern nested in another) and every
 * object it is stored in or becomes the prototype of (`box.s = s`, `o.__proto__ = s`,
 * `Object.setPrototypeOf(o, s)`, `Object.assign(o, { s })`). docs/choices.md 76 and 83.
 */

/**
 * How a value stands to the stream: the stream itself, or a value that may be it or hold it (docs/choices.md
 * 76): a container it is written into (an array or object literal, a spread, `new Map([[k, s]])`,
 * `Array.of(s)`), the result of a call it is handed to, a function that returns it, and whatever is read,
 * called, destructured or iterated out of one of those (`[s][0]`, `box.s`, `.at(0)`, `.find(…)`,
 * `const [t] = …`, `for (const t of …)`), and an object it is stored in or becomes the prototype of
 * (choice 83). A holder is taken apart as the stream is, and what comes out of it is a holder again.
 * A container is a holder whose own class and prototype are known not to be the stream's: an array
 * literal, an object literal the stream is a plain property of, a `Map`/`Set` built from one (choice 89).
 * Its `constructor`, `__proto__` and prototype are its own; every element or property read out of it is
 * a holder.
 */
export type StdioHold = 'stream' | 'holder' | 'container';

/** `copiedTo` judges a name the stream (or a holder) is copied into (`const out = process.stdout`, `const box = [out]`). */
export type CopiedTo = (name: string, hold: StdioHold) => boolean;

/** Members that are the socket's class or a socket method, not the stream's. */
export const TAKING_KEYS: ReadonlySet<string> = new Set(['constructor', '__proto__', 'connect']);

/**
 * `Object`/`Reflect` calls that store their later arguments into (or under) their first: the first becomes
 * a holder, and when it is the prototype, every object inheriting it reads the socket's keys.
 */
const STORING_CALLS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['Object', new Set(['setPrototypeOf', 'assign', 'defineProperty', 'defineProperties'])],
  ['Reflect', new Set(['setPrototypeOf', 'set', 'defineProperty'])],
]);

/**
 * The stream (or a holder) bound to `name`. A name copies it; an object pattern takes the stream apart by
 * one of the socket's keys (or a rest); out of a holder, or through an array pattern, every element may be
 * the stream and is judged as a holder, patterns nested in patterns included.
 */
export function bindingTakes(name: ts.BindingName, hold: StdioHold, scope: Scope, copiedTo: CopiedTo): boolean {
  if (tsv.isIdentifier(name)) return copiedTo(name.text, hold);
  if (tsv.isObjectBindingPattern(name)) {
    // Out of a container, `constructor` and `__proto__` are its own (`const { constructor: C } = [s]` is `Array`).
    if (hold === 'container') return name.elements.some((element) => (element.dotDotDotToken !== undefined || !isOwnFactName(element.propertyName ?? element.name, scope)) && bindingTakes(element.name, 'holder', scope, copiedTo));
    if (patternTakes(name, scope)) return true;
    // `const { write, columns } = process.stdout`: the stream's own members only.
    if (hold === 'stream') return false;
  }
  return name.elements.some((element) => !tsv.isOmittedExpression(element) && bindingTakes(element.name, 'holder', scope, copiedTo));
}

/** `const { connect, constructor: C, [k]: v, ...rest } = stream`; not `const { constructor: { name } } = stream`. */
export function patternTakes(pattern: ts.ObjectBindingPattern, scope: Scope): boolean {
  return pattern.elements.some((element) => element.dotDotDotToken !== undefined || (isTakingName(element.propertyName ?? element.name, scope) && !readsFactsOnly(element)));
}

/** Members of a class whose read hands nothing on: `stream.constructor.name`. */
export const FACT_MEMBERS: ReadonlySet<string> = new Set(['name', 'length']);

/** `constructor: { name }`: only the class's facts destructured. */
function readsFactsOnly(element: ts.BindingElement): boolean {
  const { name } = element;
  return tsv.isObjectBindingPattern(name) && name.elements.every((inner) => inner.dotDotDotToken === undefined && FACT_MEMBERS.has(propertyNameText(inner.propertyName ?? inner.name) ?? ''));
}

/** `({ connect: c } = stream)`, `({ ...rest } = stream)`. */
export function assignmentPatternTakes(pattern: ts.ObjectLiteralExpression, scope: Scope): boolean {
  return pattern.properties.some((property) => tsv.isSpreadAssignment(property) || ((tsv.isPropertyAssignment(property) || tsv.isShorthandPropertyAssignment(property)) && isTakingName(property.name, scope)));
}

/** Keys a container answers from its own class: its `constructor` and its `__proto__`. */
export const CONTAINER_OWN_KEYS: ReadonlySet<string> = new Set(['constructor', '__proto__']);

function isOwnFactName(name: ts.PropertyName | ts.BindingName, scope: Scope): boolean {
  const key = tsv.isComputedPropertyName(name) ? constantString(name.expression, scope) ?? null : propertyNameText(name);
  return key !== null && CONTAINER_OWN_KEYS.has(key);
}

function isTakingName(name: ts.PropertyName | ts.BindingName, scope: Scope): boolean {
  const key = tsv.isComputedPropertyName(name) ? constantString(name.expression, scope) ?? null : propertyNameText(name);
  return key === null || TAKING_KEYS.has(key);
}

/**
 * The name an assignment target or a storing call's first argument roots in: `box` of `box.s = s`,
 * `o.__proto__ = s`, `box.inner[k] = s`, `Object.setPrototypeOf(o, s)`. Whatever is read out of it may be
 * the stream (a holder).
 */
export function storedInto(target: ts.Expression): string | undefined {
  let root = skipOuter(target);
  while (tsv.isPropertyAccessExpression(root) || tsv.isElementAccessExpression(root)) root = skipOuter(root.expression);
  return tsv.isIdentifier(root) ? root.text : undefined;
}

/** `Object.setPrototypeOf(o, s)`, `Reflect.set(o, k, s)`, `Object.assign(o, { s })`: `o`, when `argument` is not it. */
export function storingCallTarget(call: ts.CallExpression, argument: ts.Node, scope: Scope): ts.Expression | undefined {
  const target = call.arguments[0];
  if (target === undefined || target === argument || !call.arguments.includes(argument as ts.Expression)) return undefined;
  const callee = skipOuter(call.expression);
  if (!tsv.isPropertyAccessExpression(callee) && !tsv.isElementAccessExpression(callee)) return undefined;
  const owner = globalName(callee.expression, scope, GLOBAL_OBJECT_NAMES);
  const method = constantKey(callee, scope);
  return owner !== undefined && method !== null && STORING_CALLS.get(owner)?.has(method) === true ? target : undefined;
}

/**
 * The parameters a value handed to `call` as `argument` is bound to: of a function written right there
 * (`((s) => …)(process.stdout)`) or of the functions this file declares under the callee's name
 * (`function make({ constructor: S }) {…} make(process.stdout)`), by name as every other copy is.
 */
export function parametersHanded(call: ts.CallExpression | ts.NewExpression, argument: ts.Node, file: ts.SourceFile): ReadonlyArray<{ readonly name: ts.BindingName; readonly rest: boolean }> {
  const handed: readonly ts.Expression[] = call.arguments ?? [];
  const index = handed.indexOf(argument as ts.Expression);
  if (index < 0 || handed.slice(0, index).some((earlier) => tsv.isSpreadElement(earlier))) return [];
  const callee = skipOuter(call.expression);
  const functions = tsv.isArrowFunction(callee) || tsv.isFunctionExpression(callee) ? [callee] : tsv.isIdentifier(callee) ? (functionsByName(file).get(callee.text) ?? []) : [];
  return functions.flatMap((fn) => parameterAt(fn, index));
}

function parameterAt(fn: ts.SignatureDeclaration, index: number): Array<{ readonly name: ts.BindingName; readonly rest: boolean }> {
  const parameters = fn.parameters.filter((parameter) => !(tsv.isIdentifier(parameter.name) && parameter.name.text === 'this'));
  const direct = parameters[index];
  if (direct !== undefined && direct.dotDotDotToken === undefined) return [{ name: direct.name, rest: false }];
  // `function f(...all)`: the rest array holds the value.
  const rest = parameters.find((parameter) => parameter.dotDotDotToken !== undefined);
  return rest === undefined ? [] : [{ name: rest.name, rest: true }];
}

/** The functions this file declares under `name` (functionsByName). */
export function functionsNamed(file: ts.SourceFile, name: string): readonly ts.SignatureDeclaration[] {
  return functionsByName(file).get(name) ?? [];
}

const functionsOfFile = new WeakMap<ts.SourceFile, ReadonlyMap<string, readonly ts.SignatureDeclaration[]>>();

/** `function f(…) {…}` and `const f = (…) => …` / `function (…) {…}` anywhere in the file, by name. */
function functionsByName(file: ts.SourceFile): ReadonlyMap<string, readonly ts.SignatureDeclaration[]> {
  let found = functionsOfFile.get(file);
  if (found !== undefined) return found;
  const byName = new Map<string, ts.SignatureDeclaration[]>();
  const add = (name: string, fn: ts.SignatureDeclaration): void => void byName.set(name, [...(byName.get(name) ?? []), fn]);
  const visit = (node: ts.Node): void => {
    if (tsv.isFunctionDeclaration(node) && node.name !== undefined) add(node.name.text, node);
    if (tsv.isVariableDeclaration(node) && tsv.isIdentifier(node.name) && node.initializer !== undefined) {
      const value = skipOuter(node.initializer);
      if (tsv.isArrowFunction(value) || tsv.isFunctionExpression(value)) add(node.name.text, value);
    }
    tsv.forEachChild(node, visit);
  };
  visit(file);
  functionsOfFile.set(file, (found = byName));
  return found;
}

/** The catch clause a `throw` at `ancestors[at]` lands in: the nearest `try` whose block holds it. */
export function caughtBy(ancestors: readonly ts.Node[], at: number): ts.BindingName | undefined {
  for (let index = at - 1; index > 0; index -= 1) {
    const node = ancestors[index] as ts.Node;
    if (tsv.isFunctionLike(node)) return undefined;
    if (tsv.isTryStatement(node) && node.tryBlock === ancestors[index + 1] && node.catchClause !== undefined) return node.catchClause.variableDeclaration?.name;
  }
  return undefined;
}
