import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { referenceLoadedEnvFile } from './env-file-references.js';
import { judgeDescriptorEnumeration, judgeRuntimeKeyRead } from './function-values.js';
import { checkSharedStore } from './shared-stores.js';
import { judgeSharedWriterCall } from './shared-store-writers.js';
import { prototypePatchOf, sharedPrototypeOf } from './launch-read-hooks.js';
import { builtinMemberPatchOf } from './builtin-member-patches.js';
import { replacesFoldedStringMember } from './folded-builtins.js';
import { GLOBAL_OBJECT_NAMES, classifyModule } from '../../policy/index.js';
import { codeUrlScheme, leadingText } from './code-urls.js';
import { globalName, isProcessMember, moduleLoadOf, processMemberName } from './module-loads.js';
import type { Scope } from './scope.js';
import { recordLoad } from './module-references.js';
import { isWebpackExternalRequire } from './interop-index.js';
import { EXIT_CODE_ASSIGNMENTS, TIMERS } from './node-kinds.js';
import { judgeOpenModeCall } from './open-modes.js';
import { followWorkerEntry, isWorkerConstructor } from './worker-entries.js';
import { judgeChildEntries, judgeTypedStarterCall } from './child-entries.js';
import { judgeClusterSettingsWrite } from './cluster-settings-entry.js';
import { judgeStarterValue } from './starter-values.js';
import { judgeSettingPush, judgeSettingWrite } from './launch-settings.js';
import { seenOptions } from './launch-options.js';
import { judgePoolEntries } from './pool-entries.js';
import { judgeCreateRequireCall } from './entry-path-require.js';
import { judgePathJoin, judgePathText } from './pseudo-files.js';
import { reflectiveRead } from './reflection.js';
import { judgeScriptElement } from './script-elements.js';
import { judgeConstructorPattern, judgeConstructorRead } from './constructor-reads.js';
import { judgeCallSiteFunction, judgeCallerRead } from './caller-reads.js';
import { isObjectGlobal, visitModuleAssignment } from './declarations.js';
import { visitModuleArguments } from './module-parameters.js';
import { judgeEvaluatedBuiltinAssignment, judgeEvaluatedBuiltinWriterCall } from './evaluated-builtins.js';
import { excerpt, isStringish, isZeroExitValue, memberKey, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

export function visitCall(walker: Walker, call: ts.CallExpression): void {
  const load = moduleLoadOf(call, walker.scope, GLOBAL_OBJECT_NAMES);
  if (load !== undefined) {
    recordLoad(walker, call, load, isWebpackExternalRequire(call, walker.scope));
    if (walker.mayHoldStarters) judgeStarterValue(walker, call);
    for (const argument of call.arguments) if (!load.consumed.has(argument)) walker.visit(argument, call);
    return;
  }
  judgeOpenModeCall(walker, call);
  checkPrototypeWrite(walker, call);
  if (walker.mayHoldStarters) judgeChildEntries(walker, call);
  judgeSettingPush(walker, call);
  judgeSharedWriterCall(walker, call);
  judgeEvaluatedBuiltinWriterCall(walker, call);
  judgePoolEntries(walker, call);
  judgeCreateRequireCall(walker, call);
  referenceLoadedEnvFile(walker, call);
  const callee = skipOuter(call.expression);
  checkExit(walker, call, callee);
  if (isTimer(walker, callee) && isStringish(call.arguments[0])) {
    walker.report.reach(['DYNAMIC_CODE'], call, `${callee.getText(walker.sourceFile)}('…')`, 'global');
  }
  const reflected = reflectiveRead(call, walker.scope);
  if (reflected !== undefined) judgeReflectiveRead(walker, call, reflected.target, reflected.key);
  judgeCallSiteFunction(walker, call);
  judgePathJoin(walker, call);
  judgeDescriptorEnumeration(walker, call);
  judgeScriptElement(walker, call);
  checkTypedCall(walker, call);
  // `start(worker_threads)` into a parameter proved to hold that module (module-parameters.ts).
  if (visitModuleArguments(walker, call)) return;
  walker.visitChildren(call);
}

/** A read of `target[key]` made by reflection (`Reflect.get`, a property descriptor's `value`/`get`). */
export function judgeReflectiveRead(walker: Walker, node: ts.Expression, target: ts.Expression, key: string | null): void {
  const owner = globalName(target, walker.scope, GLOBAL_OBJECT_NAMES);
  if (owner !== undefined && isObjectGlobal(owner)) return walker.globalMember(owner, key, node, walker.flowAt(node));
  if (key === 'constructor') judgeConstructorRead(walker, node, target, walker.flowAt(node));
  if (key === null) judgeRuntimeKeyRead(walker, node, target);
  if (key === 'caller') judgeCallerRead(walker, node, target, walker.flowAt(node));
}

/**
 * Typed mode: a call or `new` whose callee the syntax could not place is classified by the
 * signature it resolves to (`run: typeof exec`, `(x as FunctionConstructor)(code)`). An argument
 * that hands a capability to an `any`/`unknown` parameter is found with every other such place
 * (untyped-escapes.ts).
 */
function checkTypedCall(walker: Walker, call: ts.CallExpression | ts.NewExpression): void {
  if (walker.types === undefined) return;
  if (walker.judgedCallees.has(skipOuter(call.expression))) return;
  const resolved = walker.types.resolve(call);
  walker.reachResolved(resolved, call);
  // The file a starter runs, where only the types name the starter (child-entries.ts).
  if (ts.isCallExpression(call)) judgeTypedStarterCall(walker, call, resolved);
}

/** `process.exit(0)`, `process.exit()`, also through `.call(process, 0)` and `.apply(process, [0])`. */
function checkExit(walker: Walker, call: ts.CallExpression, callee: ts.Expression): void {
  let code: ts.Expression | undefined;
  if (isExit(callee, walker.scope)) {
    code = call.arguments[0];
  } else if (tsv.isPropertyAccessExpression(callee) && (callee.name.text === 'call' || callee.name.text === 'apply') && isExit(callee.expression, walker.scope)) {
    const second = call.arguments[1] === undefined ? undefined : skipOuter(call.arguments[1]);
    if (callee.name.text === 'call') code = second;
    else if (second === undefined || tsv.isArrayLiteralExpression(second)) code = second?.elements[0];
    else return; // `.apply(process, args)`: the code is not visible.
  } else {
    return;
  }
  if (code === undefined || isZeroExitValue(code)) reportExitZero(walker, call, call.expression);
}

/** `process.exit` or `process.reallyExit`: the callee resolved once for both names (a function, not a closure made at every call). */
function isExit(expression: ts.Expression, scope: Scope): boolean {
  const member = processMemberName(expression, scope, GLOBAL_OBJECT_NAMES);
  return member === 'exit' || member === 'reallyExit';
}

/** Exit 0 applies to every file, not only inspector files: a tki-guarded process never ends with 0 by accident. */
function reportExitZero(walker: Walker, node: ts.Node, name: ts.Node): void {
  walker.report.add('no-exit-zero', 'exitZero', 'SYSTEM', { name: excerpt(name.getText(walker.sourceFile)) }, node);
}

function isTimer(walker: Walker, callee: ts.Expression): boolean {
  const global = globalName(callee, walker.scope, GLOBAL_OBJECT_NAMES);
  if (global !== undefined) return TIMERS.has(global);
  const binding = tsv.isIdentifier(callee) ? walker.scope.lookup(callee.text) : undefined;
  if (binding?.kind === 'member') return TIMERS.has(binding.member);
  if (binding?.kind === 'global-alias') return TIMERS.has(binding.name);
  return (tsv.isPropertyAccessExpression(callee) || tsv.isElementAccessExpression(callee)) && TIMERS.has(memberKey(callee) ?? '');
}

/**
 * `new Worker(code, { eval: true })` compiles `code`, and so does a worker whose entry is a URL
 * that carries or fetches its code (`data:`, `blob:`, `http:`): the same judgement as an
 * `import()` of that URL (policy/capability-map.ts).
 */
export function visitNew(walker: Walker, node: ts.NewExpression): void {
  judgeOpenModeCall(walker, node);
  const callee = skipOuter(node.expression);
  const isWorker = isWorkerConstructor(walker, callee);
  const entry = node.arguments?.[0];
  const scheme = isWorker && entry !== undefined ? codeUrlScheme(leadingText(entry, walker.scope)) : undefined;
  if (scheme !== undefined && entry !== undefined) walker.report.reach(classifyModule(`${scheme}:`, walker.policy).capabilities, entry, `new Worker('${scheme}:…')`, 'global');
  let runsCode = false;
  if (isWorker && node.arguments?.[1] !== undefined) {
    // Options in a `const` or spread in are read too (launch-options.ts); options not seen whole are UNANALYZED where the entry is followed.
    const evalOption = seenOptions(node.arguments[1], walker.ancestors).properties.get('eval');
    runsCode = evalOption !== undefined && skipOuter(evalOption.value).kind !== ts.SyntaxKind.FalseKeyword;
    if (runsCode && evalOption !== undefined) walker.report.reach(['DYNAMIC_CODE'], evalOption.node, 'new Worker(…, { eval: true })', 'global');
  }
  // The file a worker runs is an edge of the module graph, like an import (worker-entries.ts).
  if (isWorker && entry !== undefined && scheme === undefined && !runsCode) followWorkerEntry(walker, entry, node.arguments?.[1]);
  judgePoolEntries(walker, node);
  checkTypedCall(walker, node);
  walker.visitChildren(node);
}

/** A timer used as a template tag: browsers stringify the strings array and run it as code. */
export function visitTaggedTemplate(walker: Walker, node: ts.TaggedTemplateExpression): void {
  const tag = skipOuter(node.tag);
  if (isTimer(walker, tag)) walker.report.reach(['DYNAMIC_CODE'], node, `${tag.getText(walker.sourceFile)}\`…\``, 'global');
  walker.visitChildren(node);
}

/**
 * A write to a member of `Object.prototype` (`Object.prototype.flag = 'w'`) gives every object a
 * default it never had: an options literal without `flag` then opens for writing, and any other
 * check of an option reads the planted value. A member of `Array.prototype` or `Function.prototype`
 * replaced (by any spelling: launch-read-hooks.ts) runs in every read of every array of the process,
 * the argument arrays of child processes among them (docs/choices.md 35). Where either lands cannot
 * be followed: UNANALYZED at the write, in whichever module of the program makes it.
 */
function checkPrototypeWrite(walker: Walker, node: ts.BinaryExpression | ts.CallExpression): void {
  const prototype = prototypePatchOf(node, walker.scope) ?? withPrototypeWriteOf(walker, node);
  if (prototype === undefined) return checkBuiltinMemberPatch(walker, node);
  // The globalThis polyfill (`Object.prototype.__defineGetter__('__magic__', …)`, handlebars) plants a
  // getter it deletes at once: judged only where a launch of the same file reads (launch-mutations.ts).
  if (prototype === 'Object.prototype' && tsv.isCallExpression(node) && tsv.isPropertyAccessExpression(node.expression) && node.expression.name.text.startsWith('__define')) return;
  const at = tsv.isBinaryExpression(node) ? node.left : node;
  if (prototype === 'Object.prototype') walker.report.unanalyzed(at, prototype, 'a member planted on every object (options without their own key read it, open flags among them)');
  else if (prototype === 'String.prototype') walker.report.unanalyzed(at, prototype, 'a string method the guard evaluates replaced: every module of the process whose module names or keys are folded through it (`require(\'X\'.toLowerCase())`) runs the replacement');
  else walker.report.unanalyzed(at, prototype, 'a member of a builtin prototype replaced: every module of the process that reads an array, an object or a function (a child\'s arguments among them) runs the replacement');
}

/** `with (Array.prototype) { join = f }`: a free name assigned in a `with` body is the object's member when it has one (every name a shared prototype has). */
function withPrototypeWriteOf(walker: Walker, node: ts.BinaryExpression | ts.CallExpression): string | undefined {
  if (!tsv.isBinaryExpression(node) || node.operatorToken.kind < tsv.SyntaxKind.FirstAssignment || node.operatorToken.kind > tsv.SyntaxKind.LastAssignment || !tsv.isIdentifier(skipOuter(node.left))) return undefined;
  for (let index = walker.ancestors.length - 1; index > 0; index -= 1) {
    const ancestor = walker.ancestors[index] as ts.Node;
    if (tsv.isWithStatement(ancestor) && walker.ancestors[index + 1] === ancestor.statement) {
      const prototype = sharedPrototypeOf(ancestor.expression, walker.scope);
      // `String.prototype` has few members the folder runs: another name assigned there is not one of them.
      if (prototype === 'String.prototype' && !replacesFoldedStringMember((skipOuter(node.left) as ts.Identifier).text)) continue;
      if (prototype !== undefined) return prototype;
    }
  }
  return undefined;
}

/** `Object.defineProperty(Array, Symbol.hasInstance, …)`, `String.fromCharCode = f`, `Symbol.x = 'process'`: a builtin the guard trusts replaced (builtin-member-patches.ts). */
function checkBuiltinMemberPatch(walker: Walker, node: ts.BinaryExpression | ts.CallExpression): void {
  const patch = builtinMemberPatchOf(node, walker.scope);
  if (patch === undefined) return;
  walker.report.unanalyzed(tsv.isBinaryExpression(node) ? node.left : node, patch, 'a builtin the guard trusts replaced: `instanceof` a builtin class, folded keys, module names and symbol keys read through it in every module of the process');
}

export function visitBinary(walker: Walker, node: ts.BinaryExpression): void {
  checkPrototypeWrite(walker, node);
  judgeEvaluatedBuiltinAssignment(walker, node);
  checkSharedStore(walker, node);
  judgeConstructorPattern(walker, node);
  judgeClusterSettingsWrite(walker, node);
  judgeSettingWrite(walker, node);
  if (node.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword && ts.isIdentifier(node.right) && node.right.text === 'Function') {
    // `x instanceof Function` tests a value; it compiles nothing.
    walker.visit(node.left, node);
    return;
  }
  if (node.operatorToken.kind === tsv.SyntaxKind.PlusToken) judgePathText(walker, node, walker.ancestors[walker.ancestors.length - 2] ?? node);
  const assignsExitCode = EXIT_CODE_ASSIGNMENTS.has(node.operatorToken.kind) && isProcessMember(node.left, 'exitCode', walker.scope, GLOBAL_OBJECT_NAMES);
  if (assignsExitCode && isZeroExitValue(node.right)) reportExitZero(walker, node, node.left);
  if (visitModuleAssignment(walker, node)) return;
  walker.visitChildren(node);
}
