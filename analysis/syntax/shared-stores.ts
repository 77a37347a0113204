import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES, memberCapabilities } from '../../policy/index.js';
import { STORING, fileWrites } from './assigned-modules.js';
import { carriedCapability } from './carried-capabilities.js';
import { builtinModuleOf } from './entry-path-modules.js';
import { assignedPattern, patternReferences } from './launch-pattern-targets.js';
import { trackedLoad } from './module-loads.js';
import { interopViewOf } from './interop.js';
import { judgeLoaderStateWrite } from './loader-state.js';
import { globalName, isProcessObject } from './module-loads.js';
import { PLATFORM_GLOBAL_VALUES } from './node-kinds.js';
import { excerpt, memberKey, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

/** Names a CommonJS module's wrapper declares: assigning one rebinds a parameter, not a global. */
const COMMONJS_WRAPPER_NAMES: ReadonlySet<string> = new Set(['exports', 'require', 'module', '__filename', '__dirname']);


/**
 * `Array.prototype.sh = execSync`, `globalThis.run = spawn`, `run = cp.execSync` (undeclared),
 * `process.run = …`, `require('node:util').run = …`: a capability stored where every module reads
 * it. The module that stores it may hold the capability; every module that later calls `[].sh(…)`
 * or `run(…)` then uses it under its own grants, which the store launders (a `declare global`
 * merge even types the call). The store is the flow: UNANALYZED there, whatever the storing module
 * is granted, in both modes alike (the place decides, not the type of the slot).
 */
export function checkSharedStore(walker: Walker, node: ts.BinaryExpression): void {
  // The loader's own records are a store every later `require()` reads (loader-state.ts).
  judgeLoaderStateWrite(walker, node);
  if (!STORING.has(node.operatorToken.kind)) return;
  if (assignedPattern(node) !== undefined) return judgePatternStores(walker, node);
  const target = skipOuter(node.left);
  if (tsv.isPropertyAccessExpression(target) || tsv.isElementAccessExpression(target)) {
    const builtin = builtinModuleObject(target.expression, walker);
    // `process` (global or imported) is judged by its member rows too, read or written.
    if (builtin !== undefined && builtin !== 'node:process' && node.operatorToken.kind === tsv.SyntaxKind.EqualsToken) return judgeBuiltinMemberWrite(walker, node, target, builtin);
  }
  judgeSharedStore(walker, node.left, node.left, node.right);
}

/**
 * `({ execSync: run } = cp)`, `[globalThis.run] = [cp.execSync]`, `for (run of [cp.execSync]);`:
 * every name or member a pattern or a loop head writes, with the value a literal source shows
 * there, else the whole source (fail closed), and any default on the way (`[run = cp.execSync] = []`).
 * A `for…in` head is written keys only.
 */
export function judgePatternStores(walker: Walker, node: ts.BinaryExpression | ts.ForOfStatement | ts.ForInStatement): void {
  if (tsv.isForInStatement(node)) return;
  const assigned = assignedPattern(node);
  if (assigned === undefined) return;
  const whole = tsv.isBinaryExpression(node) ? node.right : node.expression;
  for (const { target, value, defaults } of patternReferences(assigned.pattern, assigned.source)) {
    for (const written of [value ?? whole, ...defaults]) judgeSharedStore(walker, target, target, written);
  }
}

/** `target` written with `value` at `at`: UNANALYZED when the place is shared and the value carries a capability. */
export function judgeSharedStore(walker: Walker, at: ts.Node, target: ts.Expression, value: ts.Expression): void {
  const place = sharedPlaceOf(walker, target);
  if (place === undefined) return;
  const carried = carriedCapability(walker, value);
  if (carried === undefined) return;
  walker.report.unanalyzed(at, excerpt(place), `a capability (\`${excerpt(carried.getText(walker.sourceFile))}\`) stored where every module reads it: each uses it under its own grants`);
}

/**
 * The shared place a written name or member is, as a label; undefined for a place of this module's
 * own. A name no scope declares is a global (an implicit one in sloppy code; an existing one, also
 * in strict code); a member is shared when its object is (sharedObjectOf).
 */
export function sharedPlaceOf(walker: Walker, target: ts.Expression): string | undefined {
  const inner = skipOuter(target);
  if (tsv.isIdentifier(inner)) return walker.scope.lookup(inner.text) === undefined && !COMMONJS_WRAPPER_NAMES.has(inner.text) ? inner.text : undefined;
  if (!tsv.isPropertyAccessExpression(inner) && !tsv.isElementAccessExpression(inner)) return undefined;
  const owner = sharedObjectOf(walker, inner.expression);
  if (owner === undefined) return undefined;
  const key = memberKey(inner);
  return `${owner}${key === null ? '[…]' : `.${key}`}`;
}

/**
 * An object one per process that every module reaches by name: the global object, `X.prototype`
 * of a global `X`, any builtin module's object (`require('node:util')`, `fs`, an interop view) and
 * `process`. Read from the syntax in both modes (one verdict; no checker query per member write).
 */
export function sharedObjectOf(walker: Walker, base: ts.Expression): string | undefined {
  const builtin = builtinModuleObject(base, walker) ?? builtinModuleOf(base, { scope: walker.scope, ancestors: walker.ancestors });
  if (builtin !== undefined) return builtin === 'node:process' ? 'process' : builtin;
  if (isProcessObject(base, walker.scope, GLOBAL_OBJECT_NAMES)) return 'process';
  return sharedObjectName(base, walker) ?? reassignedShared(walker, base);
}

/**
 * A shared object whose own functions hand back or compute, keeping nothing they are given: a
 * builtin module's object (`util.promisify(f)`) or a global value by its name (`Object.keys(o)`,
 * `Promise.resolve(v)`, `console.log(v)`), not `process` nor the global object (whose methods keep
 * listeners). What those hand back is judged where it is stored (carried-capabilities.ts).
 */
export function isSharedNamespace(walker: Walker, base: ts.Expression): boolean {
  const builtin = builtinModuleObject(base, walker) ?? builtinModuleOf(base, { scope: walker.scope, ancestors: walker.ancestors });
  if (builtin !== undefined) return builtin !== 'node:process';
  // `path.posix.isAbsolute(p)`, `fs.promises.readFile(p)`: a builtin module's member namespace.
  const inner = skipOuter(base);
  if ((tsv.isPropertyAccessExpression(inner) || tsv.isElementAccessExpression(inner)) && isSharedNamespace(walker, inner.expression)) {
    const owner = builtinModuleObject(inner.expression, walker) ?? builtinModuleOf(inner.expression, { scope: walker.scope, ancestors: walker.ancestors });
    if (owner !== undefined) return true;
  }
  if (isProcessObject(base, walker.scope, GLOBAL_OBJECT_NAMES)) return false;
  const name = globalName(base, walker.scope, GLOBAL_OBJECT_NAMES);
  return name !== undefined && name !== 'process' && !GLOBAL_OBJECT_NAMES.includes(name) && !COMMONJS_WRAPPER_NAMES.has(name);
}

/** The name reassignedShared is reading the writes of (it does not recurse). */
let following: string | undefined;

/**
 * `let t = {}; t = Math; t.run = cp.execSync`: a `let`, `var` or parameter is any value the file
 * writes to its name (read by name over the whole file, fail closed), so one write of a shared
 * object makes its members shared. One step: a local written from another local is not followed.
 */
function reassignedShared(walker: Walker, base: ts.Expression): string | undefined {
  const inner = skipOuter(base);
  if (following !== undefined || !tsv.isIdentifier(inner) || walker.scope.lookup(inner.text)?.kind !== 'local') return undefined;
  // One step: a write's own members (`a = b.c`) are judged without following `b`'s writes again.
  following = inner.text;
  try {
    for (const written of fileWrites(walker.sourceFile).byName.get(inner.text) ?? []) {
      if (typeof written === 'string' || !isReadAnywhere(written)) continue;
      const owner = sharedObjectOf(walker, written);
      if (owner !== undefined) return owner;
    }
    return undefined;
  } finally {
    following = undefined;
  }
}

/**
 * A written value that means the same wherever the write sits: its root is a global the platform
 * defines (`Math`, `process.stdout`, `globalThis`) or a call (`require('node:fs')`). A write is read
 * at the use, not where it is written, so a name another scope declares would look undeclared here.
 */
function isReadAnywhere(written: ts.Expression): boolean {
  let root = skipOuter(written);
  while (tsv.isPropertyAccessExpression(root) || tsv.isElementAccessExpression(root)) root = skipOuter(root.expression);
  if (tsv.isCallExpression(root)) return true;
  return tsv.isIdentifier(root) && PLATFORM_GLOBAL_VALUES.has(root.text);
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
  if (!replacesCapability) return judgeSharedStore(walker, node.left, node.left, node.right);
  walker.report.unanalyzed(node.left, `${specifier}${key === null ? '[…]' : `.${key}`}`, 'a member of a builtin module replaced: every module that calls it by that name runs the replacement under its own grants');
}

/**
 * The builtin whose shared module object `base` is: a module binding (`fs`, an alias `const f = fs`,
 * `fs_1.default` through compiled interop) or a load (`require('fs')`).
 */
function builtinModuleObject(base: ts.Expression, walker: Walker): string | undefined {
  const inner = skipOuter(base);
  const view = interopViewOf(inner, walker.scope, trackedLoad);
  if (view !== undefined) return view.specifier;
  return tsv.isCallExpression(inner) ? trackedLoad(inner, walker.scope)?.tracked : undefined;
}

/**
 * What every module shares: the global object, any global value (`Math`, `JSON`, `console`,
 * `Buffer`, `URL`: one object per process, as the global object is), anything reached through a
 * member of a shared object (`X.prototype`, `process.stdout`, `globalThis.Math`), and what the
 * CommonJS wrapper's `module` and `require` lead to other than this module's own exports
 * (`module.constructor` is the Module class, `require.main.exports` the entry's exports,
 * `require.cache` every module). The place decides, so the typed mode asks the same question.
 */
function sharedObjectName(base: ts.Expression, walker: Walker): string | undefined {
  const inner = skipOuter(base);
  if (tsv.isPropertyAccessExpression(inner) || tsv.isElementAccessExpression(inner)) {
    const key = memberKey(inner);
    const label = `${key === null ? '[…]' : `.${key}`}`;
    const wrapper = wrapperNameOf(inner.expression, walker);
    if (wrapper !== undefined) return wrapper === 'module' && key === 'exports' ? undefined : `${wrapper}${label}`;
    const owner = sharedObjectOf(walker, inner.expression);
    return owner === undefined ? undefined : `${owner}${label}`;
  }
  const owner = globalName(inner, walker.scope, GLOBAL_OBJECT_NAMES);
  return owner !== undefined && !COMMONJS_WRAPPER_NAMES.has(owner) && !PRIMITIVE_GLOBALS.has(owner) ? owner : undefined;
}

/** Global names whose values are primitives: nothing can be kept in them (`f.call(undefined, cp.execSync)`). */
const PRIMITIVE_GLOBALS: ReadonlySet<string> = new Set(['undefined', 'NaN', 'Infinity']);

/** `module` or `require` of the CommonJS wrapper, or a `require` the file made (not another binding by that name). */
function wrapperNameOf(expression: ts.Expression, walker: Walker): string | undefined {
  const inner = skipOuter(expression);
  if (!tsv.isIdentifier(inner)) return undefined;
  const binding = walker.scope.lookup(inner.text);
  // `createRequire(…)`'s function shares `cache` and `main` with every module's `require`.
  if (binding?.kind === 'require') return 'require';
  return binding === undefined && (inner.text === 'module' || inner.text === 'require') ? inner.text : undefined;
}
