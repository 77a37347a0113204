import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { fileWrites, mayPassRequiredName, moduleByWrites, type FileWrites } from './assigned-modules.js';
import { fileOf } from './interop-index.js';
import type { Binding, Scope } from './scope.js';
import { skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

/**
 * A builtin module handed to a function of the file that is only ever called (esbuild's
 * `startWorkerThreadService(worker_threads)`, whose parameter is used as `p.Worker(__filename)`):
 * the parameter is that module binding inside the function, so its members are judged one by one
 * there, and the argument is no whole-module use at the calls.
 *
 * Proved over the file, by name: the function is the one value its `var`/`let`/`const` ever holds,
 * every reference to it is the callee of a direct call (never stored, exported, `.call`ed or
 * passed), every call passes at the parameter's place nothing or a name whose every write loads the
 * same builtin (assigned-modules.ts), no spread comes before it, the parameter's name is written
 * nowhere else in the file, the function has no `arguments` of its own, and the file has no `with`.
 * Anything else keeps today's judgement: the module is reached whole where it is passed.
 */

const verdicts = new WeakMap<ts.Node, string | null>();

/** The module parameter `index` of `container` holds; undefined when it is not proved. */
export function moduleParameter(parameter: ts.ParameterDeclaration, index: number, container: ts.Node, ancestors: readonly ts.Node[], scope: Scope): Binding | undefined {
  // Asked for every parameter of every file: most files pass no required name at all.
  const sourceFile = fileOf(scope);
  if (sourceFile === undefined || !mayPassRequiredName(sourceFile)) return undefined;
  const known = verdicts.get(parameter);
  if (known !== undefined) return known === null ? undefined : { kind: 'module', specifier: known, declaration: parameter, used: false };
  const specifier = provedSpecifier(parameter, index, container, ancestors, scope) ?? null;
  verdicts.set(parameter, specifier);
  return moduleParameter(parameter, index, container, ancestors, scope);
}

function provedSpecifier(parameter: ts.ParameterDeclaration, index: number, container: ts.Node, ancestors: readonly ts.Node[], scope: Scope): string | undefined {
  if (!tsv.isIdentifier(parameter.name) || parameter.initializer !== undefined || parameter.dotDotDotToken !== undefined) return undefined;
  if (!tsv.isArrowFunction(container) && !(tsv.isFunctionExpression(container) && container.name === undefined)) return undefined;
  const name = functionVariable(container, ancestors);
  const sourceFile = fileOf(scope);
  if (name === undefined || sourceFile === undefined || !mayPassRequiredName(sourceFile)) return undefined;
  const writes = fileWrites(sourceFile);
  if (writes.hasWith || writes.otherReferences.has(name) || (writes.byName.get(name) ?? []).length !== 1) return undefined;
  // The parameter itself is its name's one write in the file.
  if ((writes.byName.get(parameter.name.text) ?? []).length !== 1) return undefined;
  if (tsv.isFunctionExpression(container) && usesArguments(container)) return undefined;
  return passedModule(writes, writes.calls.get(name) ?? [], index);
}

/** `var f = (p) => …`: the variable the function is the initializer of. */
function functionVariable(container: ts.Node, ancestors: readonly ts.Node[]): string | undefined {
  for (let at = ancestors.lastIndexOf(container) - 1; at >= 0; at -= 1) {
    const parent = ancestors[at] as ts.Node;
    if (tsv.isParenthesizedExpression(parent)) continue;
    return tsv.isVariableDeclaration(parent) && tsv.isIdentifier(parent.name) && parent.initializer !== undefined && skipOuter(parent.initializer) === container ? parent.name.text : undefined;
  }
  return undefined;
}

/** The one builtin every call passes at `index` (as a name of that module, or nothing). */
function passedModule(writes: FileWrites, calls: readonly ts.CallExpression[], index: number): string | undefined {
  let specifier: string | undefined;
  for (const call of calls) {
    if (call.arguments.slice(0, index + 1).some(tsv.isSpreadElement)) return undefined;
    const argument = call.arguments[index];
    if (argument === undefined) continue;
    const inner = skipOuter(argument);
    const passed = tsv.isIdentifier(inner) ? moduleByWrites(writes, inner.text) : undefined;
    if (passed === undefined || (specifier !== undefined && passed !== specifier)) return undefined;
    specifier = passed;
  }
  return specifier;
}

function usesArguments(container: ts.FunctionExpression): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (tsv.isIdentifier(node) && node.text === 'arguments') found = true;
    // A nested ordinary function has `arguments` of its own; an arrow shares this one.
    else if (!(tsv.isFunctionDeclaration(node) || tsv.isFunctionExpression(node) || tsv.isMethodDeclaration(node))) tsv.forEachChild(node, visit);
  };
  if (container.body !== undefined) tsv.forEachChild(container.body, visit);
  return found;
}

/**
 * visitCall: a module binding passed where such a parameter receives it is consumed (the callee
 * judges its members); the callee and the other arguments are walked as usual. True when handled.
 */
export function visitModuleArguments(walker: Walker, call: ts.CallExpression): boolean {
  const callee = skipOuter(call.expression);
  if (!tsv.isIdentifier(callee) || call.arguments.length === 0) return false;
  const target = walker.scope.lookup(callee.text);
  if (target === undefined || (target.kind !== 'local' && target.kind !== 'function') || !mayPassRequiredName(walker.sourceFile)) return false;
  const consumed = new Set<ts.Node>();
  call.arguments.forEach((argument, index) => {
    const inner = skipOuter(argument);
    const binding = tsv.isIdentifier(inner) ? walker.scope.lookup(inner.text) : undefined;
    if (binding?.kind !== 'module' || parameterSpecifier(walker, callee.text, index) !== binding.specifier) return;
    binding.used = true;
    consumed.add(argument);
  });
  if (consumed.size === 0) return false;
  walker.visit(call.expression, call);
  for (const argument of call.arguments) if (!consumed.has(argument)) walker.visit(argument, call);
  return true;
}

/** What parameter `index` of the function held by `name` was proved to hold, read from that function's own parameter. */
function parameterSpecifier(walker: Walker, name: string, index: number): string | undefined {
  const writes = fileWrites(walker.sourceFile);
  const [only] = writes.byName.get(name) ?? [];
  const fn = only === undefined || typeof only === 'string' ? undefined : skipOuter(only);
  if (fn === undefined || !(tsv.isArrowFunction(fn) || tsv.isFunctionExpression(fn))) return undefined;
  const parameter = fn.parameters[index];
  const verdict = parameter === undefined ? undefined : verdicts.get(parameter);
  if (verdict !== undefined) return verdict ?? undefined;
  // The call comes before the function is entered (a `var` hoisted, or a call above it): prove it now.
  const ancestors: ts.Node[] = [];
  return parameter === undefined || !findPath(walker.sourceFile, fn, ancestors) ? undefined : (moduleParameter(parameter, index, fn, ancestors, walker.scope) as { specifier?: string } | undefined)?.specifier;
}

/** The chain of nodes from the file down to `target`, outermost first. */
function findPath(node: ts.Node, target: ts.Node, path: ts.Node[]): boolean {
  path.push(node);
  if (node === target) return true;
  if (node.pos <= target.pos && node.end >= target.end && tsv.forEachChild(node, (child) => (findPath(child, target, path) ? true : undefined)) === true) return true;
  path.pop();
  return false;
}
