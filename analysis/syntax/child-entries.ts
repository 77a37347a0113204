import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { constantKey } from './constants.js';
import { globalName } from './module-loads.js';
import { argumentsOf, followLaunchOptions, followNodeArguments, partsOf, UNKNOWN_ARGUMENT, workingDirectoryOf, type ArgumentList, type NodeArgument } from './child-entries-args.js';
import { followCommandLine, nodeArgumentsAfter } from './child-entries-shell.js';
import { builtinMemberOf, type BuiltinMember } from './entry-path-modules.js';
import { excerpt, propertyNameText, skipOuter } from './syntax.js';
import { mayNameBuiltin } from './text-mentions.js';
import type { Walker } from './walker.js';
import { followProgramEntry } from './worker-entries.js';

/** Members of `node:child_process` that start a program given as (command, args, options). */
const COMMAND_STARTERS = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync']);
/** Members that run a command line through a shell. */
const SHELL_STARTERS = new Set(['exec', 'execSync']);
/** Members of `node:cluster` that name the file its workers run. */
const CLUSTER_SETUP = new Set(['setupPrimary', 'setupMaster']);

/** A starter and the arguments it receives: `cp.fork.call(cp, file)` passes `file` first; `.apply(cp, list)` passes the list's elements (undefined: not written out). */
interface StarterCall {
  readonly member: BuiltinMember;
  readonly args: readonly ts.Expression[] | undefined;
}

function starterCall(walker: Walker, call: ts.CallExpression): StarterCall | undefined {
  const context = { scope: walker.scope, ancestors: walker.ancestors };
  const callee = skipOuter(call.expression);
  const member = builtinMemberOf(callee, context);
  if (member !== undefined) return { member, args: call.arguments };
  if (isReflectApply(walker, callee)) {
    const target = call.arguments[0] === undefined ? undefined : builtinMemberOf(call.arguments[0], context);
    return target === undefined ? undefined : { member: target, args: writtenList(call.arguments[2]) };
  }
  if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'call' && callee.name.text !== 'apply')) return undefined;
  const target = builtinMemberOf(callee.expression, context);
  if (target === undefined) return undefined;
  if (callee.name.text === 'call') return { member: target, args: call.arguments.slice(1) };
  return { member: target, args: writtenList(call.arguments[1]) };
}

/** The elements of an argument list written out as an array literal without spreads. */
function writtenList(list: ts.Expression | undefined): readonly ts.Expression[] | undefined {
  const inner = list === undefined ? undefined : skipOuter(list);
  return inner !== undefined && ts.isArrayLiteralExpression(inner) && !inner.elements.some((element) => ts.isSpreadElement(element)) ? inner.elements : undefined;
}

/** `Reflect.apply` (the global, unshadowed). */
function isReflectApply(walker: Walker, callee: ts.Expression): boolean {
  return (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) && constantKey(callee, walker.scope) === 'apply' && globalName(callee.expression, walker.scope, GLOBAL_OBJECT_NAMES) === 'Reflect';
}

/**
 * A Node child that runs a file of the program: `fork(file)`; `spawn`/`spawnSync`/`execFile`/
 * `execFileSync` of `process.execPath` or `'node'` with `[...nodeOptions, file, ...args]`; a
 * shell command line that starts Node (`exec('node x.js')`); `cluster.setupPrimary({ exec })`.
 * Every spelling of the member counts (entry-path-modules.ts): `cp.fork`, `cp['fork']`,
 * `(0, cp.fork)(…)`, `cp.fork.call(cp, …)`, renamed and destructured. Each file, and each
 * preload (`-r`/`--import`, in the arguments, `execArgv` or `NODE_OPTIONS`), is an edge of the
 * module graph, as a Worker entry is (worker-entries.ts); where the file cannot be placed,
 * UNANALYZED at the call.
 */
export function judgeChildEntries(walker: Walker, call: ts.CallExpression): void {
  // Both builtins are named by a literal specifier somewhere in the file (an import, a `require`, an interop view): text-mentions.ts.
  if (!mayStartChildren(walker.sourceFile)) return;
  const starter = starterCall(walker, call);
  if (starter === undefined) return;
  const { member, args } = starter;
  const label = `${member.member ?? '[…]'}()`;
  if (member.specifier === 'node:cluster' && member.member !== null && CLUSTER_SETUP.has(member.member)) return followClusterSetup(walker, args?.[0], label);
  if (member.specifier !== 'node:child_process') return;
  if (member.member === null) return walker.report.unanalyzed(call, excerpt(call.expression.getText(walker.sourceFile)), 'a member of child_process chosen at run time may start a Node child of any file');
  if (member.member === 'fork') return followFork(walker, call, args);
  if (args === undefined) return;
  const [command, second, third] = args;
  if (command === undefined) return;
  if (SHELL_STARTERS.has(member.member)) return followCommandLine(walker, command, partsOf(command), label, [], workingDirectoryOf(walker, second));
  if (!COMMAND_STARTERS.has(member.member)) return;
  const options = second !== undefined && ts.isObjectLiteralExpression(skipOuter(second)) ? second : third;
  const cwd = workingDirectoryOf(walker, options);
  const list: ArgumentList = options === second ? [] : argumentsOf(second, walker);
  if (usesShell(options)) return followCommandLine(walker, command, partsOf(command), label, list.filter((word): word is NodeArgument => word !== UNKNOWN_ARGUMENT), cwd);
  const nodeArguments = nodeArgumentsAfter([{ node: command, parts: partsOf(command) }, ...list], walker, (line) => followCommandLine(walker, command, line.parts, label, [], cwd));
  if (nodeArguments === undefined) return;
  followNodeArguments(walker, call, label, nodeArguments, true, cwd);
  if (options !== undefined) followLaunchOptions(walker, options, label, true);
}

/** Only a file that can name `node:child_process` or `node:cluster` can start a Node child. */
function mayStartChildren(sourceFile: ts.SourceFile): boolean {
  return mayNameBuiltin(sourceFile, 'child_process') || mayNameBuiltin(sourceFile, 'cluster');
}

/** `fork(file, args?, options?)`: the file, and the preloads of `options.execArgv` / `env.NODE_OPTIONS`. */
function followFork(walker: Walker, call: ts.CallExpression, args: readonly ts.Expression[] | undefined): void {
  const file = args?.[0];
  if (args === undefined || file === undefined) return walker.report.unanalyzed(call, 'fork()', 'a Node child whose entry file is not named');
  const [, second, third] = args;
  const options = second !== undefined && !ts.isArrayLiteralExpression(skipOuter(second)) ? second : third;
  followProgramEntry(walker, file, 'fork', workingDirectoryOf(walker, options));
  if (options !== undefined) followLaunchOptions(walker, options, 'fork', true);
}

/** `shell: true` (or a shell's path) in written-out options: the command is a command line. */
function usesShell(options: ts.Expression | undefined): boolean {
  const literal = options === undefined ? undefined : skipOuter(options);
  if (literal === undefined || !ts.isObjectLiteralExpression(literal)) return false;
  return literal.properties.some((property) => {
    if (property.name === undefined || propertyNameText(property.name) !== 'shell') return false;
    const value = ts.isPropertyAssignment(property) ? skipOuter(property.initializer) : undefined;
    return value === undefined || (value.kind !== ts.SyntaxKind.FalseKeyword && !(ts.isStringLiteralLike(value) && value.text === ''));
  });
}

/**
 * `cluster.setupPrimary({ exec, execArgv })`: the file every later `cluster.fork()` runs (the main
 * script when `exec` is absent, which is the program's own entry). Settings not written out
 * fail closed.
 */
export function followClusterSetup(walker: Walker, settings: ts.Expression | undefined, label: string): void {
  if (settings === undefined) return;
  const literal = skipOuter(settings);
  if (!ts.isObjectLiteralExpression(literal) || literal.properties.some((property) => ts.isSpreadAssignment(property))) {
    return walker.report.unanalyzed(settings, excerpt(`${label}(${settings.getText(walker.sourceFile)})`), 'cluster settings the syntax cannot see: the file the workers run is not known');
  }
  for (const property of literal.properties) {
    if (property.name === undefined || propertyNameText(property.name) !== 'exec') continue;
    if (ts.isPropertyAssignment(property)) followProgramEntry(walker, property.initializer, label);
    else walker.report.unanalyzed(property, excerpt(label), 'a cluster worker file the syntax cannot see');
  }
  followLaunchOptions(walker, literal, label);
}
