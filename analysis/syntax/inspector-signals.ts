import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { constantString } from './constants.js';
import { isProcessMember } from './module-loads.js';
import { listedSignalCondition } from './listed-signals.js';
import { skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

/**
 * A Node process answers SIGUSR1 by opening its inspector on 127.0.0.1:9229, a port that evaluates
 * whatever code a client sends: `process.kill(pid, 'SIGUSR1')` (this process's pid or another Node
 * process's) is NETWORK and DYNAMIC_CODE, not only the SYSTEM of a signal (policy/globals.ts). The
 * signal is read at the call: SIGUSR1 by name, or a number that is SIGUSR1 on some platform (10 on
 * Linux, 30 on macOS and the BSDs, 16 on Linux/MIPS), or anything not a constant. No signal is SIGTERM.
 */
const SIGUSR1_SPELLINGS: ReadonlySet<string> = new Set(['SIGUSR1', '10', '16', '30']);
const INSPECTOR: readonly ['NETWORK', 'DYNAMIC_CODE'] = ['NETWORK', 'DYNAMIC_CODE'];

/** The signal argument of `process.kill(pid, sig)`, `.call(p, pid, sig)` or `.apply(p, [pid, sig])`; null: not a kill; undefined: none given. */
function signalArgument(walker: Walker, call: ts.CallExpression): ts.Expression | undefined | null {
  const callee = skipOuter(call.expression);
  if (isProcessMember(callee, 'kill', walker.scope, GLOBAL_OBJECT_NAMES)) return call.arguments[1];
  if (!tsv.isPropertyAccessExpression(callee) || !isProcessMember(callee.expression, 'kill', walker.scope, GLOBAL_OBJECT_NAMES)) return null;
  if (callee.name.text === 'call') return call.arguments[2];
  if (callee.name.text !== 'apply') return null;
  const list = call.arguments[1] === undefined ? undefined : skipOuter(call.arguments[1]);
  // `.apply(process, args)`: the signal is not visible.
  if (list === undefined || !tsv.isArrayLiteralExpression(list) || list.elements.some(tsv.isSpreadElement)) return skipOuter(callee);
  return list.elements[1];
}

export function judgeInspectorSignal(walker: Walker, call: ts.CallExpression): void {
  const signal = signalArgument(walker, call);
  if (signal === null || signal === undefined) return;
  const value = constantString(signal, walker.scope);
  if (value !== undefined && !SIGUSR1_SPELLINGS.has(value)) return;
  // An element of a list another module exports: the guard withdraws it when that list never holds SIGUSR1.
  const listed = value === undefined ? listedSignalCondition(walker.sourceFile, walker.ancestors, signal, SIGUSR1_SPELLINGS) : undefined;
  if (listed !== undefined) return walker.report.reachUnless(listed, INSPECTOR, call, 'process.kill(…, <signal>)', 'member');
  walker.report.reach(INSPECTOR, call, value === undefined ? 'process.kill(…, <signal>)' : `process.kill(…, ${value})`, 'member');
}
