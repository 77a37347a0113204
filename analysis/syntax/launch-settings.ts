import ts from '../../policy/typescript.cjs';
import { argumentsOf, followNodeArguments, followNodeOptionsText, resolutionVariableWhy } from './child-entries-args.js';
import { RESOLUTION_VARIABLES, resolutionVariableOf } from './child-entries-options.js';
import { constantKey, constantString } from './constants.js';
import { judgeExecArgvInCall, judgeExecArgvOperand } from './launch-execargv-uses.js';
import { isFollowedSetting } from './launch-options.js';
import { judgeExecArgvAliasChange, launchSettingsHolder, judgeReflectiveSettingWrite } from './launch-reflective-writes.js';
import { assignedReferences, isAssignedByPattern } from './launch-pattern-targets.js';
import { settingPropertyMayReach, writtenObjectMayReach } from './launch-settings-reach.js';
import { excerpt, skipOuter } from './syntax.js';
import { mayMention } from './text-mentions.js';
import type { Walker } from './walker.js';
import { followProgramEntry } from './worker-entries.js';

/**
 * Launch settings written where a starter may read them: an `execArgv` (Node arguments) or a
 * `NODE_OPTIONS` (Node options as one command line) is read by whatever starts Node with it, and
 * its preloads run there (`-r`, `--import`, `--loader`). Where the starter is seen with its
 * options, they are followed there (child-entries-args.ts, with the child's `cwd`); everywhere
 * else they are followed where written, whoever reads them later, unless the object they are
 * written into can reach no starter (every use a plain read: launch-settings-reach.ts): options built in pieces (`const env = {
 * ...process.env }; env.NODE_OPTIONS = …`), `process.env.NODE_OPTIONS = …` before a spawn
 * (children inherit `process.env`), `process.execArgv.push('-r', x)` before a `fork` (its default
 * `execArgv`), a test runner's config. Each preload is an edge; one the syntax cannot place is
 * UNANALYZED. A key computed from data (`env[key] = value`) is not seen (docs/caveats.md).
 */
const SETTINGS = ['execArgv', 'NODE_OPTIONS'] as const;
type Setting = (typeof SETTINGS)[number];

function settingOf(name: string | null | undefined): Setting | undefined {
  return SETTINGS.find((setting) => setting === name);
}

/** Only a file that spells one of the names (or escapes in its place) can write one by a written name: text-mentions.ts. */
function mayWriteSettings(sourceFile: ts.SourceFile): boolean {
  return mayMention(sourceFile, 'execArgv') || mayMention(sourceFile, 'NODE_OPTIONS') || [...RESOLUTION_VARIABLES.keys()].some((name) => mayMention(sourceFile, name));
}

/**
 * `process.env.NODE_PATH = './lib'`, `{ NODE_PRESERVE_SYMLINKS: '1' }` where a starter may read it:
 * a Node child started with it resolves its modules otherwise than the guard does (choice 87).
 * True when the name is one of those (judged here, whatever its value).
 */
function judgeResolutionVariable(walker: Walker, name: string | null | undefined, at: ts.Node, value: ts.Expression | undefined): boolean {
  if (name === null || name === undefined || !RESOLUTION_VARIABLES.has(name)) return false;
  const written = value === undefined ? undefined : skipOuter(value);
  const text = written !== undefined && ts.isStringLiteralLike(written) ? written.text : undefined;
  if (resolutionVariableOf(name, text) !== undefined) walker.report.unanalyzed(at, excerpt(name), resolutionVariableWhy(name));
  return true;
}

/**
 * A key the program computes (`env['NODE_' + 'OPTIONS']`, `` env[`NODE_${x}`] ``, `[['NODE', 'OPTIONS'].join('_')]`):
 * the text gate cannot rule it out, so it is folded (constants.ts, choice 77) whatever the file spells.
 */
function isComputedKey(key: ts.Expression): boolean {
  const inner = skipOuter(key);
  return !ts.isStringLiteralLike(inner) && !ts.isNumericLiteral(inner);
}

function follow(walker: Walker, setting: Setting, at: ts.Node, value: ts.Expression): void {
  if (setting === 'NODE_OPTIONS') return followNodeOptionsText(walker, at, value, 'NODE_OPTIONS');
  followNodeArguments(walker, at, 'execArgv', argumentsOf(value, walker), false);
}

/** `{ execArgv: [...] }`, `{ NODE_OPTIONS: '…' }`, `{ NODE_OPTIONS }` in any object literal. */
export function judgeSettingProperty(walker: Walker, property: ts.PropertyAssignment | ts.ShorthandPropertyAssignment): void {
  // `{ a: process.execArgv }` kept or iterated: the list itself handed on.
  judgeExecArgvOperand(walker, property, ts.isPropertyAssignment(property) ? property.initializer : property.name);
  const computed = ts.isComputedPropertyName(property.name) && isComputedKey(property.name.expression);
  if ((!computed && !mayWriteSettings(walker.sourceFile)) || isFollowedSetting(property)) return;
  // A property of a destructuring pattern (`({ NODE_OPTIONS: o.x } = src)`) names what is read out of the source: its target is judged as a write (judgePatternSettingWrites).
  if (isAssignedByPattern(walker.ancestors, walker.ancestors.length - 2)) return;
  const name = ts.isComputedPropertyName(property.name) ? constantString(property.name.expression, walker.scope) : property.name.text;
  const setting = settingOf(name);
  if ((setting === undefined && !RESOLUTION_VARIABLES.has(name ?? '')) || !settingPropertyMayReach(walker, property)) return;
  if (judgeResolutionVariable(walker, name, property, ts.isPropertyAssignment(property) ? property.initializer : undefined)) return;
  if (setting === undefined) return;
  follow(walker, setting, property, ts.isPropertyAssignment(property) ? property.initializer : property.name);
}

/** Operators whose assignment leaves the written value in the setting (`&&=`, `||=`, `??=` may; `+=` appends to it). */
const WRITING_OPERATORS = new Set([ts.SyntaxKind.EqualsToken, ts.SyntaxKind.PlusEqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken, ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.AmpersandAmpersandEqualsToken]);

/** `x.NODE_OPTIONS = …`, `x.NODE_OPTIONS += …`, `x['execArgv'] = […]`. */
export function judgeSettingWrite(walker: Walker, node: ts.BinaryExpression): void {
  if (node.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword) judgeExecArgvOperand(walker, node, node.left);
  judgePatternSettingWrites(walker, node);
  if (!WRITING_OPERATORS.has(node.operatorToken.kind)) return;
  judgeAssignedSetting(walker, node, node.left, node.right, node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken);
}

/**
 * Every member a destructuring assignment or an expression loop head writes
 * (`[process.env.NODE_OPTIONS] = […]`, `({ k: o.execArgv } = src)`, `for (process.env.NODE_OPTIONS of …)`),
 * judged as the same write with `=` (launch-pattern-targets.ts yields each once, with the value when a literal source shows it).
 */
export function judgePatternSettingWrites(walker: Walker, node: ts.BinaryExpression | ts.ForOfStatement | ts.ForInStatement): void {
  if (ts.isForOfStatement(node)) judgeExecArgvOperand(walker, node, node.expression);
  for (const { target, value } of assignedReferences(node)) {
    // `({ ...process.env } = src)`, `[process.execArgv] = …`: the whole settings object written with what the syntax does not read there.
    if (launchSettingsHolder(target, walker) !== undefined) walker.report.unanalyzed(target, excerpt(target.getText(walker.sourceFile)), 'launch settings replaced by a destructuring assignment the syntax does not follow (a `NODE_OPTIONS`, an `execArgv` or a worker file there may load any file)');
    else if (isClusterExec(walker, target)) {
      if (value === undefined) walker.report.unanalyzed(target, excerpt('cluster.settings.exec'), 'a cluster worker file the syntax cannot see');
      else followProgramEntry(walker, value, 'cluster.settings.exec');
    } else judgeAssignedSetting(walker, target, target, value, false);
  }
}

/** `cluster.settings.exec` (cluster-settings-entry.ts follows it written with `=`). */
function isClusterExec(walker: Walker, target: ts.Expression): boolean {
  const inner = skipOuter(target);
  return (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) && constantKey(inner, walker.scope) === 'exec' && launchSettingsHolder(inner.expression, walker) === 'cluster';
}

/** One member written with a value (undefined: one the syntax cannot see), as `target = value` or `target += value`. */
function judgeAssignedSetting(walker: Walker, at: ts.Node, written: ts.Expression, value: ts.Expression | undefined, appends: boolean): void {
  const target = skipOuter(written);
  if (!ts.isPropertyAccessExpression(target) && !ts.isElementAccessExpression(target)) return;
  if (ts.isElementAccessExpression(target) && judgeExecArgvAliasChange(walker, target.expression, at)) return;
  // `process.execArgv[0] = '--require'`: the parent's own list, read by later `fork()` calls.
  if (ts.isElementAccessExpression(target) && launchSettingsHolder(target.expression, walker) === 'execArgv') return walker.report.unanalyzed(at, excerpt('process.execArgv'), 'Node arguments of later `fork()` calls changed where the syntax cannot read them (they may preload a file)');
  if (!(ts.isElementAccessExpression(target) && isComputedKey(target.argumentExpression)) && !mayWriteSettings(walker.sourceFile)) return;
  const key = constantKey(target, walker.scope);
  const setting = settingOf(key);
  if ((setting === undefined && !RESOLUTION_VARIABLES.has(key ?? '')) || !writtenObjectMayReach(walker, target.expression)) return;
  if (judgeResolutionVariable(walker, key, at, value)) return;
  if (setting === undefined) return;
  if (value === undefined) return walker.report.unanalyzed(at, excerpt(setting), 'a launch setting written with a value the syntax cannot see (it may preload a file)');
  if (setting === 'execArgv' && appends) return walker.report.unanalyzed(at, excerpt('execArgv +='), 'Node arguments the syntax cannot read (they may preload a file)');
  follow(walker, setting, at, value);
}

/** `x.execArgv.push('-r', file)` / `.unshift(…)`: the added words are Node arguments. */
export function judgeSettingPush(walker: Walker, call: ts.CallExpression): void {
  judgeReflectiveSettingWrite(walker, call);
  judgeExecArgvInCall(walker, call);
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'push' && callee.name.text !== 'unshift' && callee.name.text !== 'splice')) return;
  const list = skipOuter(callee.expression);
  if (judgeExecArgvAliasChange(walker, list, call)) return;
  if ((!ts.isPropertyAccessExpression(list) && !ts.isElementAccessExpression(list)) || !mayWriteSettings(walker.sourceFile)) return;
  if (constantKey(list, walker.scope) !== 'execArgv' || !writtenObjectMayReach(walker, list.expression)) return;
  const added = callee.name.text === 'splice' ? call.arguments.slice(2) : call.arguments;
  followNodeArguments(walker, call, 'execArgv', argumentsOf(ts.factory.createArrayLiteralExpression([...added]), walker), false);
}
