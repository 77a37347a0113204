import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import type { Scope } from './scope.js';
import { propertyNameText, skipOuter } from './syntax.js';
import { loadsOtherModules } from './other-module-loads.js';
import { noteFoldedCall } from './folded-call-sites.js';
import { foldedGlobalCall, foldedMethodCall, foldedObjectKeys, foldedStaticCall, isFoldedNamespace, type Folded, type Primitive } from './folded-builtins.js';

/** `const` → `const` chains are followed this deep; a longer chain is not a constant. */
const MAX_DEPTH = 8;

/**
 * The string an expression always evaluates to, when the syntax alone proves it: literals,
 * `+` of constants, templates whose substitutions are constants, `const` bindings of those (read
 * in the scope they were written in), and the pure builtins of folded-builtins.ts called on
 * constants (`'NODE:PATH'.toLowerCase()`, `JSON.parse('"x"')`, `['constr', 'uctor'].join('')`).
 * `x['const' + 'ructor']` is `x.constructor`. A number is its text as a key (`x[1.50]` is `x['1.5']`).
 */
export function constantString(expression: ts.Expression, scope: Scope, depth = 0): string | undefined {
  const value = constantValue(expression, scope, depth);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** What an expression always evaluates to, by constantString's rules, before it is read as text (a number, a list of constants). */
export function constantValue(expression: ts.Expression, scope: Scope, depth = 0): Folded | undefined {
  const inner = skipOuter(expression);
  if (tsv.isStringLiteralLike(inner)) return inner.text;
  if (tsv.isNumericLiteral(inner)) return Number(inner.text);
  if (tsv.isPrefixUnaryExpression(inner) && (inner.operator === tsv.SyntaxKind.MinusToken || inner.operator === tsv.SyntaxKind.PlusToken)) {
    // Only a number is negated: `-'1'` would convert, and nothing folded needs it.
    const operand = constantValue(inner.operand, scope, depth);
    return typeof operand !== 'number' ? undefined : inner.operator === tsv.SyntaxKind.MinusToken ? -operand : operand;
  }
  if (tsv.isTemplateExpression(inner)) {
    let text = inner.head.text;
    for (const span of inner.templateSpans) {
      const part = constantValue(span.expression, scope, depth);
      if (!isPrimitive(part)) return undefined;
      text += String(part) + span.literal.text;
    }
    return text;
  }
  if (tsv.isBinaryExpression(inner) && inner.operatorToken.kind === tsv.SyntaxKind.PlusToken) {
    const left = constantValue(inner.left, scope, depth);
    const right = isPrimitive(left) ? constantValue(inner.right, scope, depth) : undefined;
    if (!isPrimitive(left) || !isPrimitive(right)) return undefined;
    return typeof left === 'number' && typeof right === 'number' ? left + right : String(left) + String(right);
  }
  if (tsv.isIdentifier(inner) && depth < MAX_DEPTH) {
    const binding = scope.lookup(inner.text);
    // A list is an object the program may change after its `const` is made (`parts[0] = 'x'`): only a primitive is read through a name.
    const value = binding?.kind === 'const' ? constantValue(binding.initializer, binding.scope, depth + 1) : undefined;
    return isPrimitive(value) ? value : undefined;
  }
  if (tsv.isArrayLiteralExpression(inner)) return constantList(inner, scope, depth);
  if (tsv.isCallExpression(inner)) return constantCall(inner, scope, depth);
  if (tsv.isTaggedTemplateExpression(inner)) return constantRawTemplate(inner, scope, depth);
  if (tsv.isElementAccessExpression(inner) || tsv.isPropertyAccessExpression(inner)) return constantElement(inner, scope, depth);
  return undefined;
}

function isPrimitive(value: Folded | undefined): value is Primitive {
  return typeof value === 'string' || typeof value === 'number';
}

/** `['node:', 'path']`: an array literal of constants (no spread, no hole: those read `Symbol.iterator` or the prototype). */
function constantList(list: ts.ArrayLiteralExpression, scope: Scope, depth: number): Folded | undefined {
  const values: Primitive[] = [];
  for (const element of list.elements) {
    const value = tsv.isSpreadElement(element) || tsv.isOmittedExpression(element) ? undefined : constantValue(element, scope, depth);
    if (!isPrimitive(value)) return undefined;
    values.push(value);
  }
  return values;
}

/** `Object.keys({ … })[0]`, `'abc'[1]`, `list.length`: an own element or the length of a folded string or list. */
function constantElement(access: ts.ElementAccessExpression | ts.PropertyAccessExpression, scope: Scope, depth: number): Folded | undefined {
  const key = tsv.isPropertyAccessExpression(access) ? access.name.text : constantValue(access.argumentExpression, scope, depth);
  if (!isPrimitive(key)) return undefined;
  const base = constantValue(access.expression, scope, depth);
  if (base === undefined || typeof base === 'number') return undefined;
  if (key === 'length') return base.length;
  const index = typeof key === 'number' ? key : /^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : undefined;
  // Only an index the value has: a missing one is read from the prototype.
  return index !== undefined && Number.isInteger(index) && index >= 0 && index < base.length ? base[index] : undefined;
}

/**
 * A pure builtin called on constants (folded-builtins.ts): a method of a folded string or list
 * (`'NODE:PATH'.toLowerCase()`, `['constr', 'uctor'].join('')`), a function of an unshadowed global
 * namespace (`JSON.parse('"x"')`, `String.fromCharCode(99)`, `Object.keys({ x: 1 })`), or a global
 * function (`decodeURIComponent('node%3Apath')`). Each is trusted while no module replaces it: the
 * replacement is UNANALYZED where it is written (builtin-member-patches.ts, launch-read-hooks.ts), and a
 * file that loads another module folds none of them.
 */
function constantCall(call: ts.CallExpression, scope: Scope, depth: number): Folded | undefined {
  const file = scope.root.file;
  // A module this file loads may be the one that replaced the builtin (other-module-loads.ts).
  if (file !== undefined && loadsOtherModules(file, (specifier) => constantString(specifier, scope.root))) return undefined;
  const folded = builtinCall(call, scope, depth);
  // The guard decides over the whole program whether the builtin may have been replaced (folded-call-sites.ts).
  if (folded !== undefined && file !== undefined) noteFoldedCall(file, call.getStart(file), folded.builtin);
  return folded?.value;
}

function builtinCall(call: ts.CallExpression, scope: Scope, depth: number): { value: Folded; builtin: string } | undefined {
  const done = (value: Folded | undefined, builtin: string): { value: Folded; builtin: string } | undefined => (value === undefined ? undefined : { value, builtin });
  const callee = skipOuter(call.expression);
  if (tsv.isIdentifier(callee)) {
    if (scope.lookup(callee.text) !== undefined) return undefined;
    const args = constantArguments(call, scope, depth);
    return args === undefined ? undefined : done(foldedGlobalCall(callee.text, args), callee.text);
  }
  if (!tsv.isPropertyAccessExpression(callee) && !tsv.isElementAccessExpression(callee)) return undefined;
  const method = tsv.isPropertyAccessExpression(callee) ? callee.name.text : constantString(callee.argumentExpression, scope, depth);
  if (method === undefined) return undefined;
  const owner = skipOuter(callee.expression);
  if (tsv.isIdentifier(owner) && isFoldedNamespace(owner.text) && scope.lookup(owner.text) === undefined) {
    if (owner.text === 'Object') return done(objectKeysCall(call, method, scope, depth), `Object.${method}`);
    const args = constantArguments(call, scope, depth);
    return args === undefined ? undefined : done(foldedStaticCall(owner.text, method, args), `${owner.text}.${method}`);
  }
  const receiver = constantValue(owner, scope, depth);
  const args = receiver === undefined ? undefined : constantArguments(call, scope, depth);
  if (receiver === undefined || args === undefined) return undefined;
  return done(foldedMethodCall(receiver, method, args), `${typeof receiver === 'string' ? 'String' : 'Array'}.prototype.${method}`);
}

/**
 * ``String.raw`node:path` ``: the template's raw text, substitutions folded as in a template. `String.raw`
 * is trusted as the folded builtins are (its replacement is UNANALYZED: builtin-member-patches.ts).
 */
function constantRawTemplate(tagged: ts.TaggedTemplateExpression, scope: Scope, depth: number): string | undefined {
  const file = scope.root.file;
  const tag = skipOuter(tagged.tag);
  if (!tsv.isPropertyAccessExpression(tag) || tag.name.text !== 'raw' || !tsv.isIdentifier(tag.expression) || tag.expression.text !== 'String' || scope.lookup('String') !== undefined) return undefined;
  if (file !== undefined && loadsOtherModules(file, (specifier) => constantString(specifier, scope.root))) return undefined;
  const template = tagged.template;
  let text = tsv.isNoSubstitutionTemplateLiteral(template) ? template.rawText : template.head.rawText;
  if (!tsv.isNoSubstitutionTemplateLiteral(template)) {
    for (const span of template.templateSpans) {
      const part = constantValue(span.expression, scope, depth);
      if (!isPrimitive(part) || text === undefined || span.literal.rawText === undefined) return undefined;
      text += String(part) + span.literal.rawText;
    }
  }
  if (text !== undefined && file !== undefined) noteFoldedCall(file, tagged.getStart(file), 'String.raw');
  return text;
}

function constantArguments(call: ts.CallExpression, scope: Scope, depth: number): Folded[] | undefined {
  const values: Folded[] = [];
  for (const argument of call.arguments) {
    const value = tsv.isSpreadElement(argument) ? undefined : constantValue(argument, scope, depth);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values;
}

/** `Object.keys({ 'node:path': 1 })`: the own keys of an object literal whose every key is written out (no spread). */
function objectKeysCall(call: ts.CallExpression, member: string, scope: Scope, depth: number): Folded | undefined {
  const [object] = call.arguments;
  const literal = object === undefined || call.arguments.length !== 1 ? undefined : skipOuter(object);
  if (literal === undefined || !tsv.isObjectLiteralExpression(literal)) return undefined;
  const keys: string[] = [];
  for (const property of literal.properties) {
    if (tsv.isSpreadAssignment(property)) return undefined;
    const name = property.name;
    // `__proto__: v` (not computed, not shorthand) sets the prototype instead of a key.
    if (tsv.isPropertyAssignment(property) && !tsv.isComputedPropertyName(name) && propertyNameText(name) === '__proto__') return undefined;
    const key = tsv.isComputedPropertyName(name) ? constantString(name.expression, scope, depth) : tsv.isNumericLiteral(name) ? String(Number(name.text)) : (propertyNameText(name) ?? undefined);
    if (key === undefined || tsv.isPrivateIdentifier(name)) return undefined;
    keys.push(key);
  }
  return foldedObjectKeys(member, keys);
}

/** `a.b` → `b`; `a[k]` → the constant `k` holds; null when the key is not a constant. */
export function constantKey(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, scope: Scope): string | null {
  if (tsv.isPropertyAccessExpression(node)) return node.name.text;
  return constantString(node.argumentExpression, scope) ?? null;
}
