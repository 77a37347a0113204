import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { skipOuter } from './syntax.js';

/**
 * A namespace helper recognized by what it does instead of by the digest of one tool version's
 * text (colorette's older rollup `_interopNamespace`: `Object.keys(e).forEach`, `Object.freeze`).
 * The helper takes one module value `e` and returns `e` itself or a fresh object holding only a
 * view of it: each own key `k` of `e` copied as a getter of `e[k]`, a descriptor of `e`'s own `k`,
 * or `e[k]`, and `e` itself under `default`. Then `helper(require('tty')).isatty` is `tty.isatty`.
 *
 * Checked by position, not by text: every occurrence of `e`, of the fresh object and of the
 * descriptor variables must sit in one of those places, so one extra statement that hands any of
 * them elsewhere (`leak(n)`, `n.x = e`, a setter, `arguments`) makes the helper an unknown function
 * again, and the module passed to it is reached whole. A key must be the same name (never written)
 * or the same literal on both sides of a copy: `n.exec` may never be filled from `e.spawn`.
 */

type Key = { readonly kind: 'name' | 'literal'; readonly text: string };

interface HelperNames {
  readonly module: string;
  readonly fresh: ReadonlySet<string>;
  /** Descriptor variables and the key they describe. */
  readonly descriptors: ReadonlyMap<string, Key>;
  readonly approved: Set<ts.Identifier>;
}

const sameKey = (a: Key | undefined, b: Key | undefined): boolean => a !== undefined && b !== undefined && a.kind === b.kind && a.text === b.text;

/** True when `code` (a function declaration, expression or arrow) is such a namespace helper. */
export function copiesOwnKeys(code: ts.Node): boolean {
  if (!tsv.isFunctionDeclaration(code) && !tsv.isFunctionExpression(code) && !tsv.isArrowFunction(code)) return false;
  const [parameter] = code.parameters;
  if (code.parameters.length !== 1 || parameter === undefined || !tsv.isIdentifier(parameter.name) || parameter.initializer !== undefined || parameter.dotDotDotToken !== undefined) return false;
  if (code.body === undefined || !tsv.isBlock(code.body)) return false;
  const body = code.body;
  const moduleName = parameter.name.text;
  const declarations = declarationCounts(body);
  const written = writtenNames(body);
  const fresh = new Set<string>();
  const descriptors = new Map<string, Key>();
  for (const declaration of variableDeclarations(body)) {
    if (!tsv.isIdentifier(declaration.name) || declaration.initializer === undefined) continue;
    const name = declaration.name.text;
    if (isFreshObject(declaration.initializer)) fresh.add(name);
    const described = describedKey(declaration.initializer, moduleName);
    if (described !== undefined) descriptors.set(name, described);
  }
  // Each name the checks follow is one binding, never written; keys too (the copy reads the key it writes).
  // (`e` is declared by the parameter, outside the body: nothing in the body may declare it again.)
  if (written.has(moduleName) || declarations.has(moduleName)) return false;
  for (const name of [...fresh, ...descriptors.keys()]) if (written.has(name) || declarations.get(name) !== 1) return false;
  // A key name must be one binding of the helper: a getter reads it when called, long after the copy.
  const stableKey = (key: Key | undefined): Key | undefined => (key?.kind === 'name' && (written.has(key.text) || declarations.get(key.text) !== 1) ? undefined : key);
  const names: HelperNames = { module: moduleName, fresh, descriptors, approved: new Set() };
  if (!approvePlaces(body, code, names, stableKey)) return false;
  return everyOccurrenceApproved(body, names);
}

/** How many times each name is declared in the helper (variables, parameters, functions, catch bindings). */
function declarationCounts(body: ts.Block): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    const name = (tsv.isVariableDeclaration(node) || tsv.isParameter(node) || tsv.isBindingElement(node) || tsv.isFunctionDeclaration(node) || tsv.isFunctionExpression(node) || tsv.isClassDeclaration(node) || tsv.isClassExpression(node)) ? node.name : undefined;
    if (name !== undefined && tsv.isIdentifier(name)) counts.set(name.text, (counts.get(name.text) ?? 0) + 1);
    tsv.forEachChild(node, visit);
  };
  visit(body);
  return counts;
}

/** Names written by assignment, `++`/`--` or a loop head without a declaration, anywhere in the helper. */
function writtenNames(body: ts.Block): Set<string> {
  const names = new Set<string>();
  const targets = (node: ts.Node): void => {
    if (tsv.isIdentifier(node)) names.add(node.text);
    else if (!tsv.isPropertyAccessExpression(node) && !tsv.isElementAccessExpression(node)) tsv.forEachChild(node, targets);
  };
  const visit = (node: ts.Node): void => {
    if (tsv.isBinaryExpression(node) && node.operatorToken.kind >= tsv.SyntaxKind.FirstAssignment && node.operatorToken.kind <= tsv.SyntaxKind.LastAssignment) targets(skipOuter(node.left));
    if ((tsv.isPrefixUnaryExpression(node) || tsv.isPostfixUnaryExpression(node)) && (node.operator === tsv.SyntaxKind.PlusPlusToken || node.operator === tsv.SyntaxKind.MinusMinusToken)) targets(node.operand);
    // A `var` of a loop head is one binding written at every turn (a `let` is a new binding per turn).
    if ((tsv.isForInStatement(node) || tsv.isForOfStatement(node)) && (!tsv.isVariableDeclarationList(node.initializer) || (node.initializer.flags & tsv.NodeFlags.BlockScoped) === 0)) targets(node.initializer);
    tsv.forEachChild(node, visit);
  };
  visit(body);
  return names;
}

function variableDeclarations(body: ts.Block): ts.VariableDeclaration[] {
  const found: ts.VariableDeclaration[] = [];
  const visit = (node: ts.Node): void => {
    if (tsv.isVariableDeclaration(node)) found.push(node);
    tsv.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/** `Object.<member>(…)` with the global `Object` (the caller checks that nothing declares it). */
function objectCall(node: ts.Node, member: string): ts.CallExpression | undefined {
  if (!tsv.isCallExpression(node)) return undefined;
  const callee = skipOuter(node.expression);
  return tsv.isPropertyAccessExpression(callee) && callee.name.text === member && tsv.isIdentifier(callee.expression) && callee.expression.text === 'Object' ? node : undefined;
}

/** `Object.create(null)` or `{}`: an object holding nothing yet. */
function isFreshObject(expression: ts.Expression): boolean {
  const inner = skipOuter(expression);
  if (tsv.isObjectLiteralExpression(inner)) return inner.properties.length === 0;
  const created = objectCall(inner, 'create');
  return created !== undefined && created.arguments.length === 1 && skipOuter(created.arguments[0] as ts.Expression).kind === tsv.SyntaxKind.NullKeyword;
}

function keyOf(expression: ts.Expression | undefined): Key | undefined {
  if (expression === undefined) return undefined;
  const inner = skipOuter(expression);
  if (tsv.isIdentifier(inner)) return { kind: 'name', text: inner.text };
  return tsv.isStringLiteral(inner) || tsv.isNoSubstitutionTemplateLiteral(inner) ? { kind: 'literal', text: inner.text } : undefined;
}

/** `Object.getOwnPropertyDescriptor(e, k)`: the key it describes. */
function describedKey(expression: ts.Expression, moduleName: string): Key | undefined {
  const call = objectCall(skipOuter(expression), 'getOwnPropertyDescriptor');
  const target = call?.arguments[0];
  return call !== undefined && call.arguments.length === 2 && target !== undefined && isName(target, moduleName) ? keyOf(call.arguments[1]) : undefined;
}

function isName(expression: ts.Expression, name: string): expression is ts.Identifier {
  const inner = skipOuter(expression);
  return tsv.isIdentifier(inner) && inner.text === name;
}

/** The key of `x.k` or `x[k]`. */
function accessKey(access: ts.PropertyAccessExpression | ts.ElementAccessExpression): Key | undefined {
  return tsv.isPropertyAccessExpression(access) ? { kind: 'literal', text: access.name.text } : keyOf(access.argumentExpression);
}

/** `e[k]` (or `e.k`) read with `key`: approves `e`. */
function approveMemberRead(expression: ts.Expression, key: Key | undefined, names: HelperNames): boolean {
  const inner = skipOuter(expression);
  if (!(tsv.isElementAccessExpression(inner) || tsv.isPropertyAccessExpression(inner)) || !isName(inner.expression, names.module) || !sameKey(accessKey(inner), key)) return false;
  names.approved.add(skipOuter(inner.expression) as ts.Identifier);
  return true;
}

/** The value stored under `key`: `e` itself only under `default`, otherwise `e[key]`, or a plain literal. */
function approveStoredValue(value: ts.Expression, key: Key | undefined, names: HelperNames): boolean {
  const inner = skipOuter(value);
  if (isName(inner, names.module)) {
    names.approved.add(inner);
    return key?.kind === 'literal' && key.text === 'default';
  }
  if (tsv.isLiteralExpression(inner) || inner.kind === tsv.SyntaxKind.TrueKeyword || inner.kind === tsv.SyntaxKind.FalseKeyword) return true;
  return approveMemberRead(inner, key, names);
}

/** A descriptor for `key`: the descriptor variable of that key, `d.get ? d : {…}`, or a literal of plain flags, a getter of `e[key]` and a value. */
function approveDescriptor(descriptor: ts.Expression, key: Key | undefined, names: HelperNames): boolean {
  const inner = skipOuter(descriptor);
  if (tsv.isIdentifier(inner)) {
    if (!sameKey(names.descriptors.get(inner.text), key)) return false;
    names.approved.add(inner);
    return true;
  }
  if (tsv.isConditionalExpression(inner)) {
    const test = skipOuter(inner.condition);
    if (!tsv.isPropertyAccessExpression(test) || !tsv.isIdentifier(test.expression) || !names.descriptors.has(test.expression.text)) return false;
    names.approved.add(test.expression);
    return approveDescriptor(inner.whenTrue, key, names) && approveDescriptor(inner.whenFalse, key, names);
  }
  if (!tsv.isObjectLiteralExpression(inner)) return false;
  return inner.properties.every((property) => {
    if (!tsv.isPropertyAssignment(property) || !tsv.isIdentifier(property.name)) return false;
    const value = skipOuter(property.initializer);
    switch (property.name.text) {
      case 'enumerable':
      case 'configurable':
      case 'writable':
        return value.kind === tsv.SyntaxKind.TrueKeyword || value.kind === tsv.SyntaxKind.FalseKeyword || (tsv.isPrefixUnaryExpression(value) && tsv.isNumericLiteral(value.operand));
      case 'value':
        return approveStoredValue(value, key, names);
      case 'get':
        return approveGetter(value, key, names);
      default:
        return false;
    }
  });
}

/** `function () { return e[key]; }` or `() => e[key]`: no parameter, nothing but the read. */
function approveGetter(value: ts.Expression, key: Key | undefined, names: HelperNames): boolean {
  if (!(tsv.isFunctionExpression(value) || tsv.isArrowFunction(value)) || value.parameters.length !== 0) return false;
  if (!tsv.isBlock(value.body)) return approveMemberRead(value.body, key, names);
  const [only] = value.body.statements;
  return value.body.statements.length === 1 && only !== undefined && tsv.isReturnStatement(only) && only.expression !== undefined && approveMemberRead(only.expression, key, names);
}

/** `e` (or `e.__esModule`) whose value only decides a branch. */
function isTested(node: ts.Node, parents: ReadonlyMap<ts.Node, ts.Node>): boolean {
  let child = node;
  for (let parent = parents.get(child); parent !== undefined; child = parent, parent = parents.get(child)) {
    if (tsv.isParenthesizedExpression(parent)) continue;
    if (tsv.isPrefixUnaryExpression(parent) && parent.operator === tsv.SyntaxKind.ExclamationToken) return true;
    if (tsv.isTypeOfExpression(parent)) return true;
    if (tsv.isBinaryExpression(parent)) {
      const operator = parent.operatorToken.kind;
      if (operator === tsv.SyntaxKind.AmpersandAmpersandToken && parent.left === child) return true;
      if (operator === tsv.SyntaxKind.EqualsEqualsEqualsToken || operator === tsv.SyntaxKind.ExclamationEqualsEqualsToken || operator === tsv.SyntaxKind.EqualsEqualsToken || operator === tsv.SyntaxKind.ExclamationEqualsToken) return true;
      // The right of `&&` or either side of `||` is the expression's value: tested only if the whole is.
      if (operator === tsv.SyntaxKind.AmpersandAmpersandToken || operator === tsv.SyntaxKind.BarBarToken) continue;
      return false;
    }
    if (tsv.isIfStatement(parent)) return parent.expression === child;
    if (tsv.isConditionalExpression(parent)) return parent.condition === child;
    return false;
  }
  return false;
}

/** What a `return` of the helper itself may hand back: `e`, the fresh object (frozen or not), `{ default: e }`. */
function approveReturned(expression: ts.Expression, names: HelperNames): boolean {
  const inner = skipOuter(expression);
  if (tsv.isConditionalExpression(inner)) return approveReturned(inner.whenTrue, names) && approveReturned(inner.whenFalse, names);
  if (tsv.isIdentifier(inner) && (inner.text === names.module || names.fresh.has(inner.text))) {
    names.approved.add(inner);
    return true;
  }
  const frozen = objectCall(inner, 'freeze');
  if (frozen !== undefined && frozen.arguments.length === 1) return approveReturned(frozen.arguments[0] as ts.Expression, names) && !isName(frozen.arguments[0] as ts.Expression, names.module);
  if (!tsv.isObjectLiteralExpression(inner)) return false;
  return inner.properties.every((property) => tsv.isPropertyAssignment(property) && approveStoredValue(property.initializer, propertyKey(property.name), names));
}

/** `{ default: … }` and `{ 'default': … }` name the key `default`; a computed name is no known key. */
function propertyKey(name: ts.PropertyName): Key | undefined {
  return tsv.isIdentifier(name) || tsv.isStringLiteral(name) ? { kind: 'literal', text: name.text } : undefined;
}

/** Walks the helper once, approving every place a followed name may sit; false at a copy whose shape is wrong. */
function approvePlaces(body: ts.Block, helper: ts.Node, names: HelperNames, stableKey: (key: Key | undefined) => Key | undefined): boolean {
  const parents = new Map<ts.Node, ts.Node>();
  let valid = true;
  const visit = (node: ts.Node, parent: ts.Node, owner: ts.Node): void => {
    parents.set(node, parent);
    const define = objectCall(node, 'defineProperty');
    if (define !== undefined && define.arguments.length === 3 && tsv.isIdentifier(skipOuter(define.arguments[0] as ts.Expression)) && names.fresh.has((skipOuter(define.arguments[0] as ts.Expression) as ts.Identifier).text)) {
      names.approved.add(skipOuter(define.arguments[0] as ts.Expression) as ts.Identifier);
      valid &&= approveDescriptor(define.arguments[2] as ts.Expression, stableKey(keyOf(define.arguments[1])), names);
    }
    for (const member of ['keys', 'getOwnPropertyNames']) {
      const listed = objectCall(node, member);
      if (listed !== undefined && listed.arguments.length === 1 && isName(listed.arguments[0] as ts.Expression, names.module)) names.approved.add(skipOuter(listed.arguments[0] as ts.Expression) as ts.Identifier);
    }
    if (tsv.isVariableDeclaration(node) && tsv.isIdentifier(node.name) && names.descriptors.has(node.name.text) && node.initializer !== undefined) {
      const call = objectCall(skipOuter(node.initializer), 'getOwnPropertyDescriptor') as ts.CallExpression;
      names.approved.add(skipOuter(call.arguments[0] as ts.Expression) as ts.Identifier);
    }
    if (tsv.isForInStatement(node) && isName(node.expression, names.module)) names.approved.add(skipOuter(node.expression) as ts.Identifier);
    if (tsv.isBinaryExpression(node) && node.operatorToken.kind === tsv.SyntaxKind.EqualsToken) {
      const target = skipOuter(node.left);
      if ((tsv.isElementAccessExpression(target) || tsv.isPropertyAccessExpression(target)) && tsv.isIdentifier(skipOuter(target.expression)) && names.fresh.has((skipOuter(target.expression) as ts.Identifier).text)) {
        names.approved.add(skipOuter(target.expression) as ts.Identifier);
        valid &&= approveStoredValue(node.right, stableKey(accessKey(target)), names);
      }
    }
    if (tsv.isReturnStatement(node) && owner === helper && node.expression !== undefined) valid &&= approveReturned(node.expression, names);
    const inner = tsv.isFunctionLike(node) ? node : owner;
    tsv.forEachChild(node, (child) => visit(child, node, inner));
  };
  tsv.forEachChild(body, (child) => visit(child, body, helper));
  // Tests of `e` and `e.__esModule`, now that every parent is known.
  const test = (node: ts.Node): void => {
    if (tsv.isIdentifier(node) && node.text === names.module) {
      const parent = parents.get(node);
      const read = parent !== undefined && tsv.isPropertyAccessExpression(parent) && parent.expression === node && parent.name.text === '__esModule' ? parent : node;
      if (isTested(read, parents)) names.approved.add(node);
    }
    tsv.forEachChild(node, test);
  };
  test(body);
  return valid;
}

/** Every occurrence of a followed name is approved; `arguments` and `eval` (which reach `e` unnamed) occur nowhere. */
function everyOccurrenceApproved(body: ts.Block, names: HelperNames): boolean {
  let ok = true;
  const visit = (node: ts.Node, parent: ts.Node): void => {
    if (!ok) return;
    if (tsv.isIdentifier(node)) {
      if (node.text === 'arguments' || node.text === 'eval') ok = false;
      const followed = node.text === names.module || names.fresh.has(node.text) || names.descriptors.has(node.text);
      if (followed && !isNameOnly(node, parent) && !names.approved.has(node)) ok = false;
    }
    tsv.forEachChild(node, (child) => visit(child, node));
  };
  tsv.forEachChild(body, (child) => visit(child, body));
  return ok;
}

/** A declared name or a property name: not a use of the value. */
function isNameOnly(node: ts.Identifier, parent: ts.Node): boolean {
  if (tsv.isPropertyAccessExpression(parent)) return parent.name === node;
  if (tsv.isPropertyAssignment(parent) || tsv.isMethodDeclaration(parent)) return parent.name === node;
  if (tsv.isVariableDeclaration(parent) || tsv.isParameter(parent) || tsv.isFunctionDeclaration(parent) || tsv.isFunctionExpression(parent)) return parent.name === node;
  return false;
}
