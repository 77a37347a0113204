import ts from '../../policy/typescript.cjs';
import { launchSettingsHolder } from './launch-reflective-writes.js';
import { mayChangeUse } from './launch-mutations.js';
import { isCallbackMethod } from './launch-read-hooks.js';
import { excerpt, skipOuter } from './syntax.js';
import { mayMention } from './text-mentions.js';
import type { Walker } from './walker.js';

/**
 * `process.execArgv` (a `fork`'s default Node arguments) given to code that may change it without
 * naming it: a function of the program (`addPreload(process.execArgv)`), a `JSON.stringify`
 * replacer, a `Symbol.hasInstance` behind `instanceof`, a callback given the array
 * (`process.execArgv.forEach((a, i, list) => …)`), a literal holding it that is iterated
 * (`for (const f of [process.execArgv]) f.push(…)`). Judged as a launch `const`'s uses are
 * (launch-mutations.ts, docs/choices.md 28 and 35): only a use on the allowlist of reads leaves
 * it as it is; anything else is UNANALYZED where it happens. Writes the settings rule reads
 * (`process.execArgv.push(…)`, `Reflect.set`, `Array.prototype.push.call`) are judged there.
 */

const REASON = 'process.execArgv handed to code that may change it: the Node arguments of later `fork()` calls (they may preload a file)';

function isExecArgv(expression: ts.Expression, walker: Walker): boolean {
  return launchSettingsHolder(expression, walker) === 'execArgv';
}

function judgeUse(walker: Walker, above: readonly ts.Node[], use: ts.Expression): void {
  if (mayChangeUse([...above, use], 'arguments', walker)) walker.report.unanalyzed(use, excerpt(use.getText(walker.sourceFile)), REASON);
}

/** Calls judged by launch-reflective-writes.ts when `process.execArgv` is their first argument (`Reflect.set(x, …)`, `Object.assign(x, …)`, `m.call(x, …)`). */
function isReflectiveWriter(callee: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(callee)) return false;
  if (callee.name.text === 'call' || callee.name.text === 'apply') return true;
  const owner = skipOuter(callee.expression);
  return ts.isIdentifier(owner) && (owner.text === 'Reflect' || owner.text === 'Object');
}

/** `f(process.execArgv)`, `f([process.execArgv])`, `process.execArgv.forEach((a, i, list) => …)`. */
export function judgeExecArgvInCall(walker: Walker, call: ts.CallExpression): void {
  if (!mayMention(walker.sourceFile, 'execArgv')) return;
  const callee = skipOuter(call.expression);
  // `process.execArgv.forEach((a, i, list) => …)`: judged from the member call up (launch-mutations.ts reads the callback).
  const member = call.expression;
  if (ts.isPropertyAccessExpression(member) && isExecArgv(member.expression, walker)) {
    if (isCallbackMethod(member.name.text)) judgeUse(walker, [...walker.ancestors, member], member.expression);
    return;
  }
  const first = call.arguments[0];
  if (isReflectiveWriter(callee) && first !== undefined && isExecArgv(first, walker)) return;
  for (const argument of call.arguments) {
    const inner = skipOuter(argument);
    if (isExecArgv(inner, walker)) judgeUse(walker, walker.ancestors, argument);
    else if (ts.isArrayLiteralExpression(inner)) {
      for (const element of inner.elements) if (isExecArgv(element, walker)) judgeUse(walker, [...walker.ancestors, inner], element);
    }
  }
}

/** `process.execArgv instanceof Tweak`, `for (const f of [process.execArgv])`, `{ a: process.execArgv }`. */
export function judgeExecArgvOperand(walker: Walker, holder: ts.Node, operand: ts.Expression): void {
  if (!mayMention(walker.sourceFile, 'execArgv')) return;
  const inner = skipOuter(operand);
  if (isExecArgv(inner, walker)) judgeUse(walker, [...walker.ancestors.slice(0, walker.ancestors.lastIndexOf(holder) + 1)], operand);
  else if (ts.isArrayLiteralExpression(inner) && !ts.isBinaryExpression(holder)) {
    for (const element of inner.elements) if (isExecArgv(element, walker)) judgeUse(walker, [...walker.ancestors.slice(0, walker.ancestors.lastIndexOf(holder) + 1), operand], element);
  }
}
