import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { argumentsOf, followNodeArguments, followNodeOptionsText, resolutionVariableWhy } from './child-entries-args.js';
import { resolutionVariableOf } from './child-entries-options.js';
import { followClusterSetup } from './child-entries.js';
import { constantString } from './constants.js';
import { constInitializer } from './entry-path-consts.js';
import { builtinMemberOf } from './entry-path-modules.js';
import { markFollowedSetting } from './launch-options.js';
import { isProcessMember } from './module-loads.js';
import { excerpt, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';
import { followProgramEntry } from './worker-entries.js';
import { writerCallOf } from './writer-calls.js';

/**
 * The process-wide launch settings written through a function instead of `=`: `process.env`
 * (every child inherits it), `cluster.settings` (every `cluster.fork()` reads it) and
 * `process.execArgv` (a `fork`'s default), also through a `const` alias of one
 * (`const ea = process.execArgv; ea.push(…)`). `Reflect.set`/`Object.defineProperty` with a
 * written key and value and `Object.assign` with a written object are followed as the same
 * write with `=` (launch-settings.ts, cluster-settings-entry.ts); any other change the syntax
 * cannot read there is UNANALYZED.
 */

type Holder = 'env' | 'cluster' | 'execArgv';

/** Operators whose value is one of their operands. */
const CHOOSING_OPERATORS: ReadonlySet<ts.SyntaxKind> = new Set([ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.CommaToken]);

function holderOf(expression: ts.Expression, walker: Walker, depth = 0): Holder | undefined {
  const inner = skipOuter(expression);
  if (isProcessMember(inner, 'env', walker.scope, GLOBAL_OBJECT_NAMES)) return 'env';
  if (isProcessMember(inner, 'execArgv', walker.scope, GLOBAL_OBJECT_NAMES)) return 'execArgv';
  const member = builtinMemberOf(inner, { scope: walker.scope, ancestors: walker.ancestors });
  if (member?.specifier === 'node:cluster' && member.member === 'settings') return 'cluster';
  if (depth > 4) return undefined;
  // `process.execArgv || []`, `env ?? {}`, `c ? process.env : {}`: the value may be the settings object itself.
  if (ts.isBinaryExpression(inner) && CHOOSING_OPERATORS.has(inner.operatorToken.kind)) return holderOf(inner.left, walker, depth + 1) ?? holderOf(inner.right, walker, depth + 1);
  if (ts.isConditionalExpression(inner)) return holderOf(inner.whenTrue, walker, depth + 1) ?? holderOf(inner.whenFalse, walker, depth + 1);
  if (!ts.isIdentifier(inner)) return undefined;
  const held = constInitializer(inner, walker.ancestors);
  return held === undefined ? undefined : holderOf(held, walker, depth + 1);
}

/** Which process-wide settings object an expression is (`process.env`, `process.execArgv`, `cluster.settings`, or a `const` alias of one). */
export function launchSettingsHolder(expression: ts.Expression, walker: Walker): Holder | undefined {
  return holderOf(expression, walker);
}

/** Is the holder named through a `const` alias (not written out as `process.execArgv`)? */
function isAlias(expression: ts.Expression): boolean {
  return ts.isIdentifier(skipOuter(expression));
}

/** One key and value written into a holder: followed as `holder[key] = value`. */
function followWrite(walker: Walker, at: ts.Node, holder: Holder, key: string, value: ts.Expression | undefined): void {
  const label = holder === 'env' ? 'process.env' : holder === 'cluster' ? 'cluster.settings' : 'process.execArgv';
  if (value === undefined) return walker.report.unanalyzed(at, excerpt(`${label}.${key}`), 'a launch setting written with a value the syntax cannot see');
  if (holder === 'env' && key === 'NODE_OPTIONS') return followNodeOptionsText(walker, at, value, 'NODE_OPTIONS');
  const written = skipOuter(value);
  if (holder === 'env' && resolutionVariableOf(key, ts.isStringLiteralLike(written) ? written.text : undefined) !== undefined) return walker.report.unanalyzed(at, excerpt(`${label}.${key}`), resolutionVariableWhy(key));
  if (holder === 'cluster' && key === 'exec') return followProgramEntry(walker, value, 'cluster.settings.exec');
  if (holder === 'cluster' && key === 'execArgv') return followNodeArguments(walker, at, 'execArgv', argumentsOf(value, walker), false);
  if (holder === 'execArgv') walker.report.unanalyzed(at, excerpt(label), 'Node arguments of later `fork()` calls changed where the syntax cannot read them (they may preload a file)');
}

/** `Reflect.set(process.env, 'NODE_OPTIONS', v)`, `Object.assign(cluster.settings, { exec })`, `Array.prototype.push.call(process.execArgv, …)`. */
export function judgeReflectiveSettingWrite(walker: Walker, call: ts.CallExpression): void {
  const written = writerCallOf(call, walker.scope);
  if (written?.target === undefined) return;
  const { writer, target } = written;
  const [second, third] = written.rest ?? [];
  const holder = holderOf(target, walker);
  if (holder === undefined) return;
  const unreadable = (): void => walker.report.unanalyzed(call, excerpt(writer === 'method.call' ? call.expression.getText(walker.sourceFile) : writer), 'launch settings changed where the syntax cannot read them (a `NODE_OPTIONS`, an `execArgv` or a worker file there may load any file)');
  if (writer === 'method.call') {
    // Only a write into process.execArgv through a borrowed method is judged here (`Array.prototype.push.call`).
    return holder === 'execArgv' ? unreadable() : undefined;
  }
  // `cluster.settings.__defineGetter__('exec', f)`: an accessor, read only when the launch runs: falls through to unreadable.
  if (writer === 'Object.assign') {
    if (holder === 'execArgv') return unreadable();
    for (const source of written.rest ?? []) {
      const literal = skipOuter(source);
      if (!ts.isObjectLiteralExpression(literal)) return unreadable();
      if (holder === 'cluster') followClusterSetup(walker, literal, 'cluster.settings');
      else for (const property of literal.properties) judgeAssignedProperty(walker, property, holder, unreadable);
    }
    return;
  }
  if (writer === 'Reflect.set') {
    const key = second === undefined ? null : constantString(second, walker.scope);
    if (key === null || key === undefined) return holder === 'env' ? undefined : unreadable();
    return followWrite(walker, call, holder, key, third);
  }
  if (writer === 'Object.defineProperty' || writer === 'Reflect.defineProperty') {
    const key = second === undefined ? null : constantString(second, walker.scope);
    const descriptor = third === undefined ? undefined : skipOuter(third);
    if (key === null || key === undefined || descriptor === undefined || !ts.isObjectLiteralExpression(descriptor)) return unreadable();
    const value = descriptor.properties.find((property): property is ts.PropertyAssignment => ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'value');
    if (descriptor.properties.some((property) => !ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property))) return unreadable();
    return followWrite(walker, call, holder, key, value?.initializer);
  }
  return unreadable();
}

/** A property of an object assigned into `process.env`: its `NODE_OPTIONS` followed; a spread or a computed key unread. */
function judgeAssignedProperty(walker: Walker, property: ts.ObjectLiteralElementLike, holder: Holder, unreadable: () => void): void {
  if (ts.isSpreadAssignment(property)) return holder === 'env' ? undefined : unreadable();
  const name = property.name === undefined ? undefined : ts.isComputedPropertyName(property.name) ? constantString(property.name.expression, walker.scope) : property.name.getText(walker.sourceFile).replace(/^['"]|['"]$/g, '');
  if (name === undefined || name === null) return unreadable();
  // Followed here once: the settings rule (launch-settings.ts) leaves the property alone.
  markFollowedSetting(property);
  if (ts.isPropertyAssignment(property)) return followWrite(walker, property, holder, name, property.initializer);
  if (ts.isShorthandPropertyAssignment(property)) return followWrite(walker, property, holder, name, property.name);
  return unreadable();
}

/**
 * `ea.push('-r', x)`, `ea[0] = x` where `const ea = process.execArgv`: the alias is the parent's
 * own list, changed (a written-out `process.execArgv.push(…)` is followed by launch-settings.ts).
 */
export function judgeExecArgvAliasChange(walker: Walker, list: ts.Expression, at: ts.Node): boolean {
  if (!isAlias(list) || holderOf(list, walker) !== 'execArgv') return false;
  walker.report.unanalyzed(at, excerpt(list.getText(walker.sourceFile)), 'an alias of `process.execArgv` changed: the Node arguments of later `fork()` calls (they may preload a file)');
  return true;
}
