import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { constantKey } from './constants.js';
import { globalName } from './module-loads.js';
import type { Scope } from './scope.js';
import { skipOuter } from './syntax.js';

/**
 * The one recognizer of calls that write into an object other than by `=` (launch settings,
 * shared stores, evaluated builtins, builtin patches and shared prototypes all judge these):
 * the `Object`/`Reflect` writers, the legacy definers every object inherits (`o.__defineGetter__(k, f)`
 * and `Object.prototype.__defineSetter__.call(o, k, f)`, each the same write as
 * `Object.defineProperty(o, k, { get: f })`), and any other method handed its receiver by
 * `.call`/`.apply` (`Array.prototype.push.call(list, …)`).
 */

/** Functions of `Object` and `Reflect` that write into their first argument. */
const WRITER_FUNCTIONS: ReadonlySet<string> = new Set(['Reflect.set', 'Reflect.defineProperty', 'Object.defineProperty', 'Object.defineProperties', 'Object.assign', 'Reflect.setPrototypeOf', 'Object.setPrototypeOf']);
/** Their method names: only a callee named so is looked up further (this runs at every call). */
const WRITER_METHODS: ReadonlySet<string> = new Set([...WRITER_FUNCTIONS].map((name) => name.slice(name.indexOf('.') + 1)));
/** Accessor definers every object inherits from `Object.prototype`. */
const LEGACY_DEFINERS: ReadonlySet<string> = new Set(['__defineGetter__', '__defineSetter__']);

/** `Object.defineProperty`, `Reflect.set`, …, `__defineGetter__`/`__defineSetter__`, or `method.call` for any other borrowed method. */
export type Writer = string;

export interface WriterCall {
  readonly writer: Writer;
  /** The object written into; undefined when not written out (a spread, a missing argument). */
  readonly target: ts.Expression | undefined;
  /** What follows the target: a definer's key and descriptor (or accessor), `assign`'s sources; undefined when `.apply` hides them. */
  readonly rest: readonly ts.Expression[] | undefined;
}

/** True for `__defineGetter__`/`__defineSetter__`: a write of one accessor, keyed by `rest[0]`. */
export function isLegacyDefiner(writer: Writer): boolean {
  return LEGACY_DEFINERS.has(writer);
}

/** The writer a callee names (`Reflect.set`, `o.__defineGetter__`), or `method.call` for `f.call`/`f.apply`; undefined for any other callee. */
export function writerOf(callee: ts.Expression, scope: Scope): Writer | undefined {
  const inner = skipOuter(callee);
  if (!tsv.isPropertyAccessExpression(inner) && !tsv.isElementAccessExpression(inner)) return undefined;
  const key = constantKey(inner, scope);
  if (key === null) return undefined;
  if (LEGACY_DEFINERS.has(key)) return key;
  if (!WRITER_METHODS.has(key) && key !== 'call' && key !== 'apply') return undefined;
  const owner = globalName(inner.expression, scope, GLOBAL_OBJECT_NAMES);
  if (owner !== undefined && WRITER_FUNCTIONS.has(`${owner}.${key}`)) return `${owner}.${key}`;
  if (key !== 'call' && key !== 'apply') return undefined;
  // `Object.prototype.__defineGetter__.call(o, …)`: the legacy definer given its target.
  const method = skipOuter(inner.expression);
  const borrowed = (tsv.isPropertyAccessExpression(method) || tsv.isElementAccessExpression(method)) ? constantKey(method, scope) : null;
  return borrowed !== null && LEGACY_DEFINERS.has(borrowed) ? borrowed : 'method.call';
}

/** A call that writes into an object, with its target and what it writes (above), or undefined. */
export function writerCallOf(call: ts.CallExpression, scope: Scope): WriterCall | undefined {
  const writer = writerOf(call.expression, scope);
  if (writer === undefined) return undefined;
  const callee = skipOuter(call.expression) as ts.PropertyAccessExpression | ts.ElementAccessExpression;
  const args = call.arguments;
  const written = (expression: ts.Expression | undefined): ts.Expression | undefined => (expression === undefined || tsv.isSpreadElement(expression) ? undefined : expression);
  if (LEGACY_DEFINERS.has(writer) && LEGACY_DEFINERS.has(constantKey(callee, scope) ?? '')) return { writer, target: callee.expression, rest: [...args] };
  if (LEGACY_DEFINERS.has(writer)) {
    // Borrowed: `.call(o, k, f)` hands the target first; `.apply(o, [k, f])` hides the key.
    const rest = constantKey(callee, scope) === 'call' ? args.slice(1) : undefined;
    return { writer, target: written(args[0]), rest };
  }
  return { writer, target: written(args[0]), rest: args.slice(1) };
}
