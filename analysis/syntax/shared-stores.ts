import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES, classifyModule, globalValueCapabilities, memberCapabilities } from '../../policy/index.js';
import { trackedLoad } from './module-loads.js';
import { interopViewOf } from './interop.js';
import { judgeLoaderStateWrite } from './loader-state.js';
import { globalName } from './module-loads.js';
import { memberKey, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

/**
 * `Array.prototype.sh = execSync`, `globalThis.run = spawn`: a capability stored where every module
 * reads it (a builtin's prototype, the global object). The module that stores it may hold the
 * capability; every module that later calls `[].sh(…)` or `run(…)` then uses it under its own grants,
 * which the store launders (a `declare global` merge even types the call). The store is the flow:
 * UNANALYZED there, whatever the storing module is granted.
 */
export function checkSharedStore(walker: Walker, node: ts.BinaryExpression): void {
  // The loader's own records are a store every later `require()` reads (loader-state.ts).
  judgeLoaderStateWrite(walker, node);
  if (node.operatorToken.kind !== tsv.SyntaxKind.EqualsToken) return;
  const target = skipOuter(node.left);
  if (!tsv.isPropertyAccessExpression(target) && !tsv.isElementAccessExpression(target)) return;
  const builtin = builtinModuleObject(target.expression, walker);
  // `process` (global or imported) is judged by its member rows, read or written.
  if (builtin !== undefined && builtin !== 'node:process') return judgeBuiltinMemberWrite(walker, node, target, builtin);
  const shared = sharedObjectName(target.expression, walker);
  if (shared === undefined || !isCapabilityValue(walker, node.right)) return;
  walker.report.unanalyzed(node.left, shared, 'a capability stored on a builtin prototype or the global object reaches every module that reads it, under that module\'s grants');
}

/**
 * `fs.readFileSync = fs.writeFileSync`: a builtin module's object is one per process, so every
 * module that later calls `readFileSync` (by name, through its own import) runs the replacement,
 * judged by the name it calls. Replacing a member the table gives a capability (whatever the new
 * value), a computed member, or storing a capability on any member launders it: UNANALYZED at the
 * write, whatever the writing module is granted. Settings with no capability (`events.defaultMaxListeners = 20`)
 * stay clean.
 */
function judgeBuiltinMemberWrite(walker: Walker, node: ts.BinaryExpression, target: ts.PropertyAccessExpression | ts.ElementAccessExpression, specifier: string): void {
  const key = memberKey(target);
  const replacesCapability = key === null || memberCapabilities(specifier, key, walker.policy).length > 0;
  if (!replacesCapability && !isCapabilityValue(walker, node.right)) return;
  walker.report.unanalyzed(node.left, `${specifier}${key === null ? '[…]' : `.${key}`}`, 'a member of a builtin module replaced: every module that calls it by that name runs the replacement under its own grants');
}

/**
 * The builtin whose shared module object `base` is: a module binding (`fs`, an alias `const f = fs`,
 * `fs_1.default` through compiled interop) or a load (`require('fs')`). Read from the syntax in both
 * modes (one verdict; no checker query per member assignment).
 */
function builtinModuleObject(base: ts.Expression, walker: Walker): string | undefined {
  const inner = skipOuter(base);
  const view = interopViewOf(inner, walker.scope, trackedLoad);
  if (view !== undefined) return view.specifier;
  return tsv.isCallExpression(inner) ? trackedLoad(inner, walker.scope)?.tracked : undefined;
}

/** `X.prototype` of a global `X`, or a name of the global object: what every module shares. */
function sharedObjectName(base: ts.Expression, walker: Walker): string | undefined {
  const inner = skipOuter(base);
  if ((tsv.isPropertyAccessExpression(inner) || tsv.isElementAccessExpression(inner)) && memberKey(inner) === 'prototype') {
    const owner = globalName(inner.expression, walker.scope, GLOBAL_OBJECT_NAMES);
    return owner === undefined ? undefined : `${owner}.prototype`;
  }
  const owner = globalName(inner, walker.scope, GLOBAL_OBJECT_NAMES);
  return owner !== undefined && GLOBAL_OBJECT_NAMES.includes(owner) ? owner : undefined;
}

/** A value that is a capability: an import of a capability module or member, a capability global, or (typed) what its declaration says. */
function isCapabilityValue(walker: Walker, value: ts.Expression): boolean {
  const inner = skipOuter(value);
  if (tsv.isIdentifier(inner)) {
    const binding = walker.scope.lookup(inner.text);
    if (binding === undefined) return (globalValueCapabilities(inner.text)?.length ?? 0) > 0 || inner.text === 'require' || inner.text === 'eval';
    if (binding.kind === 'module') return classifyModule(binding.specifier, walker.policy).capabilities.length > 0;
    if (binding.kind === 'member' || binding.kind === 'flag-sensitive') return memberCapabilities(binding.specifier, binding.member, walker.policy).length > 0;
    if (binding.kind === 'require') return true;
  }
  return walker.types?.capabilityValue(inner) !== undefined;
}
