import ts from '../../policy/typescript.cjs';
import { canonicalBuiltin, GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { constantKey } from './constants.js';
import { globalName, isProcessMember } from './module-loads.js';
import { aliasModeOf, startUpVariableOf } from './shell-start-up.js';
import { argumentsOf, followEnvironment, followLaunchOptions, followNodeArguments, partsOf, resolutionAssignmentIn, resolutionVariableWhy, UNKNOWN_ARGUMENT, workingDirectoryOf, type ArgumentList, type NodeArgument } from './child-entries-args.js';
import { constInitializer } from './entry-path-consts.js';
import { seenOptions } from './launch-options.js';
import { followLoaderHooks } from './loader-hooks-entry.js';
import { judgeEnvFileBeforeChild } from './env-file-loads.js';
import { isStarter, mayHoldStarters, starterOf, type BoundStarter } from './starter-values.js';
import type { Resolved } from './type-oracle.js';
import { followCommandLine, judgeUnplacedArguments, nodeArgumentsAfter } from './child-entries-shell.js';
import type { InheritedShellState } from './entry-command-wrappers.js';
import { SHELL_PROGRAMS, shellDialectOf } from './shell-commands.js';
import type { BuiltinMember } from './entry-path-modules.js';
import { excerpt, propertyNameText, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';
import { followProgramEntry } from './worker-entries.js';

/** Members of `node:child_process` that start a program given as (command, args, options). */
const COMMAND_STARTERS = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync']);
/** Members that run a command line through a shell. */
const SHELL_STARTERS = new Set(['exec', 'execSync']);
/** Members of `node:cluster` that name the file its workers run. */
const CLUSTER_SETUP = new Set(['setupPrimary', 'setupMaster']);

/** A starter and the arguments it receives: `cp.fork.call(cp, file)` passes `file` first; `.apply(cp, list)` passes the list's elements; `.bind(cp, file)` puts `file` first (undefined: not written out). */
interface StarterCall {
  readonly member: BuiltinMember;
  readonly args: readonly ts.Expression[] | undefined;
}

function starterCall(walker: Walker, call: ts.CallExpression): StarterCall | undefined {
  const callee = skipOuter(call.expression);
  const withBound = (starter: BoundStarter | undefined, args: readonly ts.Expression[] | undefined): StarterCall | undefined =>
    starter === undefined ? undefined : { member: starter.member, args: starter.bound === undefined || args === undefined ? undefined : [...starter.bound, ...args] };
  const direct = starterOf(callee, walker);
  if (direct !== undefined) return withBound(direct, call.arguments);
  if (isReflectApply(walker, callee)) return withBound(call.arguments[0] === undefined ? undefined : starterOf(call.arguments[0], walker), writtenList(call.arguments[2]));
  if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'call' && callee.name.text !== 'apply')) return undefined;
  const target = starterOf(callee.expression, walker);
  if (callee.name.text === 'call') return withBound(target, call.arguments.slice(1));
  return withBound(target, writtenList(call.arguments[1]));
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
  // The builtins are named by a literal specifier somewhere in the file (an import, a `require`, an interop view): text-mentions.ts.
  if (!mayHoldStarters(walker.sourceFile)) return;
  const starter = starterCall(walker, call);
  if (starter !== undefined) followStarterCall(walker, call, starter);
}

/**
 * Typed mode: a call the syntax did not place as a starter whose callee the type checker resolves
 * to one (`this.start(file)` with `start = fork` in a base class, `fork` imported through a
 * barrel, a parameter typed `typeof fork`) is followed as that starter with its arguments: a
 * starter kept in a slot of its own type is followed where it is called, not where it was handed on.
 */
export function judgeTypedStarterCall(walker: Walker, call: ts.CallExpression, resolved: Resolved | undefined): void {
  if (resolved?.kind !== 'module-member' || resolved.member === null) return;
  const specifier = canonicalBuiltin(resolved.specifier);
  if (specifier === undefined) return;
  const member = { specifier, member: resolved.member };
  if (!isStarter(member) || (mayHoldStarters(walker.sourceFile) && starterCall(walker, call) !== undefined)) return;
  followStarterCall(walker, call, { member, args: call.arguments });
}

function followStarterCall(walker: Walker, call: ts.CallExpression, { member, args }: StarterCall): void {
  const label = `${member.member ?? '[…]'}()`;
  if (member.specifier === 'node:module') return followLoaderHooks(walker, call, member.member, args);
  if (member.specifier === 'node:cluster') return followClusterCall(walker, call, member.member, args, label);
  if (member.specifier !== 'node:child_process') return;
  if (member.member === null) return walker.report.unanalyzed(call, excerpt(call.expression.getText(walker.sourceFile)), 'a member of child_process chosen at run time may start a Node child of any file');
  if (member.member === 'fork') return followFork(walker, call, args);
  if (args === undefined) return;
  const [command, second, third] = args;
  if (command === undefined) return;
  if (SHELL_STARTERS.has(member.member)) {
    const options = second !== undefined && !isCallback(second) ? second : undefined;
    judgeStartUpShell(walker, call, label, options, shellOf(walker, options).dialect === 'bash');
    const startsNode = followCommandLine(walker, command, partsOf(command, walker.scope), label, [], workingDirectoryOf(walker, second), shellOf(walker, options));
    if (startsNode && options !== undefined) followLaunchOptions(walker, options, label, true);
    if (startsNode) judgeEnvFileBeforeChild(walker, call, label, options);
    return;
  }
  if (!COMMAND_STARTERS.has(member.member)) return;
  const options = second !== undefined && !isArgumentList(walker, second) ? second : third;
  const cwd = workingDirectoryOf(walker, options);
  const list: ArgumentList = options === second ? [] : argumentsOf(second, walker);
  const shell = usesShell(walker, options);
  const program = partsOf(command).join('').replace(/^.*\//, '');
  judgeStartUpShell(walker, call, label, options, shell === 'no' ? SHELL_PROGRAMS.test(program) : shellOf(walker, options).dialect === 'bash');
  if (shell !== 'no') {
    const words = list.filter((word): word is NodeArgument => word !== UNKNOWN_ARGUMENT);
    const startsNode = followCommandLine(walker, command, partsOf(command, walker.scope), label, words, cwd, shellOf(walker, options));
    if (startsNode && options !== undefined) followLaunchOptions(walker, options, label, true);
    if (startsNode) judgeEnvFileBeforeChild(walker, call, label, options);
    // Options not seen whole may hold `shell: true`: read as a command line too, unless that already started Node.
    if (shell === 'yes' || startsNode) return;
  }
  const words: ArgumentList = [{ node: command, parts: partsOf(command) }, ...list];
  const startUpVariables = startUpVariablesOf(walker, options);
  const nodeArguments = nodeArgumentsAfter(words, walker, (line, inherited) => followCommandLine(walker, command, line.parts, label, [], cwd, { nodeOptions: inherited?.nodeOptions ?? [], allexport: inherited?.allexport ?? false, dialect: inherited?.dialect, startUpVariables: [...startUpVariables, ...(inherited?.startUpVariables ?? [])], ...(inherited?.aliases === undefined ? {} : { aliases: inherited.aliases }) }));
  if (nodeArguments === undefined) return judgeUnplacedArguments(walker, call, words, label, cwd);
  // `spawn('env', ['NODE_PATH=./lib', 'node', file])`: a wrapper's assignment before Node (choice 87).
  const resolution = resolutionAssignmentIn(words.slice(0, words.length - nodeArguments.length).filter((word): word is NodeArgument => word !== UNKNOWN_ARGUMENT));
  if (resolution !== undefined) walker.report.unanalyzed(call, excerpt(label), resolutionVariableWhy(resolution));
  followNodeArguments(walker, call, label, nodeArguments, true, cwd);
  if (options !== undefined) followLaunchOptions(walker, options, label, true);
  judgeEnvFileBeforeChild(walker, call, label, options);
}

/** A function literal (an `exec` callback), not options. */
function isCallback(expression: ts.Expression): boolean {
  const inner = skipOuter(expression);
  return ts.isArrowFunction(inner) || ts.isFunctionExpression(inner);
}

/** `spawn(cmd, args, options)` or `spawn(cmd, options)`: the second is the argument list when written as an array (or a `const` holding one). */
function isArgumentList(walker: Walker, expression: ts.Expression): boolean {
  let inner = skipOuter(expression);
  if (ts.isIdentifier(inner)) inner = skipOuter(constInitializer(inner, walker.ancestors) ?? inner);
  return !ts.isObjectLiteralExpression(inner) && !(ts.isIdentifier(inner) && inner.text === 'undefined') && inner.kind !== ts.SyntaxKind.NullKeyword;
}

/**
 * `cluster.setupPrimary(settings)` names the file workers run; `cluster.fork(env)` adds `env` to
 * the worker's environment, so a `NODE_OPTIONS` there preloads code.
 */
function followClusterCall(walker: Walker, call: ts.CallExpression, member: string | null, args: readonly ts.Expression[] | undefined, label: string): void {
  if (member === null) return walker.report.unanalyzed(call, excerpt(call.expression.getText(walker.sourceFile)), 'a member of cluster chosen at run time may start workers of any file');
  if (CLUSTER_SETUP.has(member)) return followClusterSetup(walker, args?.[0], label);
  if (member !== 'fork') return;
  if (args === undefined) return walker.report.unanalyzed(call, excerpt(label), 'cluster worker settings the syntax cannot see');
  const [env] = args;
  if (env !== undefined) followEnvironment(walker, env, label);
  // A worker's environment is the primary's with `env` added.
  judgeEnvFileBeforeChild(walker, call, label, undefined);
}

/** `fork(file, args?, options?)`: the file, and the preloads of `options.execArgv` / `env.NODE_OPTIONS`. */
function followFork(walker: Walker, call: ts.CallExpression, args: readonly ts.Expression[] | undefined): void {
  const file = args?.[0];
  if (args === undefined || file === undefined) return walker.report.unanalyzed(call, 'fork()', 'a Node child whose entry file is not named');
  const [, second, third] = args;
  const options = second !== undefined && !isArgumentList(walker, second) ? second : third;
  followProgramEntry(walker, file, 'fork', workingDirectoryOf(walker, options));
  if (options !== undefined) followLaunchOptions(walker, options, 'fork', true);
  judgeEnvFileBeforeChild(walker, call, 'fork()', options);
}

/** `shell: true` (or a shell's path) in the options: the command is a command line; `unknown` where the options are not seen whole. */
function usesShell(walker: Walker, options: ts.Expression | undefined): 'yes' | 'no' | 'unknown' {
  const seen = seenOptions(options, walker.ancestors);
  const shell = seen.properties.get('shell');
  if (shell === undefined) return seen.unseen === undefined ? 'no' : 'unknown';
  const value = skipOuter(shell.value);
  if (value.kind === ts.SyntaxKind.FalseKeyword || (ts.isStringLiteralLike(value) && value.text === '')) return 'no';
  return 'yes';
}

/** The shell that reads the command line: `/bin/sh` (dash) unless `shell` names another; bash's wider reading where it is not written out. The `env` option's start-up variables reach every shell the line starts. */
function shellOf(walker: Walker, options: ts.Expression | undefined): InheritedShellState {
  const seen = seenOptions(options, walker.ancestors);
  const shell = seen.properties.get('shell');
  const value = shell === undefined ? undefined : skipOuter(shell.value);
  const written = value === undefined ? (seen.unseen === undefined ? 'sh' : undefined) : value.kind === ts.SyntaxKind.TrueKeyword ? 'sh' : ts.isStringLiteralLike(value) ? value.text : undefined;
  const aliases = written === undefined ? undefined : aliasModeOf(written, []);
  return { nodeOptions: [], allexport: false, dialect: written === undefined ? 'bash' : shellDialectOf(written), startUpVariables: startUpVariablesOf(walker, options), ...(aliases === undefined ? {} : { aliases }) };
}

/**
 * `BASH_ENV`, `ENV`, `ZDOTDIR` among the keys of the options' `env` (choice 90, round 18): the
 * shells the child starts source that file first (shell-start-up.ts). `...process.env` is the
 * parent's own environment and adds none.
 */
function startUpVariablesOf(walker: Walker, options: ts.Expression | undefined): string[] {
  const env = seenOptions(options, walker.ancestors).properties.get('env');
  if (env === undefined) return [];
  const seen = seenOptions(env.value, walker.ancestors, (spread) => isProcessMember(spread, 'env', walker.scope, GLOBAL_OBJECT_NAMES));
  return [...seen.properties.keys()].flatMap((name) => startUpVariableOf(name) ?? []);
}

/** The child itself is bash (or zsh): `BASH_ENV` (`ZDOTDIR`) in the `env` option makes it source that file before its command line. */
function judgeStartUpShell(walker: Walker, call: ts.Node, label: string, options: ts.Expression | undefined, bashChild: boolean): void {
  const names = startUpVariablesOf(walker, options).filter((name) => name !== 'ENV');
  if (!bashChild || names.length === 0) return;
  walker.report.unanalyzed(call, excerpt(label), `a shell started with \`${names.join('`, `')}\` in its \`env\` option sources that start-up file first: its commands are not read here`);
}

/**
 * `cluster.setupPrimary({ exec, execArgv })`: the file every later `cluster.fork()` runs (the main
 * script when `exec` is absent, which is the program's own entry). Settings not written out
 * fail closed.
 */
export function followClusterSetup(walker: Walker, settings: ts.Expression | undefined, label: string): void {
  if (settings === undefined) return;
  const literal = skipOuter(settings);
  // Settings kept in a `const` are read as they are written (launch-options.ts).
  const held = ts.isIdentifier(literal) ? constInitializer(literal, walker.ancestors) : undefined;
  if (held !== undefined) return followClusterSetup(walker, held, label);
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
