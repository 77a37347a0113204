import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { constantKey, constantString } from './constants.js';
import { isHookFreeBuiltinClassName } from './hook-free-tests.js';
import { isFoldedGlobal } from './folded-builtins.js';
import { globalName } from './module-loads.js';
import type { Scope } from './scope.js';
import { propertyNameText, skipOuter } from './syntax.js';
import { isLegacyDefiner, writerCallOf } from './writer-calls.js';
import { assignedReferences } from './launch-pattern-targets.js';
import { ownlyAssigned } from './launch-read-hooks.js';

/**
 * Builtins the guard trusts, replaced by the program (docs/choices.md 66, the judgment of choice 35
 * for other builtins): a builtin class is hook-free under `instanceof` only while nothing can define
 * `Symbol.hasInstance` on it (hook-free-tests.ts), the constant folder (`String.fromCharCode`,
 * `JSON.parse`, `Object.keys`, `decodeURIComponent`: constants.ts, folded-builtins.ts, docs/choices.md 77;
 * its `String.prototype` methods are judged with the shared prototypes, launch-read-hooks.ts) and the
 * symbol-key readers (`globalThis[Symbol.for('k')]`, global-data-writes.ts) hold only while those
 * are the builtins. Which reads run after a patch is a
 * property of the process, so the patch itself is the finding, in whichever module writes it.
 */

/**
 * Builtins whose members the folder calls or the key readers trust: every member of `Symbol` (any
 * `Symbol.x` is read as a symbol key), `String.raw` (the tag check) and the functions of `String`,
 * `JSON` and `Object` the folder evaluates (folded-builtins.ts: `String.fromCharCode`, `JSON.parse`,
 * `Object.keys`). `String.naturalCompare = f` (natural-compare) adds a member nothing of the guard reads.
 */
const TRUSTED_NAMESPACES: ReadonlySet<string> = new Set(['Symbol', 'String', 'JSON', 'Object']);

/** Does writing `key` (null: computed) into the trusted builtin `name` change what the guard reads? */
function trustedKey(name: string, key: string | null): boolean {
  if (name === 'Symbol' || key === null) return true;
  return (name === 'String' && key === 'raw') || isFoldedGlobal(name, key);
}
/** Members of `Symbol` whose replacement changes what a symbol key is. */
const SYMBOL_FACTORIES: ReadonlySet<string> = new Set(['for', 'keyFor', '__proto__']);

/** What a node replaces among the trusted builtins (`String.fromCharCode`, `Array`'s `Symbol.hasInstance`), or undefined. */
export function builtinMemberPatchOf(node: ts.Node, scope: Scope): string | undefined {
  if (tsv.isBinaryExpression(node)) {
    if (node.operatorToken.kind < tsv.SyntaxKind.FirstAssignment || node.operatorToken.kind > tsv.SyntaxKind.LastAssignment) return undefined;
    // `({ f: String.fromCharCode } = …)`: every place a destructuring assignment writes, with the value a literal source shows (else the whole source).
    const written = assignedReferences(node);
    if (written.length === 0) return assignedPatch(node.left, node.right, scope);
    const own = ownlyAssigned(node);
    for (const { target, value } of written) {
      if (own.has(skipOuter(target))) continue;
      const patch = assignedPatch(target, value ?? node.right, scope);
      if (patch !== undefined) return patch;
    }
    return undefined;
  }
  if (!tsv.isCallExpression(node)) return undefined;
  const written = writerCallOf(node, scope);
  if (written === undefined || written.writer === 'method.call') return undefined;
  const target = written.target;
  // `String.__defineGetter__('raw', f)`: a legacy definer defines one accessor, as `defineProperty` does.
  if (isLegacyDefiner(written.writer)) return target === undefined ? undefined : definedPatch(globalName(target, scope, GLOBAL_OBJECT_NAMES), 'defineProperty', [written.rest?.[0]], scope);
  if (target === undefined) return undefined;
  const method = written.writer.slice(written.writer.indexOf('.') + 1);
  const rest = written.rest ?? [];
  const patch = definedPatch(globalName(target, scope, GLOBAL_OBJECT_NAMES), method, writtenKeys(method, rest), scope);
  if (patch !== undefined) return patch;
  // `Object.defineProperty(anything, Symbol.hasInstance, …)`: the target may be a builtin class under a name not followed.
  const definesHook = (method === 'defineProperty' && isHasInstance(rest[0], scope)) || (method === 'defineProperties' && propertiesOf(rest[0]).some((key) => typeof key !== 'string' && isHasInstance(key, scope)));
  return definesHook && !isOwnClass(target, scope) ? 'Symbol.hasInstance' : undefined;
}

/** `Symbol.x = v`, `String.fromCharCode = f`, `Array.__proto__ = p`, `globalThis.Symbol = s`. */
function assignedPatch(left: ts.Expression, right: ts.Expression, scope: Scope): string | undefined {
  const target = skipOuter(left);
  // A name bound in the program (`let get = String; get = f`) is rebound, not the global it held: only an
  // unbound name replaces the global itself.
  const rebindsLocal = tsv.isIdentifier(target) && scope.lookup(target.text) !== undefined;
  const whole = !rebindsLocal && (tsv.isIdentifier(target) || tsv.isPropertyAccessExpression(target) || tsv.isElementAccessExpression(target)) ? globalName(target, scope, GLOBAL_OBJECT_NAMES) : undefined;
  // `decodeURIComponent = f`, `globalThis.JSON = j`: a global the folder calls, replaced whole.
  if (whole !== undefined && (TRUSTED_NAMESPACES.has(whole) || isHookFreeBuiltinClassName(whole) || isFoldedGlobal(whole))) return whole;
  if (!tsv.isPropertyAccessExpression(target) && !tsv.isElementAccessExpression(target)) return undefined;
  const owner = globalName(target.expression, scope, GLOBAL_OBJECT_NAMES);
  if (owner === undefined) return undefined;
  const key = constantKey(target, scope);
  if (TRUSTED_NAMESPACES.has(owner) && trustedKey(owner, key)) {
    // `Symbol.asyncIterator = Symbol.asyncIterator || Symbol.for('…')`: a symbol is what every reader expects.
    const keepsSymbols = owner === 'Symbol' && key !== null && !SYMBOL_FACTORIES.has(key) && isSymbolValue(right, scope);
    return keepsSymbols ? undefined : `${owner}.${key ?? '[…]'}`;
  }
  // A builtin class's own `Symbol.hasInstance` cannot be assigned (the inherited one is read-only); its prototype can.
  return isHookFreeBuiltinClassName(owner) && (key === null || key === '__proto__') ? `${owner}.${key ?? '[…]'}` : undefined;
}

/**
 * A write by a call into `name` (the global the target is), given the keys it writes (a name's text,
 * a computed key, undefined when unknown): a member of `Symbol`/`String` the guard reads; on a
 * builtin class, a new prototype or a key that may be `Symbol.hasInstance` (not a constant string).
 */
function definedPatch(name: string | undefined, method: string, keys: ReadonlyArray<string | ts.Expression | undefined>, scope: Scope): string | undefined {
  if (name === undefined) return undefined;
  const keyText = (key: string | ts.Expression | undefined): string | null => (key === undefined ? null : typeof key === 'string' ? key : (constantString(key, scope) ?? null));
  if (TRUSTED_NAMESPACES.has(name)) {
    // A new prototype changes only members the builtin lacks: any `Symbol.x`, none of the own functions of `String`, `JSON`, `Object`.
    if (method === 'setPrototypeOf' && name === 'Symbol') return `${name} (setPrototypeOf)`;
    if (method !== 'setPrototypeOf' && keys.some((key) => trustedKey(name, keyText(key)))) return `${name} (${method})`;
  }
  // `String` and `Object` are builtin classes too: their `Symbol.hasInstance` is judged as any class's.
  if (!isHookFreeBuiltinClassName(name)) return undefined;
  if (method === 'setPrototypeOf') return `${name} (setPrototypeOf)`;
  if (method !== 'defineProperty' && method !== 'defineProperties') return undefined;
  return keys.some((key) => keyText(key) === null) ? `${name} (${method})` : undefined;
}

/** The keys a writer call writes, given what follows its target: `defineProperty(t, k)` one, `defineProperties(t, {…})` the literal's, `assign(t, …sources)` every source's. */
function writtenKeys(method: string, rest: readonly ts.Expression[]): Array<string | ts.Expression | undefined> {
  if (method === 'defineProperties') return propertiesOf(rest[0]);
  if (method === 'assign') return rest.flatMap((source) => propertiesOf(source));
  return method === 'setPrototypeOf' ? [] : [rest[0]];
}

/** The keys of a `defineProperties` argument: a name's text, a computed key's expression, undefined for a spread or an unknown object. */
function propertiesOf(properties: ts.Expression | undefined): Array<string | ts.Expression | undefined> {
  const inner = properties === undefined ? undefined : skipOuter(properties);
  if (inner === undefined || !tsv.isObjectLiteralExpression(inner)) return [undefined];
  return inner.properties.map((property) => {
    if (property.name === undefined || tsv.isSpreadAssignment(property)) return undefined;
    if (tsv.isComputedPropertyName(property.name)) return property.name.expression;
    return propertyNameText(property.name) ?? undefined;
  });
}

function isHasInstance(key: ts.Expression | undefined, scope: Scope): boolean {
  const inner = key === undefined ? undefined : skipOuter(key);
  return inner !== undefined && (tsv.isPropertyAccessExpression(inner) || tsv.isElementAccessExpression(inner)) && constantKey(inner, scope) === 'hasInstance' && globalName(inner.expression, scope, GLOBAL_OBJECT_NAMES) === 'Symbol';
}

/** A class or function the file declares (its own `Symbol.hasInstance` is its own business). */
function isOwnClass(target: ts.Expression, scope: Scope): boolean {
  const inner = skipOuter(target);
  if (tsv.isClassExpression(inner) || tsv.isFunctionExpression(inner)) return true;
  const kind = tsv.isIdentifier(inner) ? scope.lookup(inner.text)?.kind : undefined;
  return kind === 'function' || kind === 'class';
}

/** `Symbol('x')`, `Symbol.for('x')`, `Symbol.iterator`, and `a || b`/`a ?? b`/`c ? a : b` of those. */
function isSymbolValue(expression: ts.Expression, scope: Scope): boolean {
  const inner = skipOuter(expression);
  if (tsv.isBinaryExpression(inner) && (inner.operatorToken.kind === tsv.SyntaxKind.BarBarToken || inner.operatorToken.kind === tsv.SyntaxKind.QuestionQuestionToken)) return isSymbolValue(inner.left, scope) && isSymbolValue(inner.right, scope);
  if (tsv.isConditionalExpression(inner)) return isSymbolValue(inner.whenTrue, scope) && isSymbolValue(inner.whenFalse, scope);
  const read = tsv.isCallExpression(inner) ? skipOuter(inner.expression) : inner;
  if (tsv.isIdentifier(read)) return tsv.isCallExpression(inner) && globalName(read, scope, GLOBAL_OBJECT_NAMES) === 'Symbol';
  return tsv.isPropertyAccessExpression(read) && globalName(read.expression, scope, GLOBAL_OBJECT_NAMES) === 'Symbol' && (!tsv.isCallExpression(inner) || read.name.text === 'for');
}
