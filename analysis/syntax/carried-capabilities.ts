import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES, LOADER_NAMES, canonicalBuiltin, classifyModule, globalValueCapabilities, memberCapabilities, type Capability } from '../../policy/index.js';
import { valueCandidates } from './alias-values.js';
import { STORING } from './assigned-modules.js';
import { constantKey } from './constants.js';
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
  if (ts.isBinaryExpression(node) && STORING.has(node.operatorToken.kind)) return carriedCapability(walker, node.right, depth + 1);
  if (ts.isCallExpression(node)) {
    // `cp.execSync.bind(null)` is the same function; any other call's result is the types' to say.
    const callee = skipOuter(node.expression);
    const bound = (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) && constantKey(callee, walker.scope) === 'bind';
    if (bound) return carriedCapability(walker, callee.expression, depth + 1);
  }
  return isCapabilityReference(walker, node) ? node : undefined;
}

function carriedByProperty(walker: Walker, property: ts.ObjectLiteralElementLike, depth: number): ts.Expression | undefined {
  if (ts.isPropertyAssignment(property)) return carriedCapability(walker, property.initializer, depth + 1);
  if (ts.isShorthandPropertyAssignment(property)) return carriedCapability(walker, property.name, depth + 1);
  if (ts.isSpreadAssignment(property)) return carriedCapability(walker, property.expression, depth + 1);
  // `{ get run() { return cp.execSync } }`, `{ run() { return cp } }`: what reading or calling it hands out.
  return ts.isGetAccessorDeclaration(property) || ts.isMethodDeclaration(property) ? returnedCapability(walker, property, depth) : undefined;
}

/** What a function hands out: its expression body, or the value of a `return` of its own (not of a nested function). */
function returnedCapability(walker: Walker, fn: ts.FunctionLikeDeclaration, depth: number): ts.Expression | undefined {
  const body = fn.body;
  if (body === undefined) return undefined;
  if (!ts.isBlock(body)) return carriedCapability(walker, body, depth + 1);
  let carried: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (carried !== undefined || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression !== undefined) carried = carriedCapability(walker, node.expression, depth + 1);
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

/** A name, member or load that is a capability by itself. */
function isCapabilityReference(walker: Walker, node: ts.Expression): boolean {
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
  return (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && walker.types?.capabilityValue(node) !== undefined;
}

function isCapabilityGlobal(name: string): boolean {
  return bears(globalValueCapabilities(name) ?? []) || LOADER_NAMES.includes(name) || name === 'eval';
}
