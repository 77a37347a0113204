import path from 'node:path';
import ts from 'typescript';
import { canonicalBuiltin, GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { constantKey } from './constants.js';
import { constDeclaration, constInitializer } from './entry-path-consts.js';
import { isProcessMember, moduleLoadOf } from './module-loads.js';
import type { Scope } from './scope.js';
import { literalString, skipAwait, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';
import { followProgramEntry } from './worker-entries.js';

/** Members of `node:child_process` that start a program given as (command, args). */
const COMMAND_STARTERS = new Set(['spawn', 'spawnSync', 'execFile', 'execFileSync']);

/** Node options whose value is the next argument (`-r ./hook.cjs`); a preload is an entry too. */
const OPTIONS_WITH_VALUE = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions', '--input-type', '--title', '--env-file']);
const PRELOAD_OPTIONS = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader']);
/** Code on the command line, or from standard input: no file to follow. */
const CODE_OPTIONS = new Set(['-e', '--eval', '-p', '--print', '-']);

/**
 * A Node child that runs a file of the program: `fork(file)`, and `spawn`/`spawnSync`/`execFile`/
 * `execFileSync` of `process.execPath` or `'node'` with `[...nodeOptions, file, ...args]`. Each
 * file (and each `-r`/`--import` preload) is an edge of the module graph, as a Worker entry is
 * (worker-entries.ts); where the file cannot be placed, UNANALYZED at the call.
 */
export function judgeChildEntries(walker: Walker, call: ts.CallExpression): void {
  const member = childProcessMember(skipOuter(call.expression), walker.scope, walker.ancestors);
  if (member === 'fork') {
    const [file] = call.arguments;
    if (file === undefined) return walker.report.unanalyzed(call, 'fork()', 'a Node child whose entry file is not named');
    return followProgramEntry(walker, file, 'fork');
  }
  if (member === undefined || !COMMAND_STARTERS.has(member)) return;
  const [command, list] = call.arguments;
  if (command === undefined || !isNodeCommand(command, walker.scope)) return;
  const args = list === undefined ? undefined : skipOuter(list);
  if (args === undefined || !ts.isArrayLiteralExpression(args)) return walker.report.unanalyzed(call, `${member}(node, …)`, 'a Node child whose arguments (its entry file among them) are not written out');
  followNodeArguments(walker, call, member, args.elements);
}

function followNodeArguments(walker: Walker, call: ts.CallExpression, member: string, elements: readonly ts.Expression[]): void {
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index];
    if (element === undefined || ts.isSpreadElement(element)) break;
    const option = skipOuter(element);
    const text = ts.isStringLiteralLike(option) ? option.text : undefined;
    if (text === '--') continue;
    if (text !== undefined && CODE_OPTIONS.has(text)) return;
    if (text !== undefined && text.startsWith('-')) {
      const value = elements[index + 1];
      if (OPTIONS_WITH_VALUE.has(text)) index++;
      if (PRELOAD_OPTIONS.has(text) && value !== undefined) followProgramEntry(walker, value, `${member}(node ${text})`);
      continue;
    }
    return followProgramEntry(walker, element, `${member}(node)`);
  }
  walker.report.unanalyzed(call, `${member}(node, …)`, 'a Node child whose entry file is not written out');
}

/**
 * `fork`/`spawn`/… imported or destructured from `node:child_process`, or `cp.fork` /
 * `require('child_process').fork`. `child_process` has no per-member rows, so a CommonJS
 * `const { fork } = require(…)` is a plain local to the scope tracker: its `const` is read here.
 */
function childProcessMember(callee: ts.Expression, scope: Scope, ancestors: readonly ts.Node[]): string | undefined {
  if (ts.isIdentifier(callee)) {
    const binding = scope.lookup(callee.text);
    if (binding?.kind === 'member') return binding.specifier === 'node:child_process' ? binding.member : undefined;
    const declared = binding?.kind === 'local' ? constDeclaration(callee, ancestors) : undefined;
    return declared?.key !== undefined && isChildProcessModule(declared.initializer, scope, ancestors) ? declared.key : undefined;
  }
  if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return undefined;
  return isChildProcessModule(callee.expression, scope, ancestors) ? (constantKey(callee, scope) ?? undefined) : undefined;
}

/** `require('child_process')`, `import * as cp from 'node:child_process'`, or a `const` holding either. */
function isChildProcessModule(expression: ts.Expression, scope: Scope, ancestors: readonly ts.Node[], depth = 0): boolean {
  const inner = skipAwait(expression);
  if (ts.isCallExpression(inner)) {
    const specifier = literalString(moduleLoadOf(inner, scope, GLOBAL_OBJECT_NAMES)?.specifier);
    return specifier !== undefined && canonicalBuiltin(specifier) === 'node:child_process';
  }
  if (!ts.isIdentifier(inner) || depth > 4) return false;
  const binding = scope.lookup(inner.text);
  if (binding?.kind === 'module') return binding.specifier === 'node:child_process';
  if (binding?.kind !== 'local') return false;
  const initializer = constInitializer(inner, ancestors);
  return initializer !== undefined && isChildProcessModule(initializer, scope, ancestors, depth + 1);
}

/** `process.execPath`, `process.argv0`, or a literal `node` / `…/node` / `node.exe`. */
function isNodeCommand(command: ts.Expression, scope: Scope): boolean {
  if (isProcessMember(command, 'execPath', scope, GLOBAL_OBJECT_NAMES) || isProcessMember(command, 'argv0', scope, GLOBAL_OBJECT_NAMES)) return true;
  const inner = skipOuter(command);
  return ts.isStringLiteralLike(inner) && /^node(\.exe)?$/i.test(path.posix.basename(inner.text.replaceAll('\\', '/')));
}
