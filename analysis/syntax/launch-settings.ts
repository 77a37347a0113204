import ts from '../../policy/typescript.cjs';
import { argumentsOf, followNodeArguments, followNodeOptionsText } from './child-entries-args.js';
import { constantKey, constantString } from './constants.js';
import { isFollowedSetting } from './launch-options.js';
import { judgeExecArgvAliasChange, judgeReflectiveSettingWrite } from './launch-reflective-writes.js';
import { settingPropertyMayReach, writtenObjectMayReach } from './launch-settings-reach.js';
import { excerpt, skipOuter } from './syntax.js';
import { mayMention } from './text-mentions.js';
import type { Walker } from './walker.js';

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

/** Only a file that spells one of the names (or escapes in its place) can write one: text-mentions.ts. */
function mayWriteSettings(sourceFile: ts.SourceFile): boolean {
  return mayMention(sourceFile, 'execArgv') || mayMention(sourceFile, 'NODE_OPTIONS');
}

function follow(walker: Walker, setting: Setting, at: ts.Node, value: ts.Expression): void {
  if (setting === 'NODE_OPTIONS') return followNodeOptionsText(walker, at, value, 'NODE_OPTIONS');
  followNodeArguments(walker, at, 'execArgv', argumentsOf(value, walker), false);
}

/** `{ execArgv: [...] }`, `{ NODE_OPTIONS: '…' }`, `{ NODE_OPTIONS }` in any object literal. */
export function judgeSettingProperty(walker: Walker, property: ts.PropertyAssignment | ts.ShorthandPropertyAssignment): void {
  if (!mayWriteSettings(walker.sourceFile) || isFollowedSetting(property)) return;
  const name = ts.isComputedPropertyName(property.name) ? constantString(property.name.expression, walker.scope) : property.name.text;
  const setting = settingOf(name);
  if (setting === undefined || !settingPropertyMayReach(walker, property)) return;
  follow(walker, setting, property, ts.isPropertyAssignment(property) ? property.initializer : property.name);
}

/** `x.NODE_OPTIONS = …`, `x.NODE_OPTIONS += …`, `x['execArgv'] = […]`. */
export function judgeSettingWrite(walker: Walker, node: ts.BinaryExpression): void {
  const operator = node.operatorToken.kind;
  if (operator !== ts.SyntaxKind.EqualsToken && operator !== ts.SyntaxKind.PlusEqualsToken && operator !== ts.SyntaxKind.QuestionQuestionEqualsToken && operator !== ts.SyntaxKind.BarBarEqualsToken) return;
  const target = skipOuter(node.left);
  if (!ts.isPropertyAccessExpression(target) && !ts.isElementAccessExpression(target)) return;
  if (ts.isElementAccessExpression(target) && judgeExecArgvAliasChange(walker, target.expression, node)) return;
  if (!mayWriteSettings(walker.sourceFile)) return;
  const setting = settingOf(constantKey(target, walker.scope));
  if (setting === undefined || !writtenObjectMayReach(walker, target.expression)) return;
  if (setting === 'execArgv' && operator === ts.SyntaxKind.PlusEqualsToken) return walker.report.unanalyzed(node, excerpt('execArgv +='), 'Node arguments the syntax cannot read (they may preload a file)');
  follow(walker, setting, node, node.right);
}

/** `x.execArgv.push('-r', file)` / `.unshift(…)`: the added words are Node arguments. */
export function judgeSettingPush(walker: Walker, call: ts.CallExpression): void {
  judgeReflectiveSettingWrite(walker, call);
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'push' && callee.name.text !== 'unshift' && callee.name.text !== 'splice')) return;
  const list = skipOuter(callee.expression);
  if (judgeExecArgvAliasChange(walker, list, call)) return;
  if ((!ts.isPropertyAccessExpression(list) && !ts.isElementAccessExpression(list)) || !mayWriteSettings(walker.sourceFile)) return;
  if (constantKey(list, walker.scope) !== 'execArgv' || !writtenObjectMayReach(walker, list.expression)) return;
  const added = callee.name.text === 'splice' ? call.arguments.slice(2) : call.arguments;
  followNodeArguments(walker, call, 'execArgv', argumentsOf(ts.factory.createArrayLiteralExpression([...added]), walker), false);
}
