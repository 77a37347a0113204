import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { carriedCapability } from './carried-capabilities.js';
import { globalName } from './module-loads.js';
import { sharedObjectOf } from './shared-stores.js';
import { excerpt } from './syntax.js';
import type { Walker } from './walker.js';
import { isLegacyDefiner, writerCallOf } from './writer-calls.js';

/**
 * `Object.assign(require('node:util'), { run: cp.execSync })`, `Reflect.set(process, 'run', …)`,
 * `Object.defineProperty(Array.prototype, 'sh', { get: () => cp.execSync })`,
 * `globalThis.__defineGetter__('run', () => cp.execSync)` (or `__defineSetter__`, handed every later write): a shared object (shared-stores.ts
 * sharedObjectOf) written through a function, judged as `=` judges it: UNANALYZED when what is
 * written (the sources, the descriptor's value or getter, the getter) carries a capability.
 * The global object handed to `Object`/`Reflect` writers is already judged as a value (only data
 * stays clean: global-data-writes.ts), so only its legacy getter is judged here.
 */
export function judgeSharedWriterCall(walker: Walker, call: ts.CallExpression): void {
  const written = writtenThrough(walker, call);
  if (written === undefined) return;
  const owner = sharedObjectOf(walker, written.target);
  if (owner === undefined) return;
  for (const value of written.values) {
    const carried = carriedCapability(walker, value);
    if (carried === undefined) continue;
    walker.report.unanalyzed(call, excerpt(owner), `a capability (\`${excerpt(carried.getText(walker.sourceFile))}\`) written by \`${written.writer}\` where every module reads it: each uses it under its own grants`);
    return;
  }
}

/** The object a writer call writes into and the arguments that hold what it writes (writer-calls.ts). */
function writtenThrough(walker: Walker, call: ts.CallExpression): { readonly writer: string; readonly target: ts.Expression; readonly values: readonly ts.Expression[] } | undefined {
  const written = writerCallOf(call, walker.scope);
  if (written?.target === undefined || written.writer === 'method.call') return undefined;
  // A legacy definer's setter is handed every later write of the key; `.apply` hides what it defines: all its arguments may be.
  if (isLegacyDefiner(written.writer)) return { writer: written.writer, target: written.target, values: written.rest ?? call.arguments.slice(1) };
  if (isGlobalObject(walker, written.target)) return undefined;
  return { writer: written.writer, target: written.target, values: written.rest ?? [] };
}

function isGlobalObject(walker: Walker, expression: ts.Expression): boolean {
  const name = globalName(expression, walker.scope, GLOBAL_OBJECT_NAMES);
  return name !== undefined && GLOBAL_OBJECT_NAMES.includes(name);
}
