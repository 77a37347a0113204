import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES, LOADER_NAMES, hasGlobalMemberRows } from '../../policy/index.js';
import { globalName, isCreateRequire, moduleLoadOf, requireFunction, trackedBuiltin, trackedLoad, type ModuleLoad } from './module-loads.js';
import { isJudgedAtUse, recordLoad } from './module-references.js';
import { FUNCTION, LOCAL, type Binding, type Scope } from './scope.js';
import { consumeInteropInitializer, consumeView, interopViewOf } from './interop.js';
import { memberBinding } from './scope-declarations.js';
import { constantKey, constantString } from './constants.js';
import { reflectiveRead } from './reflection.js';
import { aliasedGlobal, chosenGlobal, valueCandidates } from './alias-values.js';
import { destructuresCaller, judgeCallerRead } from './caller-reads.js';
import { isFunctionValue, literalString, propertyNameText, skipAwait, skipOuter } from './syntax.js';
import { isOnlyTestedCapability, isUnreferenced } from './tested-only.js';
import { STORING, assignedModule } from './assigned-modules.js';
import { isExportedDeclaration } from './exported-declarations.js';
import { storedOpenMemberBinding } from './stored-open-members.js';
import type { Walker } from './walker.js';

/**
 * What a variable declaration binds, decided once when its scope is entered: special bindings
 * only (plain locals are already declared). `const { exit } = process` binds `exit` as the
 * member of `node:process`, so `exit(0)` is still seen.
 */
export function bindingsOf(declaration: ts.VariableDeclaration, isConst: boolean, scope: Scope): Array<readonly [string, Binding]> {
  if (tsv.isIdentifier(declaration.name)) return [[declaration.name.text, bindingOf(declaration, isConst, scope)]];
  const initializer = declaration.initializer === undefined ? undefined : skipAwait(declaration.initializer);
  if (initializer === undefined || !tsv.isObjectBindingPattern(declaration.name)) return [];
  const specifier = destructuredBuiltin(initializer, scope);
  if (GLOBAL_OBJECT_NAMES.includes(aliasedGlobal(initializer, scope) ?? '')) return globalAliases(declaration.name, scope);
  if (specifier === undefined) return constructorBindings(declaration.name, scope);
  const bindings: Array<readonly [string, Binding]> = [];
  for (const element of declaration.name.elements) {
    const member = element.dotDotDotToken === undefined ? propertyNameText(element.propertyName ?? element.name) : null;
    if (member !== null && tsv.isIdentifier(element.name)) bindings.push([element.name.text, memberBinding(specifier, member, element)]);
  }
  return bindings;
}

/** The builtin whose members a destructuring takes: `process`, a module binding, or a loaded builtin. */
function destructuredBuiltin(initializer: ts.Expression, scope: Scope): string | undefined {
  if (aliasedGlobal(initializer, scope) === 'process') return 'node:process';
  const binding = tsv.isIdentifier(initializer) ? scope.lookup(initializer.text) : undefined;
  if (binding?.kind === 'module') return binding.specifier;
  return tsv.isCallExpression(initializer) ? (trackedLoad(initializer, scope)?.tracked ?? interopViewOf(initializer, scope, trackedLoad)?.specifier) : interopViewOf(initializer, scope, trackedLoad)?.specifier;
}

/** `const { setTimeout: later } = globalThis` binds each key's global under its local name. */
function globalAliases(pattern: ts.ObjectBindingPattern, scope: Scope): Array<readonly [string, Binding]> {
  const bindings: Array<readonly [string, Binding]> = [];
  for (const element of pattern.elements) {
    const key = element.dotDotDotToken !== undefined ? null : element.propertyName !== undefined && tsv.isComputedPropertyName(element.propertyName) ? (constantString(element.propertyName.expression, scope) ?? null) : propertyNameText(element.propertyName ?? element.name);
    if (key !== null && tsv.isIdentifier(element.name)) bindings.push([element.name.text, { kind: 'global-alias', name: key }]);
  }
  return bindings;
}

/** `const { constructor: C } = x` binds a possible `Function`, judged where `C` is used. */
function constructorBindings(pattern: ts.ObjectBindingPattern, scope: Scope): Array<readonly [string, Binding]> {
  const bindings: Array<readonly [string, Binding]> = [];
  for (const element of pattern.elements) {
    const key = element.propertyName === undefined ? propertyNameText(element.name) : tsv.isComputedPropertyName(element.propertyName) ? (constantString(element.propertyName.expression, scope) ?? null) : propertyNameText(element.propertyName);
    if (key === 'constructor' && tsv.isIdentifier(element.name)) bindings.push([element.name.text, { kind: 'constructor', exempt: false }]);
  }
  return bindings;
}

function isConstructorRead(expression: ts.Expression, scope: Scope): boolean {
  const inner = skipAwait(expression);
  if (reflectiveRead(inner, scope)?.key === 'constructor') return true;
  return (tsv.isPropertyAccessExpression(inner) || tsv.isElementAccessExpression(inner)) && constantKey(inner, scope) === 'constructor';
}

function bindingOf(declaration: ts.VariableDeclaration, isConst: boolean, scope: Scope): Binding {
  const written = declaration.initializer;
  // `var fs; try { fs = require('fs') } catch {}`: a module bound by its assignments (assigned-modules.ts).
  const assigned = isConst ? undefined : assignedModule(declaration, scope);
  if (assigned !== undefined) return { kind: 'module', specifier: assigned, declaration, used: false };
  if (written === undefined) return LOCAL;
  const initializer = skipAwait(written);
  if (isFunctionValue(initializer)) return FUNCTION;
  // `const F = make.constructor || null`: the read is one of the values `F` may hold (alias-values.ts).
  if (isConst && valueCandidates(initializer).some((candidate) => isConstructorRead(candidate, scope))) return { kind: 'constructor', exempt: false };
  // Compiled interop (`__importStar(require("fs"))`, `require$$0.default`): a view of the module (interop.ts).
  const view = interopViewOf(initializer, scope, trackedLoad);
  if (view !== undefined) return { kind: 'module', specifier: view.specifier, declaration, used: false };
  if (tsv.isCallExpression(initializer)) {
    if (isCreateRequire(initializer.expression, scope)) return { kind: 'require', via: 'create-require', declaration };
    const loaded = trackedLoad(initializer, scope);
    if (loaded !== undefined) return { kind: 'module', specifier: loaded.tracked, declaration, used: false };
    // `const key = ['constr', 'uctor'].join('')`: a call constants.ts may fold.
    return isConst ? { kind: 'const', initializer: written, scope } : LOCAL;
  }
  const via = requireFunction(initializer, scope, GLOBAL_OBJECT_NAMES);
  if (via !== undefined) return { kind: 'require', via, declaration };
  // `const later = setTimeout`: the global under another name (its own use was judged at the alias); `var self = this` in sloppy code.
  const global = tsv.isIdentifier(initializer) || tsv.isPropertyAccessExpression(initializer) || tsv.isElementAccessExpression(initializer) || initializer.kind === tsv.SyntaxKind.ThisKeyword ? globalName(initializer, scope, GLOBAL_OBJECT_NAMES) : undefined;
  if (global !== undefined) return { kind: 'global-alias', name: global };
  // `p = process || {}`, lodash's `freeGlobal = typeof global == 'object' && global && … && global` (alias-values.ts).
  const chosen = chosenGlobal(initializer, scope);
  if (chosen !== undefined) return { kind: 'global-alias', name: chosen };
  // `var readFileSync = opts.readFileSync || fs.readFileSync`: judged at each call by its flags (stored-open-members.ts).
  const stored = storedOpenMemberBinding(declaration, scope);
  if (stored !== undefined) return stored;
  // Kept for open flags: `const OPEN_FLAGS = constants.O_RDONLY | …` is read where it is passed.
  return isConst ? { kind: 'const', initializer: written, scope } : LOCAL;
}

/** `dynamicRequire(module, 'module')` (require-wrappers.ts): the arguments a load does not consume are still handed to a function. */
export function visitHandedArguments(walker: Walker, call: ts.CallExpression, load: ModuleLoad): void {
  if (tsv.isIdentifier(skipOuter(call.expression))) for (const argument of call.arguments) if (!load.consumed.has(argument)) walker.visit(argument, call);
}

export function visitVariable(walker: Walker, declaration: ts.VariableDeclaration): void {
  const initializer = declaration.initializer === undefined ? undefined : skipAwait(declaration.initializer);
  if (initializer === undefined) return walker.visitChildren(declaration);
  if (tsv.isIdentifier(declaration.name)) {
    const binding = walker.scope.lookup(declaration.name.text);
    if (binding?.kind === 'module' && binding.declaration === declaration && consumeInteropInitializer(walker, initializer, trackedLoad)) return;
    if (binding?.kind === 'module' && binding.declaration === declaration && tsv.isCallExpression(initializer)) {
      const load = moduleLoadOf(initializer, walker.scope, GLOBAL_OBJECT_NAMES);
      if (load === undefined) return walker.visitChildren(declaration);
      recordLoad(walker, initializer, load, true);
      return visitHandedArguments(walker, initializer, load);
    }
    // `const r = require`: the alias is followed, and the reference itself is UNANALYZED where it is visited.
    return walker.visitChildren(declaration);
  }
  if (tsv.isObjectBindingPattern(declaration.name)) return visitDestructuring(walker, declaration.name, initializer, declaration);
  walker.visitChildren(declaration);
}

/**
 * `fs = require('fs')` into a module binding of that same builtin loads what the binding already
 * names: the load is recorded as bound, and its members are judged where they are used. The
 * target itself is written, not read, so a module binding on the left is no use of the module
 * (`fs = null` hands it to nothing). True when the assignment was judged here.
 */
export function visitModuleAssignment(walker: Walker, node: ts.BinaryExpression): boolean {
  if (!STORING.has(node.operatorToken.kind)) return false;
  const target = skipOuter(node.left);
  const binding = tsv.isIdentifier(target) ? walker.scope.lookup(target.text) : undefined;
  if (binding?.kind !== 'module') return false;
  const value = skipAwait(node.right);
  const loaded = tsv.isCallExpression(value) ? trackedLoad(value, walker.scope) : undefined;
  if (loaded === undefined || loaded.tracked !== binding.specifier) {
    walker.visit(node.right, node);
    return true;
  }
  recordLoad(walker, value as ts.CallExpression, loaded.load, true);
  visitHandedArguments(walker, value as ts.CallExpression, loaded.load);
  return true;
}


/** `const { env } = process`, `const { readFileSync } = require('fs')`, `const { fetch } = globalThis`. */
function visitDestructuring(walker: Walker, pattern: ts.ObjectBindingPattern, initializer: ts.Expression, declaration: ts.VariableDeclaration): void {
  const classify = memberClassifier(walker, initializer);
  // `const { env } = typeof process === 'undefined' ? {} : process`: the other choices are code of their own.
  if (classify !== undefined && chosenGlobal(initializer, walker.scope) !== undefined) walker.visit(declaration.initializer ?? initializer, declaration);
  if (classify === undefined) {
    const caller = destructuresCaller(pattern, walker.scope);
    if (caller !== undefined) judgeCallerRead(walker, caller, initializer, { kind: 'flows' });
    return walker.visitChildren(declaration);
  }
  for (const element of pattern.elements) {
    const key = element.dotDotDotToken !== undefined ? null : propertyNameText(element.propertyName ?? element.name);
    classify(key, element);
    if (element.propertyName !== undefined && tsv.isComputedPropertyName(element.propertyName)) walker.visit(element.propertyName, element);
    if (element.initializer !== undefined) walker.visit(element.initializer, element);
  }
}

/** How to judge each destructured key of `initializer`; undefined when it is nothing we follow. */
function memberClassifier(walker: Walker, initializer: ts.Expression): ((key: string | null, element: ts.BindingElement) => void) | undefined {
  const owner = globalName(initializer, walker.scope, GLOBAL_OBJECT_NAMES) ?? chosenGlobal(initializer, walker.scope);
  if (owner !== undefined && isObjectGlobal(owner)) {
    // A destructured member is a stored value: it flows.
    return (key, element) => walker.globalMember(owner, key, element, { kind: 'flows' });
  }
  const byKey = (specifier: string) => (key: string | null, element: ts.BindingElement) => {
    if (key === null) return walker.reachModule(specifier, element, 'computed destructuring');
    if (!tsv.isIdentifier(element.name) || !(isJudgedAtUse(walker, element.name.text, element) || isOnlyTestedCapability(walker, specifier, key, element.name.text) || isUnusedLocal(walker, element.name.text, element))) walker.reachMember(specifier, key, element);
  };
  const binding = tsv.isIdentifier(initializer) ? walker.scope.lookup(initializer.text) : undefined;
  if (binding?.kind === 'module') {
    binding.used = true;
    return byKey(binding.specifier);
  }
  const loaded = tsv.isCallExpression(initializer) ? trackedLoad(initializer, walker.scope) : undefined;
  if (loaded !== undefined && tsv.isCallExpression(initializer)) {
    recordLoad(walker, initializer, loaded.load, true);
    return byKey(loaded.tracked);
  }
  const view = interopViewOf(initializer, walker.scope, trackedLoad);
  if (view !== undefined) consumeView(walker, view);
  return view === undefined ? undefined : byKey(view.specifier);
}

/** `const { exec } = require('child_process')` nothing uses (nor exports) reaches nothing, as an unused import does (choice 34). */
function isUnusedLocal(walker: Walker, name: string, element: ts.BindingElement): boolean {
  return isUnreferenced(walker.sourceFile, name) && !isExportedDeclaration(element, walker.sourceFile);
}

/** Globals whose members are judged one by one: the global object, `process`, the loader, and globals with member rows. */
export function isObjectGlobal(name: string): boolean {
  return name === 'process' || GLOBAL_OBJECT_NAMES.includes(name) || LOADER_NAMES.includes(name) || hasGlobalMemberRows(name);
}
