import ts from '../../policy/typescript.cjs';
import { constantKey, constantString } from './constants.js';
import { canonicalBuiltin } from '../../policy/index.js';
import { builtinModuleOf, namedMemberOf } from './entry-path-modules.js';
import { constInitializer } from './entry-path-consts.js';
import { isLegacyDefiner, writerCallOf } from './writer-calls.js';
import { assignedPattern, assignedReferences } from './launch-pattern-targets.js';
import { excerpt, memberKey, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

/**
 * The functions of builtin modules the launch evaluator (entry-path.ts) computes itself: it reads
 * `path.join(__dirname, 'clean.cjs')` as that path. A builtin module's object is one per process
 * (`path.posix` is `path` on Linux), so `path.join = …` in any module of the program makes every
 * later call run the replacement, and the evaluated path is not the one the child gets. The
 * evaluator may trust these only while no module replaces them: the replacement is UNANALYZED
 * where it is written, in whichever module (as a builtin prototype's is: docs/choices.md 35, 67).
 */
const EVALUATED_MEMBERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['node:path', new Set(['join', 'resolve', 'normalize', 'dirname', 'posix', 'default'])],
  ['node:path/posix', new Set(['join', 'resolve', 'normalize', 'dirname', 'posix', 'default'])],
  ['node:url', new Set(['fileURLToPath', 'pathToFileURL', 'default'])],
]);

/** `node:path`'s namespaces: the `posix` member of any of them is the posix namespace (`path` itself on Linux). */
const PATH_NAMESPACES: ReadonlySet<string> = new Set(['node:path', 'node:path/posix', 'node:path/win32']);

/**
 * The evaluated builtin module an object is: `path`, `require('node:url')`, `path.posix`, and every
 * other spelling of the posix namespace (on Linux `path`, `path.posix`, `path.win32.posix` and
 * `path.posix.posix` are one object): a chain of `posix`/`win32` members, a destructured `posix`, a
 * `const` holding one of them.
 */
function evaluatedModuleOf(walker: Walker, base: ts.Expression): string | undefined {
  const module = pathNamespaceOf(walker, base, 0);
  return module !== undefined && EVALUATED_MEMBERS.has(module) ? module : undefined;
}

/** A builtin module's object (`node:path/win32` too, whose `posix` is the posix namespace), by any of those spellings. */
function pathNamespaceOf(walker: Walker, base: ts.Expression, depth: number): string | undefined {
  if (depth > 6) return undefined;
  const inner = skipOuter(base);
  const context = { scope: walker.scope, ancestors: walker.ancestors };
  const direct = builtinModuleOf(inner, context);
  if (direct !== undefined) return direct;
  const member = namedMemberOf(inner, context, canonicalBuiltin);
  const namespaceKey = member?.member ?? (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner) ? memberKey(inner) : null);
  if (namespaceKey === 'posix' || namespaceKey === 'win32') {
    const owner = member?.specifier ?? (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner) ? pathNamespaceOf(walker, inner.expression, depth + 1) : undefined);
    return owner !== undefined && PATH_NAMESPACES.has(owner) ? `node:path/${namespaceKey}` : undefined;
  }
  if (ts.isIdentifier(inner)) {
    const initializer = constInitializer(inner, walker.ancestors);
    return initializer === undefined ? undefined : pathNamespaceOf(walker, initializer, depth + 1);
  }
  return undefined;
}

/** Does writing `key` (null: not known) on that module replace a function the evaluator computes? */
function replacesEvaluated(specifier: string, key: string | null): boolean {
  return key === null || (EVALUATED_MEMBERS.get(specifier)?.has(key) ?? false);
}

function report(walker: Walker, at: ts.Node, specifier: string, key: string | null): void {
  walker.report.unanalyzed(at, excerpt(`${specifier}${key === null ? '[…]' : `.${key}`}`), 'a function of a builtin module that launches are computed with replaced: every module of the process that calls it (a child\'s entry file among them) runs the replacement');
}

/**
 * `path.join = f`, `path.posix['resolve'] = f`, `url.fileURLToPath ||= f`, `[path.join] = [f]`,
 * `({ f: path.resolve } = o)`, sloppy `with (path) { join = f }`.
 */
export function judgeEvaluatedBuiltinAssignment(walker: Walker, node: ts.BinaryExpression): void {
  if (node.operatorToken.kind < ts.SyntaxKind.FirstAssignment || node.operatorToken.kind > ts.SyntaxKind.LastAssignment) return;
  const targets = assignedPattern(node) === undefined ? [node.left] : assignedReferences(node).map((reference) => reference.target);
  for (const written of targets) {
    const target = skipOuter(written);
    if (ts.isIdentifier(target)) {
      judgeWithName(walker, target);
      continue;
    }
    if (!ts.isPropertyAccessExpression(target) && !ts.isElementAccessExpression(target)) continue;
    const specifier = evaluatedModuleOf(walker, target.expression);
    const key = constantKey(target, walker.scope);
    if (specifier !== undefined && replacesEvaluated(specifier, key)) report(walker, written, specifier, key);
  }
}

/** A name assigned in the body of `with (path)` is the module's member when it has one (the object comes before outer bindings). */
function judgeWithName(walker: Walker, name: ts.Identifier): void {
  for (let index = walker.ancestors.length - 1; index > 0; index -= 1) {
    const ancestor = walker.ancestors[index] as ts.Node;
    if (!ts.isWithStatement(ancestor) || walker.ancestors[index + 1] !== ancestor.statement) continue;
    const specifier = evaluatedModuleOf(walker, ancestor.expression);
    if (specifier !== undefined && replacesEvaluated(specifier, name.text)) return report(walker, name, specifier, name.text);
  }
}

/**
 * `Object.assign(path, { join })`, `Object.defineProperty(path, 'join', …)`, `Reflect.set(path.posix,
 * 'resolve', f)`, `Object.setPrototypeOf(path, …)`: the same replacement through a writer. Keys read
 * from literals; a source or key the syntax cannot see counts as replacing.
 */
export function judgeEvaluatedBuiltinWriterCall(walker: Walker, call: ts.CallExpression): void {
  const written = writerCallOf(call, walker.scope);
  if (written?.target === undefined || written.writer === 'method.call') return;
  const specifier = evaluatedModuleOf(walker, written.target);
  if (specifier === undefined) return;
  // `path.__defineGetter__('join', …)`: the legacy definer every object inherits writes one key, as `defineProperty` does.
  const keys = written.rest === undefined ? undefined : writtenKeys(walker, written.writer, written.rest, written.rest[0]);
  const replaced = keys === undefined ? null : keys.find((key) => replacesEvaluated(specifier, key));
  if (keys === undefined || replaced !== undefined) report(walker, call, specifier, replaced ?? null);
}

/** The keys a writer call writes; undefined when one of them is not written out. */
function writtenKeys(walker: Walker, writer: string, sources: readonly ts.Expression[], second: ts.Expression | undefined): string[] | undefined {
  if (writer.endsWith('setPrototypeOf')) return undefined;
  if (writer === 'Reflect.set' || writer.endsWith('.defineProperty') || isLegacyDefiner(writer)) {
    const key = second === undefined ? undefined : constantKeyOf(walker, second);
    return key === undefined ? undefined : [key];
  }
  const keys: string[] = [];
  for (const source of sources) {
    const literal = skipOuter(source);
    if (!ts.isObjectLiteralExpression(literal)) return undefined;
    for (const property of literal.properties) {
      if (ts.isSpreadAssignment(property) || property.name === undefined) return undefined;
      const name = ts.isComputedPropertyName(property.name) ? constantKeyOf(walker, property.name.expression) : property.name.getText(walker.sourceFile).replace(/^['"]|['"]$/g, '');
      if (name === undefined) return undefined;
      keys.push(name);
    }
  }
  return keys;
}

function constantKeyOf(walker: Walker, expression: ts.Expression): string | undefined {
  return constantString(expression, walker.scope) ?? undefined;
}
