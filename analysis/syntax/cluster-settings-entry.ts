import ts from '../../policy/typescript.cjs';
import { followClusterSetup } from './child-entries.js';
import { constantKey } from './constants.js';
import { builtinMemberOf } from './entry-path-modules.js';
import { excerpt, skipOuter } from './syntax.js';
import { mayNameBuiltin } from './text-mentions.js';
import type { Walker } from './walker.js';
import { followProgramEntry } from './worker-entries.js';

/**
 * A write to `cluster.settings` before `cluster.fork()`: `fork()` calls `setupPrimary()`, which
 * spreads the live settings, so `cluster.settings.exec = file` names the file every worker runs
 * (Node-proven in tests/analysis/entries/wrapped-starters.test.ts), and `cluster.settings = { exec }`
 * too; `settings.execArgv = [...]` names its preloads (launch-settings.ts). Read as `setupPrimary` is; any other
 * member written there (`args`, `silent`) loads nothing.
 */
export function judgeClusterSettingsWrite(walker: Walker, node: ts.BinaryExpression): void {
  if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  // `cluster` is met only through a literal `'cluster'` the file holds (builtinMemberOf): a file without one has no settings to write.
  if (!mayNameBuiltin(walker.sourceFile, 'cluster')) return;
  const context = { scope: walker.scope, ancestors: walker.ancestors };
  const target = skipOuter(node.left);
  if (!ts.isPropertyAccessExpression(target) && !ts.isElementAccessExpression(target)) return;
  const whole = builtinMemberOf(target, context);
  if (whole?.specifier === 'node:cluster' && whole.member === 'settings') return followClusterSetup(walker, node.right, 'cluster.settings');
  const settings = builtinMemberOf(target.expression, context);
  if (settings?.specifier !== 'node:cluster' || settings.member !== 'settings') return;
  const key = constantKey(target, walker.scope);
  if (key === null) return walker.report.unanalyzed(node.left, excerpt(node.left.getText(walker.sourceFile)), 'a member of cluster.settings chosen at run time may name the file the workers run');
  // `settings.execArgv = [...]` is a launch setting written anywhere (launch-settings.ts).
  if (key === 'exec') followProgramEntry(walker, node.right, 'cluster.settings.exec');
}
