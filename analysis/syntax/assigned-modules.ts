import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { fileOf } from './interop-index.js';
import { trackedBuiltin } from './module-loads.js';
import type { Scope } from './scope.js';
import { isValueReference, literalString, skipOuter } from './syntax.js';

/**
 * A module binding made by assignment instead of an initializer (source-map-support):
 * `var fs; try { fs = require('fs') } catch (e) {}`, `let fs = null; … fs = require('fs')`.
 * When every value the file ever writes to the name is `require('<builtin>')` of one tracked
 * builtin or nothing (`null`, `undefined`, `void 0`, no initializer), the variable holds that
 * module or nothing, so its members are judged one by one as for `const fs = require('fs')`.
 *
 * Sound by over-approximation: the writes are collected by name over the whole file, whatever
 * scope they sit in, so a same-named variable elsewhere written with anything else (a computed
 * `require(x)`, another module, a parameter, a destructuring, `++`) makes every binding of that
 * name plain again, and its loads are then reached whole where they are written.
 */

/** A value written to a name; `opaque` when the write's value cannot be read here. */
type Written = ts.Expression | 'absent' | 'opaque';

export interface FileWrites {
  readonly byName: Map<string, Written[]>;
  /** `require` or `undefined` declared anywhere: neither is then surely the global. */
  readonly declared: Set<string>;
  /** Direct calls `f(…)` by callee name, and names also referenced any other way (module-parameters.ts). */
  readonly calls: Map<string, ts.CallExpression[]>;
  readonly otherReferences: Set<string>;
  /** A `with` statement anywhere: a name inside one may be a property of its object. */
  readonly hasWith: boolean;
}

const writesOfFile = new WeakMap<ts.SourceFile, FileWrites>();

/** The builtin `declaration` holds when it has no initializer (or a nothing) and every write of its name loads that builtin. */
export function assignedModule(declaration: ts.VariableDeclaration, scope: Scope): string | undefined {
  if (!tsv.isIdentifier(declaration.name) || (declaration.initializer !== undefined && !isNothing(declaration.initializer))) return undefined;
  const name = declaration.name.text;
  const sourceFile = fileOf(scope);
  // Cheap text test first: most uninitialized variables are never assigned a `require`.
  if (sourceFile === undefined || !assignsRequireInText(sourceFile, name)) return undefined;
  return moduleByWrites(fileWrites(sourceFile), name);
}

/** The tracked builtin every write of `name` in the file loads (nothing-writes aside); undefined when any write is something else. */
export function moduleByWrites(writes: FileWrites, name: string): string | undefined {
  if (writes.declared.has('require')) return undefined;
  let specifier: string | undefined;
  for (const written of writes.byName.get(name) ?? []) {
    if (written === 'absent') continue;
    if (written === 'opaque') return undefined;
    if (isNothing(written) && !(tsv.isIdentifier(skipOuter(written)) && writes.declared.has('undefined'))) continue;
    const loaded = literalRequire(written);
    if (loaded === undefined || (specifier !== undefined && loaded !== specifier)) return undefined;
    specifier = loaded;
  }
  return specifier;
}

/** `null`, `undefined`, `void 0`: a variable holding one of these holds no module. */
function isNothing(expression: ts.Expression): boolean {
  const inner = skipOuter(expression);
  if (tsv.isIdentifier(inner)) return inner.text === 'undefined';
  return inner.kind === tsv.SyntaxKind.NullKeyword || (tsv.isVoidExpression(inner) && tsv.isLiteralExpression(inner.expression));
}

/** `require('fs')` with the global `require` (checked by the caller) and one literal: the tracked builtin. */
function literalRequire(expression: ts.Expression): string | undefined {
  const inner = skipOuter(expression);
  if (!tsv.isCallExpression(inner) || !tsv.isIdentifier(inner.expression) || inner.expression.text !== 'require' || inner.arguments.length !== 1) return undefined;
  const specifier = literalString(skipOuter(inner.arguments[0] as ts.Expression));
  return specifier === undefined ? undefined : trackedBuiltin(specifier);
}

/** `name = require(`, `name ||= (require(`: what the text assigns a `require` to, read once per file. */
const REQUIRE_ASSIGNMENT = /(?<![\w$])([\w$]+)\s*(?:=|\|\|=|\?\?=|&&=)\s*\(?\s*require$/;
const requireTargetsOf = new WeakMap<ts.SourceFile, ReadonlySet<string>>();

/**
 * Read once per file, not once per declaration: a bundle declares hundreds of bare `var`s. A name
 * spelled with escapes or non-ASCII letters is not found, which only keeps it plain (no precision).
 */
function assignsRequireInText(sourceFile: ts.SourceFile, name: string): boolean {
  return requireTargets(sourceFile).has(name);
}

function requireTargets(sourceFile: ts.SourceFile): ReadonlySet<string> {
  let targets = requireTargetsOf.get(sourceFile);
  if (targets === undefined) requireTargetsOf.set(sourceFile, (targets = findRequireTargets(sourceFile.text)));
  return targets;
}

/** Each `require` found by `indexOf`, the pattern tried only just before it: a regex over the whole text tried an identifier at every offset. */
function findRequireTargets(text: string): Set<string> {
  const targets = new Set<string>();
  for (let at = text.indexOf('require'); at !== -1; at = text.indexOf('require', at + 7)) {
    if (!/^\s*\(/.test(text.slice(at + 7, at + 40))) continue;
    const match = REQUIRE_ASSIGNMENT.exec(text.slice(Math.max(0, at - 120), at + 7));
    if (match !== null) targets.add(match[1] as string);
  }
  return targets;
}

const passesTargetIn = new WeakMap<ts.SourceFile, boolean>();

/**
 * The text passes a name it assigns a `require` to as an argument (`f(fs)`, `g(a, worker_threads)`):
 * the cheap test before module-parameters.ts reads the whole file. A name not found this way (a
 * comment between, escapes) only keeps the parameter plain.
 */
export function mayPassRequiredName(sourceFile: ts.SourceFile): boolean {
  let passes = passesTargetIn.get(sourceFile);
  if (passes === undefined) {
    const names = [...requireTargets(sourceFile)].map((name) => name.replace(/\$/g, '\\$'));
    passes = names.length > 0 && new RegExp(`[(,]\\s*(?:${names.join('|')})\\s*[,)]`).test(sourceFile.text);
    passesTargetIn.set(sourceFile, passes);
  }
  return passes;
}

export function fileWrites(sourceFile: ts.SourceFile): FileWrites {
  let writes = writesOfFile.get(sourceFile);
  if (writes === undefined) writesOfFile.set(sourceFile, (writes = collectWrites(sourceFile)));
  return writes;
}

/** `=`, `||=`, `??=`, `&&=` store their right side (or keep the old value); any other compound assignment computes one. */
export const STORING: ReadonlySet<ts.SyntaxKind> = new Set([
  tsv.SyntaxKind.EqualsToken,
  tsv.SyntaxKind.BarBarEqualsToken,
  tsv.SyntaxKind.QuestionQuestionEqualsToken,
  tsv.SyntaxKind.AmpersandAmpersandEqualsToken,
]);

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= tsv.SyntaxKind.FirstAssignment && kind <= tsv.SyntaxKind.LastAssignment;
}

/** Every write of every name in the file: declarations, assignments, `++`, loop heads, destructuring. */
function collectWrites(sourceFile: ts.SourceFile): FileWrites {
  const byName = new Map<string, Written[]>();
  const declared = new Set<string>();
  const calls = new Map<string, ts.CallExpression[]>();
  const otherReferences = new Set<string>();
  let hasWith = false;
  const add = (name: string, written: Written): void => {
    const list = byName.get(name);
    if (list === undefined) byName.set(name, [written]);
    else list.push(written);
  };
  /** Every identifier a target or pattern may write, each with an unknown value. */
  const opaqueTargets = (node: ts.Node): void => {
    if (tsv.isIdentifier(node)) return add(node.text, 'opaque');
    if (tsv.isPropertyAccessExpression(node)) return;
    if (tsv.isElementAccessExpression(node)) return;
    tsv.forEachChild(node, opaqueTargets);
  };
  const declareOpaque = (name: ts.BindingName | undefined): void => {
    if (name === undefined) return;
    if (tsv.isIdentifier(name)) {
      declared.add(name.text);
      add(name.text, 'opaque');
    } else {
      for (const element of name.elements) if (!tsv.isOmittedExpression(element)) declareOpaque(element.name);
    }
  };
  // The parent and grandparent are passed down: files parsed without parent pointers are read too.
  const visit = (node: ts.Node, parent: ts.Node, grandparent: ts.Node | undefined): void => {
    if (tsv.isVariableDeclaration(node)) {
      const inLoopHead = grandparent !== undefined && (tsv.isForInStatement(grandparent) || tsv.isForOfStatement(grandparent));
      if (tsv.isIdentifier(node.name) && !tsv.isCatchClause(parent) && !inLoopHead) {
        declared.add(node.name.text);
        add(node.name.text, node.initializer ?? 'absent');
      } else {
        declareOpaque(node.name);
      }
    } else if (tsv.isParameter(node) || tsv.isBindingElement(node)) {
      if (tsv.isIdentifier(node.name)) declareOpaque(node.name);
    } else if (tsv.isFunctionDeclaration(node) || tsv.isFunctionExpression(node) || tsv.isClassDeclaration(node) || tsv.isClassExpression(node) || tsv.isEnumDeclaration(node)) {
      if (node.name !== undefined) declareOpaque(node.name);
    } else if (tsv.isImportClause(node) || tsv.isNamespaceImport(node) || tsv.isImportSpecifier(node) || tsv.isImportEqualsDeclaration(node)) {
      if (node.name !== undefined) declareOpaque(node.name);
    } else if (tsv.isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) {
      const target = skipOuter(node.left);
      if (tsv.isIdentifier(target)) add(target.text, STORING.has(node.operatorToken.kind) ? node.right : 'opaque');
      else opaqueTargets(target);
    } else if ((tsv.isPrefixUnaryExpression(node) || tsv.isPostfixUnaryExpression(node)) && (node.operator === tsv.SyntaxKind.PlusPlusToken || node.operator === tsv.SyntaxKind.MinusMinusToken)) {
      opaqueTargets(node.operand);
    } else if ((tsv.isForInStatement(node) || tsv.isForOfStatement(node)) && !tsv.isVariableDeclarationList(node.initializer)) {
      opaqueTargets(node.initializer);
    } else if (tsv.isWithStatement(node)) {
      hasWith = true;
    } else if (tsv.isIdentifier(node) && isValueReference(node, parent)) {
      if (tsv.isCallExpression(parent) && parent.expression === node) {
        const list = calls.get(node.text);
        if (list === undefined) calls.set(node.text, [parent]);
        else list.push(parent);
      } else {
        otherReferences.add(node.text);
      }
    }
    tsv.forEachChild(node, (child) => visit(child, node, parent));
  };
  tsv.forEachChild(sourceFile, (child) => visit(child, sourceFile, undefined));
  return { byName, declared, calls, otherReferences, hasWith };
}
