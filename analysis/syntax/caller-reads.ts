import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { constantKey, constantString } from './constants.js';
import type { Scope } from './scope.js';
import { propertyNameText, skipOuter } from './syntax.js';
import type { Flow } from './value-flow.js';
import type { Walker } from './walker.js';
import { isDeclaredForTestsAndDataReads } from './global-value-uses.js';

/** Members of the calling function that are facts about it, not a way into it. */
const FACT_KEYS: ReadonlySet<string> = new Set(['name', 'length']);

/**
 * `fn.caller` (`Function.prototype.caller`, also as `arguments.callee.caller`) hands out the
 * function that called `fn`. Called from a sloppy CommonJS module's top level, that is the module
 * wrapper, and its `arguments` are `exports, require, module, __filename, __dirname`: the loader
 * reached without ever naming it. Where the value goes cannot be followed, so any use of it but a
 * test or a read of its `name`/`length` is UNANALYZED. With types, a base that cannot be a
 * function (`ctx.caller` on a plain object) is an ordinary property.
 */
export function judgeCallerRead(walker: Walker, node: ts.Node, base: ts.Expression, flow: Flow): void {
  if (walker.types?.mayBeFunction(skipOuter(base)) === false) return;
  if (flow.kind === 'tested' || flow.kind === 'discarded') return;
  if (flow.kind === 'member' && FACT_KEYS.has(constantKey(flow.access, walker.scope) ?? '')) return;
  if (flow.kind === 'destructured' && flow.pattern.elements.every((element) => element.dotDotDotToken === undefined && FACT_KEYS.has(propertyNameText(element.propertyName ?? element.name) ?? ''))) return;
  walker.report.unanalyzed(node, '(function).caller', "a function's caller is reached by reflection; at a CommonJS module's top level it is the module wrapper, whose `arguments` hold `require`");
}

/** `const { caller } = fn` (also with a constant computed key): the caller is taken out by destructuring. */
export function destructuresCaller(pattern: ts.ObjectBindingPattern, scope: Scope): ts.BindingElement | undefined {
  return pattern.elements.find((element) => {
    if (element.dotDotDotToken !== undefined) return false;
    const name = element.propertyName ?? element.name;
    const key = tsv.isComputedPropertyName(name) ? constantString(name.expression, scope) : propertyNameText(name);
    return key === 'caller';
  });
}

/** Call-site methods that hand out a frame's values: its function (a sloppy CommonJS frame's is the module wrapper) and its receiver (a sloppy frame called plainly gets the global object). */
const CALL_SITE_REACHES: Readonly<Record<string, string>> = {
  getFunction: "a stack frame's function is reached by reflection; a sloppy CommonJS frame's is the module wrapper, whose `arguments` hold `require`",
  getThis: "a stack frame's receiver is reached by reflection; a sloppy function called without one has the global object",
};

/**
 * `site.getFunction()` / `site.getThis()` on a V8 call site (`Error.prepareStackTrace = (_, sites) =>
 * sites`, or `Error.captureStackTrace`) hand out the function or the receiver of a frame: the CommonJS
 * module wrapper (the same reach as `.caller`) or, for a sloppy function called plainly, the global
 * object. Only the argument-less call is judged (the call sites' methods take none), and not when it is
 * only tested.
 */
export function judgeCallSiteFunction(walker: Walker, call: ts.CallExpression): void {
  const callee = skipOuter(call.expression);
  if (call.arguments.length !== 0 || !(tsv.isPropertyAccessExpression(callee) || tsv.isElementAccessExpression(callee))) return;
  const key = constantKey(callee, walker.scope);
  const why = key === null || !Object.hasOwn(CALL_SITE_REACHES, key) ? undefined : CALL_SITE_REACHES[key];
  if (why === undefined) return;
  const flow = walker.flowAt(call);
  if (flow.kind === 'tested' || flow.kind === 'discarded') return;
  // `var context = site.getThis(); … context && context.name`: kept in a local only tested or read for data.
  if (walker.ancestors[walker.ancestors.length - 1] === call && isDeclaredForTestsAndDataReads(walker.ancestors)) return;
  if (flow.kind === 'member' && FACT_KEYS.has(constantKey(flow.access, walker.scope) ?? '')) return;
  walker.report.unanalyzed(call, `(call site).${key}()`, why);
}
