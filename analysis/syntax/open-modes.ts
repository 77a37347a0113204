import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { DEFAULT_OPEN_FLAGS, isOpenConstantSource, openModeCapabilities, openModeRow, type OpenFlags, type OpenModeRow } from '../../policy/index.js';
import { judgeInspectorSignal } from './inspector-signals.js';
import { judgeLoaderStateCall } from './loader-state.js';
import type { Scope } from './scope.js';
import { isStringish, literalString, memberKey, propertyNameText, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

/**
 * A direct call of a flag-sensitive fs member (policy/open-modes.ts) is judged by its flags:
 * `openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW)` reads only. Flags are evaluated
 * statically; whatever cannot be evaluated (a parameter, a call, a spread) is undefined, which
 * the policy counts as a write. Every other use of the member is judged where it is seen.
 */

/** `const` → `const` chains are followed this deep; a longer chain counts as not evaluable. */
const MAX_CONST_DEPTH = 8;

interface FlagSensitiveCallee {
  readonly row: OpenModeRow;
  readonly name: string;
  /** The identifier or member access that names the member; its own visit must not judge it again. */
  readonly reference: ts.Expression;
}

/** Judges `call` at the call when it calls a flag-sensitive member, and marks the callee as judged. */
export function judgeOpenModeCall(walker: Walker, call: ts.CallExpression | ts.NewExpression): void {
  // Other calls judged by their arguments: a signal that opens the inspector, a change to the loader's search state.
  if (tsv.isCallExpression(call)) {
    judgeInspectorSignal(walker, call);
    judgeLoaderStateCall(walker, call);
  }
  const callee = flagSensitiveCallee(skipOuter(call.expression), walker.scope);
  if (callee === undefined) return;
  const candidates = flagsOf(call.arguments ?? [], callee.row, walker.scope);
  walker.report.reach(candidates === undefined ? openModeCapabilities(undefined) : [...new Set(candidates.flatMap(openModeCapabilities))], call, callee.name, 'member');
  walker.judgedCallees.add(callee.reference);
}

/** `openSync` (a named import or destructured member) or `fs.openSync` (a namespace or default binding). */
function flagSensitiveCallee(callee: ts.Expression, scope: Scope): FlagSensitiveCallee | undefined {
  if (tsv.isIdentifier(callee)) {
    const binding = scope.lookup(callee.text);
    const row = binding?.kind === 'flag-sensitive' ? openModeRow(binding.specifier, binding.member) : undefined;
    return row === undefined ? undefined : { row, name: row.member, reference: callee };
  }
  if (!tsv.isPropertyAccessExpression(callee) && !tsv.isElementAccessExpression(callee)) return undefined;
  const base = skipOuter(callee.expression);
  const binding = tsv.isIdentifier(base) ? scope.lookup(base.text) : undefined;
  const key = memberKey(callee);
  const row = binding?.kind === 'module' && key !== null ? openModeRow(binding.specifier, key) : undefined;
  return row === undefined ? undefined : { row, name: `${(base as ts.Identifier).text}.${row.member}`, reference: callee };
}

/** Every flags value the call may open with (`sync ? 'rs' : 'r'` may be either); undefined when one cannot be evaluated. */
function flagsOf(args: readonly ts.Expression[], row: OpenModeRow, scope: Scope): OpenFlags[] | undefined {
  // A spread can put anything in any position.
  if (args.some(tsv.isSpreadElement)) return undefined;
  const { index } = row.flags;
  // In the callback API the last argument is the callback: `fs.open(p, done)` opens with the default.
  const argument = row.callback === true && args.length === index + 1 ? undefined : args[index];
  if (argument === undefined || isAbsent(argument, scope)) return [DEFAULT_OPEN_FLAGS];
  if (row.flags.kind === 'positional') return flagChoices(argument, scope, 0);
  return optionsFlags(argument, row.flags.property, scope);
}

/**
 * The flags an expression may evaluate to: both branches of `c ? a : b`, both sides of `a || b`,
 * `a ?? b` and `a && b` (a falsy left is the value: `0` is O_RDONLY), a `const` bound to any of
 * these; undefined when any choice cannot be evaluated.
 */
function flagChoices(expression: ts.Expression, scope: Scope, depth: number): OpenFlags[] | undefined {
  const inner = skipOuter(expression);
  const pair = tsv.isConditionalExpression(inner) ? [inner.whenTrue, inner.whenFalse] : tsv.isBinaryExpression(inner) && CHOOSING.has(inner.operatorToken.kind) ? [inner.left, inner.right] : undefined;
  if (pair !== undefined) {
    const [first, second] = pair.map((choice) => (isAbsent(choice, scope) ? [DEFAULT_OPEN_FLAGS] : flagChoices(choice, scope, depth)));
    return first === undefined || second === undefined ? undefined : [...first, ...second];
  }
  const binding = tsv.isIdentifier(inner) ? scope.lookup(inner.text) : undefined;
  // The initializer is read in the scope it was written in, not the caller's.
  if (binding?.kind === 'const' && depth < MAX_CONST_DEPTH) return flagChoices(binding.initializer, binding.scope, depth + 1);
  const flags = evaluateFlags(inner, scope, depth);
  return flags === undefined ? undefined : [flags];
}

const CHOOSING: ReadonlySet<ts.SyntaxKind> = new Set([tsv.SyntaxKind.BarBarToken, tsv.SyntaxKind.QuestionQuestionToken, tsv.SyntaxKind.AmpersandAmpersandToken]);

/** `undefined`, `null` and `void x` leave the flags at Node's default. */
function isAbsent(expression: ts.Expression, scope: Scope): boolean {
  const inner = skipOuter(expression);
  if (tsv.isIdentifier(inner)) return inner.text === 'undefined' && scope.lookup('undefined') === undefined;
  return inner.kind === tsv.SyntaxKind.NullKeyword || tsv.isVoidExpression(inner);
}

/**
 * `{ flag: X }`: the object literal is folded in order and the last write of `property` wins, spreads
 * included (`{ flag: 'a', ...{ flag: 'r' } }` reads). A spread whose properties cannot be read, a computed
 * key, a getter or a method after it hides it.
 */
function optionsFlags(argument: ts.Expression, property: string, scope: Scope): OpenFlags[] | undefined {
  const options = skipOuter(argument);
  // A string in the options position is an encoding.
  if (isStringish(options)) return [DEFAULT_OPEN_FLAGS];
  if (!tsv.isObjectLiteralExpression(options)) return undefined;
  return foldedFlags(options, property, scope, [DEFAULT_OPEN_FLAGS], 'own');
}

/**
 * The flags after `literal`'s properties are written over `flags`. `'own'`: the literal is the options
 * object, so `__proto__: …` sets the prototype the flag is inherited from; `'spread'`: only its own
 * properties are copied (a `__proto__: …` there copies nothing).
 */
function foldedFlags(literal: ts.ObjectLiteralExpression, property: string, scope: Scope, before: OpenFlags[] | undefined, as: 'own' | 'spread'): OpenFlags[] | undefined {
  let flags = before;
  for (const element of literal.properties) {
    if (tsv.isSpreadAssignment(element)) {
      flags = spreadFlags(element.expression, property, scope, flags);
      continue;
    }
    const name = element.name === undefined ? null : propertyNameText(element.name);
    if (name !== null && name !== property && name !== '__proto__') continue;
    if (name === '__proto__' && !tsv.isComputedPropertyName(element.name)) {
      if (as === 'own') flags = undefined;
      continue;
    }
    if (tsv.isPropertyAssignment(element) && name !== null) {
      flags = isAbsent(element.initializer, scope) ? [DEFAULT_OPEN_FLAGS] : flagChoices(element.initializer, scope, 0);
    } else if (tsv.isShorthandPropertyAssignment(element)) {
      flags = isAbsent(element.name, scope) ? [DEFAULT_OPEN_FLAGS] : flagChoices(element.name, scope, 0);
    } else {
      flags = undefined; // a computed key, a getter or a method: the flag is not visible
    }
  }
  return flags;
}

/**
 * `...{ flag: 'r' }` and `...null` are folded in; any other spread hides the flag (a `const` object may be
 * written to before it is spread, as an options object in a `const` is not followed either).
 */
function spreadFlags(spread: ts.Expression, property: string, scope: Scope, before: OpenFlags[] | undefined): OpenFlags[] | undefined {
  const inner = skipOuter(spread);
  if (isAbsent(inner, scope)) return before;
  return tsv.isObjectLiteralExpression(inner) ? foldedFlags(inner, property, scope, before, 'spread') : undefined;
}

/** String literals, `0`, `O_*` constants, `|` of numeric parts, and `const`s bound to any of these. */
function evaluateFlags(expression: ts.Expression, scope: Scope, depth: number): OpenFlags | undefined {
  const inner = skipOuter(expression);
  const text = literalString(inner);
  if (text !== undefined) return { kind: 'string', value: text };
  if (tsv.isNumericLiteral(inner)) return Number(inner.text) === 0 ? { kind: 'numeric', names: [] } : undefined;
  if (tsv.isBinaryExpression(inner) && inner.operatorToken.kind === tsv.SyntaxKind.BarToken) {
    const left = evaluateFlags(inner.left, scope, depth);
    const right = left?.kind === 'numeric' ? evaluateFlags(inner.right, scope, depth) : undefined;
    return left?.kind === 'numeric' && right?.kind === 'numeric' ? { kind: 'numeric', names: [...left.names, ...right.names] } : undefined;
  }
  const constant = openConstantName(inner, scope);
  if (constant !== undefined) return { kind: 'numeric', names: [constant] };
  const binding = tsv.isIdentifier(inner) ? scope.lookup(inner.text) : undefined;
  // The initializer is read in the scope it was written in, not the caller's.
  if (binding?.kind === 'const' && depth < MAX_CONST_DEPTH) return evaluateFlags(binding.initializer, binding.scope, depth + 1);
  return undefined;
}

/** `constants.O_X`, `fs.constants.O_X`, or `O_X` imported from `node:constants`: the name `O_X`. */
function openConstantName(expression: ts.Expression, scope: Scope): string | undefined {
  if (tsv.isIdentifier(expression)) {
    const binding = scope.lookup(expression.text);
    return binding?.kind === 'member' && isOpenConstantSource(binding.specifier) ? binding.member : undefined;
  }
  if (!tsv.isPropertyAccessExpression(expression) && !tsv.isElementAccessExpression(expression)) return undefined;
  const name = memberKey(expression);
  return name !== null && isConstantsObject(skipOuter(expression.expression), scope) ? name : undefined;
}

/** `constants` (a named import or destructured member of `node:fs`, or `node:constants` itself) or `fs.constants`. */
function isConstantsObject(expression: ts.Expression, scope: Scope): boolean {
  if (tsv.isIdentifier(expression)) {
    const binding = scope.lookup(expression.text);
    if (binding?.kind === 'member') return isOpenConstantSource(binding.specifier, binding.member);
    return binding?.kind === 'module' && isOpenConstantSource(binding.specifier);
  }
  if (!tsv.isPropertyAccessExpression(expression) && !tsv.isElementAccessExpression(expression)) return false;
  const base = skipOuter(expression.expression);
  const binding = tsv.isIdentifier(base) ? scope.lookup(base.text) : undefined;
  const key = memberKey(expression);
  return binding?.kind === 'module' && key !== null && isOpenConstantSource(binding.specifier, key);
}
