import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES, LOADER_NAMES, canonicalBuiltin, classifyModule, globalValueCapabilities, memberCapabilities, type Capability } from '../../policy/index.js';
import { valueCandidates } from './alias-values.js';
import { STORING } from './assigned-modules.js';
import { constantKey } from './constants.js';
import { declarationOf } from './entry-path-consts.js';
import { namedMemberOf, namedModuleOf, type NameContext } from './entry-path-modules.js';
import { globalName, processMemberName } from './module-loads.js';
import { skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

/** Literals, calls and functions nested this deep are looked into. */
const MAX_DEPTH = 6;

/** Every module under its canonical name: builtins as `node:x`, packages and local files as written. */
const anyModule = (specifier: string): string => canonicalBuiltin(specifier) ?? specifier;

/** A package the policy does not list is judged at its import; it carries nothing known from there on. */
const bears = (capabilities: readonly Capability[]): boolean => capabilities.some((capability) => capability !== 'UNKNOWN_PACKAGE');

/**
 * The capability-bearing value a stored value holds, as written (undefined: none the syntax or the
 * types place): a capability module or one of its members (`cp`, `cp.execSync`, `require('node:fs')`,
 * a `const` holding one), a capability global (`fetch`, `process`, `require`), or in typed mode what
 * its declaration is. Looked for through choices of values, assignments, object and array literals
 * (spreads, accessors, methods), `.bind` and what a function returns (a getter hands out its
 * value). Asked where the destination decides, not the type of the slot (shared-stores.ts), so
 * both modes give one answer.
 */
export function carriedCapability(walker: Walker, value: ts.Expression, depth = 0): ts.Expression | undefined {
  if (depth > MAX_DEPTH) return undefined;
  for (const candidate of valueCandidates(value)) {
    const carried = carriedBy(walker, candidate, depth);
    if (carried !== undefined) return carried;
  }
  return undefined;
}

function carriedBy(walker: Walker, node: ts.Expression, depth: number): ts.Expression | undefined {
  if (ts.isObjectLiteralExpression(node)) return firstCarried(node.properties, (property) => carriedByProperty(walker, property, depth));
  if (ts.isArrayLiteralExpression(node)) return firstCarried(node.elements, (element) => carriedCapability(walker, ts.isSpreadElement(element) ? element.expression : element, depth + 1));
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return returnedCapability(walker, node, depth);
  if (ts.isClassExpression(node)) return classCarried(walker, node, depth);
  if (ts.isBinaryExpression(node) && STORING.has(node.operatorToken.kind)) return carriedCapability(walker, node.right, depth + 1);
  if (ts.isAwaitExpression(node)) return carriedCapability(walker, node.expression, depth + 1);
  if (isCapabilityReference(walker, node)) return node;
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) return callCarried(walker, node, depth);
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return memberCarried(walker, node, depth);
  return ts.isIdentifier(node) ? declaredCarried(walker, node, depth) : undefined;
}

/**
 * What a call or construction may hand out (fail closed): a function value called hands out what
 * it returns (`(() => cp.execSync)()`, `pick()`, a generator's `.next()`), a method of a carrying
 * object may hand it back (`[cp.execSync].at(0)`, `.bind(null)`), and a function handed a
 * capability may keep it in its result (`new Map([['r', cp.execSync]])`, `Promise.resolve(cp)`,
 * `Reflect.get(cp, 'execSync')`, `Object.entries(cp)`, `new Proxy(cp, {})`). A capability called
 * (`cp.execSync('ls')`, `fs.readFileSync(p)`) is judged at that call: its result is its output.
 */
function callCarried(walker: Walker, call: ts.CallExpression | ts.NewExpression, depth: number): ts.Expression | undefined {
  const callee = skipOuter(call.expression);
  // `cp.execSync.bind(null)` is the same function.
  const bound = (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) && constantKey(callee, walker.scope) === 'bind';
  if (bound) return carriedCapability(walker, callee.expression, depth + 1);
  if (isNamedCapability(walker, callee)) return undefined;
  const byCallee = carriedCapability(walker, callee, depth + 1);
  if (byCallee !== undefined) return byCallee;
  return firstCarried(call.arguments ?? [], (argument) => carriedCapability(walker, ts.isSpreadElement(argument) ? argument.expression : argument, depth + 1));
}

/**
 * A member of a carrying value may be the capability (`tools[0]`, a descriptor's `.value`, an
 * iterator result's `.value`). A member of a capability itself is judged as its own name
 * (`cp.execSync` by its row, `process.env` by process's, `cp.execSync.name` is data).
 */
function memberCarried(walker: Walker, access: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): ts.Expression | undefined {
  const object = skipOuter(access.expression);
  return isCapabilityReference(walker, object) ? undefined : carriedCapability(walker, object, depth + 1);
}

/**
 * A local name carries what its declaration holds: a `const`, `let` or `var` its initializer
 * (`const tools = [cp.execSync]`), a function declaration what it returns, a class what its
 * members hold. A parameter or an import the rules above did not name is not followed.
 */
function declaredCarried(walker: Walker, identifier: ts.Identifier, depth: number): ts.Expression | undefined {
  // A global or an alias of one (`const g = globalThis || global`) is judged by its name, members too.
  const binding = walker.scope.lookup(identifier.text);
  if (binding === undefined || binding.kind === 'global-alias') return undefined;
  const declared = declarationOf(identifier, walker.ancestors, true);
  if (declared?.kind === 'const') return carriedCapability(walker, declared.initializer, depth + 1);
  if (declared?.kind !== 'declared') return undefined;
  return ts.isFunctionDeclaration(declared.node) ? returnedCapability(walker, declared.node, depth) : classCarried(walker, declared.node, depth);
}

/** A class value hands out what its members hold: `class { static run = cp.execSync }`, a method or getter that returns one. */
function classCarried(walker: Walker, node: ts.ClassLikeDeclaration, depth: number): ts.Expression | undefined {
  return firstCarried(node.members, (member) => {
    if (ts.isPropertyDeclaration(member)) return member.initializer === undefined ? undefined : carriedCapability(walker, member.initializer, depth + 1);
    return ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member) ? returnedCapability(walker, member, depth) : undefined;
  });
}

function carriedByProperty(walker: Walker, property: ts.ObjectLiteralElementLike, depth: number): ts.Expression | undefined {
  if (ts.isPropertyAssignment(property)) return carriedCapability(walker, property.initializer, depth + 1);
  if (ts.isShorthandPropertyAssignment(property)) return carriedCapability(walker, property.name, depth + 1);
  if (ts.isSpreadAssignment(property)) return carriedCapability(walker, property.expression, depth + 1);
  // `{ get run() { return cp.execSync } }`, `{ run() { return cp } }`: what reading or calling it hands out.
  return ts.isGetAccessorDeclaration(property) || ts.isMethodDeclaration(property) ? returnedCapability(walker, property, depth) : undefined;
}

/** What a function hands out: its expression body, or the value of a `return` or `yield` of its own (not of a nested function). */
function returnedCapability(walker: Walker, fn: ts.FunctionLikeDeclaration, depth: number): ts.Expression | undefined {
  const body = fn.body;
  if (body === undefined) return undefined;
  if (!ts.isBlock(body)) return carriedCapability(walker, body, depth + 1);
  let carried: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (carried !== undefined || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if ((ts.isReturnStatement(node) || ts.isYieldExpression(node)) && node.expression !== undefined) carried = carriedCapability(walker, node.expression, depth + 1);
    else ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return carried;
}

function firstCarried<T>(items: readonly T[], carriedOf: (item: T) => ts.Expression | undefined): ts.Expression | undefined {
  for (const item of items) {
    const carried = carriedOf(item);
    if (carried !== undefined) return carried;
  }
  return undefined;
}

/** A name, member or load that is a capability by itself, by its name or (typed mode) by its declaration. */
function isCapabilityReference(walker: Walker, node: ts.Expression): boolean {
  if (isNamedCapability(walker, node)) return true;
  // A name no scope declares is a global: its own name decides (`Map` is no capability).
  if (ts.isIdentifier(node) && walker.scope.lookup(node.text) === undefined) return false;
  // A member the syntax names is judged by the policy's row for it, in both modes: `process.pid` is
  // data and `process.exit` no capability, whatever the types say of `process` (round 19 look-alikes).
  if (isNamedMember(walker, node)) return false;
  return (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && walker.types?.capabilityValue(node) !== undefined;
}

/**
 * A name, member or load the syntax names as a capability. Only such a callee's result is its
 * output (`cp.execSync('ls')`): a function the types relate to a capability (`Reflect.get`) may
 * hand back what it is given.
 */
function isNamedCapability(walker: Walker, node: ts.Expression): boolean {
  const context: NameContext = { scope: walker.scope, ancestors: walker.ancestors };
  if (ts.isIdentifier(node)) {
    const binding = walker.scope.lookup(node.text);
    if (binding === undefined) return isCapabilityGlobal(node.text);
    if (binding.kind === 'require') return true;
    if (binding.kind === 'global-alias') return isCapabilityGlobal(binding.name);
  }
  const module = namedModuleOf(node, context, anyModule);
  if (module !== undefined) return bears(classifyModule(module, walker.policy).capabilities);
  const member = namedMemberOf(node, context, anyModule);
  if (member !== undefined) return bears(member.member === null ? classifyModule(member.specifier, walker.policy).capabilities : memberCapabilities(member.specifier, member.member, walker.policy));
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const processMember = processMemberName(node, walker.scope, GLOBAL_OBJECT_NAMES);
    if (processMember !== undefined) return bears(memberCapabilities('node:process', processMember, walker.policy));
    // `globalThis.fetch`, `window.eval`: a capability global read off the global object.
    const global = globalName(node, walker.scope, GLOBAL_OBJECT_NAMES);
    if (global !== undefined && isCapabilityGlobal(global)) return true;
  }
  return false;
}

/** A member of `process` or of a module the syntax names: the policy has its answer (isNamedCapability). */
function isNamedMember(walker: Walker, node: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) return false;
  if (processMemberName(node, walker.scope, GLOBAL_OBJECT_NAMES) !== undefined) return true;
  return namedMemberOf(node, { scope: walker.scope, ancestors: walker.ancestors }, anyModule) !== undefined;
}

function isCapabilityGlobal(name: string): boolean {
  return bears(globalValueCapabilities(name) ?? []) || LOADER_NAMES.includes(name) || name === 'eval';
}
