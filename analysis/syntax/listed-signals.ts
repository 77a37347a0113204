import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { isUndeclaredGlobal, scanNames, type NameOccurrence } from './interop-names.js';
import { skipOuter, stringValue } from './syntax.js';
import type { WithdrawnUnless } from './types.js';

/**
 * signal-exit's `signals.forEach(function (sig) { … process.kill(process.pid, sig) })`, where
 * `signals = require('./signals.js')` (choice 79): the signal is an element of a list another
 * module exports. This file cannot tell what the list holds; the guard can, from that module's
 * facts (guard/facts/constant-list.ts). So the judgment is handed on as a condition, and the
 * finding stays unless the list is constant strings without any of the excluded spellings.
 *
 * Only a shape whose every element reaches the parameter at load is followed: the callback of an
 * element method called at the module's top level (it runs once, while the module loads, before
 * anything the module exports can be called), on a local declared once as a relative `require`,
 * written again only by a subset of itself (`signals = signals.filter(…)`) and otherwise only read
 * (isListRead: no member written, no `push`, not handed on, no callback given the array itself).
 * The element methods are trusted as builtins are (choice 66: replacing them is UNANALYZED where
 * it is written). The parameter is never
 * redeclared inside the callback and written only with constant strings, themselves not excluded;
 * `arguments`, `eval` and `with` anywhere they could reach it fail closed.
 */
const ELEMENT_METHODS: ReadonlySet<string> = new Set(['forEach', 'map', 'filter', 'some', 'every', 'find', 'findIndex', 'flatMap']);
/** Methods whose result is a subset of the list, for `L = L.filter(…)`; `filter`'s callback is checked as an element method's. */
const SUBSET_METHODS: ReadonlySet<string> = new Set(['filter', 'slice']);

type Callback = ts.FunctionExpression | ts.ArrowFunction;

const within = (node: ts.Node, outer: ts.Node): boolean => node.pos >= outer.pos && node.end <= outer.end;

/** The innermost function among `ancestors` that declares `name` as a parameter, with where it stands. */
function declaringFunction(name: string, ancestors: readonly ts.Node[]): { callback: ts.Node; at: number } | undefined {
  for (let at = ancestors.length - 1; at >= 0; at--) {
    const node = ancestors[at] as ts.Node;
    if (!tsv.isFunctionLike(node)) continue;
    const declares = node.parameters.some((parameter) => tsv.isIdentifier(parameter.name) ? parameter.name.text === name : true);
    if (declares) return { callback: node, at };
  }
  return undefined;
}

/** `L.forEach(callback)` with L a plain name: L, else undefined. */
function listReceiver(call: ts.Node, callback: Callback): ts.Identifier | undefined {
  if (!tsv.isCallExpression(call) || call.arguments[0] !== callback) return undefined;
  const callee = skipOuter(call.expression);
  if (!tsv.isPropertyAccessExpression(callee) || !ELEMENT_METHODS.has(callee.name.text)) return undefined;
  const receiver = skipOuter(callee.expression);
  return tsv.isIdentifier(receiver) ? receiver : undefined;
}

/** Each write of the parameter inside the callback is `sig = 'SIGINT'`, a constant not excluded. */
function writesOnlyConstants(occurrences: readonly NameOccurrence[], callback: Callback, excluded: ReadonlySet<string>): boolean {
  const parameter = callback.parameters[0];
  return occurrences.filter((occurrence) => within(occurrence.node, callback)).every((occurrence) => {
    if (occurrence.role === 'declaration') return occurrence.node === parameter?.name;
    if (occurrence.role === 'reference') return true;
    const { parent } = occurrence;
    if (!tsv.isBinaryExpression(parent) || parent.left !== occurrence.node || parent.operatorToken.kind !== tsv.SyntaxKind.EqualsToken) return false;
    const written = stringValue(skipOuter(parent.right));
    return written !== undefined && !excluded.has(written);
  });
}

/**
 * A read of L that cannot change what the loop hands its callback: `L.forEach(cb)` and the other
 * element and subset methods, with a callback that takes no third parameter (the array itself, which
 * `arr[i + 1] = 'SIGUSR1'` would write ahead of the loop) and reads no `arguments`; or `return L`
 * (the loop ran at load, before anything the module exports can be called). A member written
 * (`L.forEach = f`, `L[0] = …`), `L.push(…)`, L handed to a function: not a read.
 */
function isListRead(occurrence: NameOccurrence, argumentsUses: readonly NameOccurrence[]): boolean {
  const { node, parent, grandparent } = occurrence;
  if (tsv.isReturnStatement(parent)) return true;
  if (!tsv.isPropertyAccessExpression(parent) || parent.expression !== node || grandparent === undefined || !tsv.isCallExpression(grandparent) || grandparent.expression !== parent) return false;
  const method = parent.name.text;
  if (method === 'slice') return true;
  if (!ELEMENT_METHODS.has(method)) return false;
  const callback = grandparent.arguments[0] === undefined ? undefined : skipOuter(grandparent.arguments[0]);
  if (callback === undefined || (!tsv.isFunctionExpression(callback) && !tsv.isArrowFunction(callback))) return false;
  if (callback.parameters.length > 2 || callback.parameters.some((parameter) => parameter.dotDotDotToken !== undefined)) return false;
  return !argumentsUses.some((use) => within(use.node, callback));
}

/** The relative specifier L is loaded from, when L is declared once as `require('./x')`, written only by subsets of itself and only read. */
function listSpecifier(occurrences: readonly NameOccurrence[], requireIsGlobal: boolean, argumentsUses: readonly NameOccurrence[]): string | undefined {
  const declarations = occurrences.filter((occurrence) => occurrence.role === 'declaration');
  const declaration = declarations.length === 1 ? declarations[0]?.parent : undefined;
  if (declaration === undefined || !tsv.isVariableDeclaration(declaration) || declaration.initializer === undefined || !requireIsGlobal) return undefined;
  const load = skipOuter(declaration.initializer);
  if (!tsv.isCallExpression(load) || !tsv.isIdentifier(load.expression) || load.expression.text !== 'require' || load.arguments.length !== 1) return undefined;
  const specifier = stringValue(load.arguments[0]);
  if (specifier === undefined || !specifier.startsWith('.')) return undefined;
  const subsetsOnly = occurrences.every((occurrence) => {
    if (occurrence.role === 'reference') return isListRead(occurrence, argumentsUses);
    if (occurrence.role !== 'assignment') return true;
    const { parent } = occurrence;
    if (!tsv.isBinaryExpression(parent) || parent.left !== occurrence.node || parent.operatorToken.kind !== tsv.SyntaxKind.EqualsToken) return false;
    const right = skipOuter(parent.right);
    if (!tsv.isCallExpression(right)) return false;
    const callee = skipOuter(right.expression);
    return tsv.isPropertyAccessExpression(callee) && SUBSET_METHODS.has(callee.name.text) && tsv.isIdentifier(skipOuter(callee.expression)) && (skipOuter(callee.expression) as ts.Identifier).text === occurrence.node.text;
  });
  return subsetsOnly ? specifier : undefined;
}

/** The condition under which `signal` (a call's signal argument) is one of a loaded list's constants; undefined: not that shape. */
export function listedSignalCondition(sourceFile: ts.SourceFile, ancestors: readonly ts.Node[], signal: ts.Expression, excluded: ReadonlySet<string>): WithdrawnUnless | undefined {
  const name = skipOuter(signal);
  if (!tsv.isIdentifier(name)) return undefined;
  const found = declaringFunction(name.text, ancestors);
  if (found === undefined) return undefined;
  const callback = found.callback;
  if (!tsv.isFunctionExpression(callback) && !tsv.isArrowFunction(callback)) return undefined;
  const parameter = callback.parameters[0];
  if (parameter === undefined || !tsv.isIdentifier(parameter.name) || parameter.name.text !== name.text || parameter.initializer !== undefined || parameter.dotDotDotToken !== undefined) return undefined;
  const list = listReceiver(ancestors[found.at - 1] as ts.Node, callback);
  // At the top level the call runs once, at load; inside a function it may run after anyone changed the list.
  if (list === undefined || ancestors.slice(0, found.at).some((node) => tsv.isFunctionLike(node) || tsv.isClassStaticBlockDeclaration(node))) return undefined;
  const scan = scanNames(sourceFile, new Set([name.text, list.text, 'arguments', 'eval', 'require']));
  if (scan.withBodies.length > 0 || (scan.occurrences.get('eval') ?? []).length > 0) return undefined;
  if ((scan.occurrences.get('arguments') ?? []).some((occurrence) => within(occurrence.node, callback))) return undefined;
  if (!writesOnlyConstants(scan.occurrences.get(name.text) ?? [], callback, excluded)) return undefined;
  const specifier = listSpecifier(scan.occurrences.get(list.text) ?? [], isUndeclaredGlobal(scan, 'require'), scan.occurrences.get('arguments') ?? []);
  return specifier === undefined ? undefined : { kind: 'constant-list-without', specifier, excluded: [...excluded].sort() };
}
