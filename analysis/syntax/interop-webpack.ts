import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { shapeDigest } from './interop-fingerprint.js';
import { isUndeclaredGlobal, soleDeclaration, type NameOccurrence, type NameScan } from './interop-names.js';
import { WEBPACK_SHAPES } from './interop-shapes.js';

export const WEBPACK_NAMES: ReadonlySet<string> = new Set(['__webpack_require__', '__webpack_modules__', '__webpack_module_cache__', 'require', 'Object', 'Error']);

/**
 * A verified webpack 5 runtime: `__webpack_require__(id)` of an external module (a factory that is
 * exactly `module.exports = require("fs")`) loads that module, and the factory's own `require`
 * runs only through it. Verified means the runtime is the known code, its module table and cache
 * are touched only by it, and `__webpack_require__` is only ever called with a literal id or read
 * for a runtime member: it never escapes, so no id is computed at run time.
 */
export interface WebpackRuntime {
  /** Module id (a string key or a decimal number, as text) → the specifier its external factory requires. */
  readonly externals: ReadonlyMap<string, ts.StringLiteral>;
  /** The `require("fs")` calls inside the external factories. */
  readonly externalRequires: ReadonlySet<ts.CallExpression>;
  /** The bootstrap function: `__webpack_require__` is the runtime's only inside it. */
  readonly range: readonly [number, number];
  /** `__webpack_require__.n` (and the `.d`/`.o` it calls) are the known getter code, each set once. */
  readonly getter: boolean;
}

type FactoryFunction = ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

function bootstrapBody(statement: ts.Statement): ts.Block | undefined {
  if (!tsv.isExpressionStatement(statement) || !tsv.isCallExpression(statement.expression) || statement.expression.arguments.length > 0) return undefined;
  let callee: ts.Expression = statement.expression.expression;
  while (tsv.isParenthesizedExpression(callee)) callee = callee.expression;
  return (tsv.isArrowFunction(callee) || tsv.isFunctionExpression(callee)) && tsv.isBlock(callee.body) ? callee.body : undefined;
}

function moduleTable(body: ts.Block): ts.ObjectLiteralExpression | undefined {
  for (const statement of body.statements) {
    if (!tsv.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      let initializer = declaration.initializer;
      while (initializer !== undefined && tsv.isParenthesizedExpression(initializer)) initializer = initializer.expression;
      if (tsv.isIdentifier(declaration.name) && declaration.name.text === '__webpack_modules__' && initializer !== undefined && tsv.isObjectLiteralExpression(initializer)) return initializer;
    }
  }
  return undefined;
}

/** A module id as the runtime looks it up: a string key, or a decimal number. */
export function moduleIdText(node: ts.Node): string | undefined {
  if (tsv.isStringLiteral(node) || tsv.isIdentifier(node)) return node.text;
  return tsv.isNumericLiteral(node) && /^\d+$/.test(node.text) ? node.text : undefined;
}

/** `(module) => { module.exports = require("fs"); }`: the specifier and the call, else undefined. */
function externalRequire(factory: FactoryFunction, scan: NameScan): { specifier: ts.StringLiteral; call: ts.CallExpression } | undefined {
  const parameter = factory.parameters[0];
  if (parameter === undefined || !tsv.isIdentifier(parameter.name) || factory.body === undefined || !tsv.isBlock(factory.body)) return undefined;
  const statements = factory.body.statements.filter((statement) => !(tsv.isExpressionStatement(statement) && tsv.isStringLiteral(statement.expression)));
  const only = statements.length === 1 ? statements[0] : undefined;
  if (only === undefined || !tsv.isExpressionStatement(only) || !tsv.isBinaryExpression(only.expression) || only.expression.operatorToken.kind !== tsv.SyntaxKind.EqualsToken) return undefined;
  const { left, right } = only.expression;
  const exportsOfModule = tsv.isPropertyAccessExpression(left) && left.name.text === 'exports' && tsv.isIdentifier(left.expression) && left.expression.text === parameter.name.text;
  const isRequire = tsv.isCallExpression(right) && tsv.isIdentifier(right.expression) && right.expression.text === 'require' && isUndeclaredGlobal(scan, 'require');
  const specifier = isRequire && right.arguments.length === 1 ? right.arguments[0] : undefined;
  return exportsOfModule && specifier !== undefined && tsv.isStringLiteral(specifier) ? { specifier, call: right as ts.CallExpression } : undefined;
}

const within = (node: ts.Node, range: readonly [number, number]): boolean => node.pos >= range[0] && node.end <= range[1];

/** A use of `__webpack_require__` that cannot hand it on: a call with one literal id, or a runtime member read. */
function isContainedUse(occurrence: NameOccurrence): boolean {
  const { node, parent } = occurrence;
  if (tsv.isCallExpression(parent) && parent.expression === node) return parent.arguments.length === 1 && parent.arguments[0] !== undefined && moduleIdText(parent.arguments[0]) !== undefined && !tsv.isIdentifier(parent.arguments[0]);
  return tsv.isPropertyAccessExpression(parent) && parent.expression === node;
}

/** `__webpack_require__.n = …`, `.d`, `.o`: each set exactly once, to the known code. */
function hasKnownGetter(occurrences: readonly NameOccurrence[], sourceFile: ts.SourceFile): boolean {
  return Object.entries(WEBPACK_SHAPES.members).every(([member, digest]) => {
    const writes = occurrences.filter(({ parent, grandparent }) => tsv.isPropertyAccessExpression(parent) && parent.name.text === member && grandparent !== undefined && tsv.isBinaryExpression(grandparent) && grandparent.left === parent && grandparent.operatorToken.kind >= tsv.SyntaxKind.FirstAssignment && grandparent.operatorToken.kind <= tsv.SyntaxKind.LastAssignment);
    const write = writes.length === 1 ? (writes[0]?.grandparent as ts.BinaryExpression) : undefined;
    return write !== undefined && write.operatorToken.kind === tsv.SyntaxKind.EqualsToken && shapeDigest(write.right, sourceFile) === digest;
  });
}

export function findWebpackRuntime(sourceFile: ts.SourceFile, scan: NameScan): WebpackRuntime | undefined {
  for (const statement of sourceFile.statements) {
    const body = bootstrapBody(statement);
    if (body === undefined) continue;
    const table = moduleTable(body);
    if (table !== undefined) return verifyRuntime(sourceFile, scan, body, table);
    if (declaresRequireScope(body)) return verifyRequireScope(sourceFile, scan, body);
  }
  return undefined;
}

/** Production builds that concatenate every module keep only `const __webpack_require__ = {}` for the runtime members. */
function declaresRequireScope(body: ts.Block): boolean {
  return body.statements.some((statement) => tsv.isVariableStatement(statement) && statement.declarationList.declarations.some((declaration) => {
    const initializer = declaration.initializer;
    return tsv.isIdentifier(declaration.name) && declaration.name.text === '__webpack_require__' && initializer !== undefined && tsv.isObjectLiteralExpression(initializer) && initializer.properties.length === 0;
  }));
}

/** The require scope holds runtime members only: it is declared once and only ever the base of a member access. */
function verifyRequireScope(sourceFile: ts.SourceFile, scan: NameScan, body: ts.Block): WebpackRuntime | undefined {
  const range = [body.pos, body.end] as const;
  const uses = scan.occurrences.get('__webpack_require__') ?? [];
  if (soleDeclaration(scan, '__webpack_require__') === undefined || !isUndeclaredGlobal(scan, 'Object')) return undefined;
  const contained = uses.every((occurrence) => occurrence.role === 'declaration' || (within(occurrence.node, range) && tsv.isPropertyAccessExpression(occurrence.parent) && occurrence.parent.expression === occurrence.node));
  return contained ? { externals: new Map(), externalRequires: new Set(), range, getter: hasKnownGetter(uses, sourceFile) } : undefined;
}

function verifyRuntime(sourceFile: ts.SourceFile, scan: NameScan, body: ts.Block, table: ts.ObjectLiteralExpression): WebpackRuntime | undefined {
  const runtime = body.statements.find((statement): statement is ts.FunctionDeclaration => tsv.isFunctionDeclaration(statement) && statement.name?.text === '__webpack_require__');
  if (runtime?.name === undefined || !(WEBPACK_SHAPES.require as readonly string[]).includes(shapeDigest(runtime, sourceFile))) return undefined;
  if (soleDeclaration(scan, '__webpack_modules__') === undefined || soleDeclaration(scan, '__webpack_module_cache__') === undefined) return undefined;
  if (!isUndeclaredGlobal(scan, 'Object') || !isUndeclaredGlobal(scan, 'Error')) return undefined;
  const runtimeRange = [runtime.pos, runtime.end] as const;
  // The table and the cache are touched only by the runtime function (no `.m`/`.c` exposing them).
  for (const name of ['__webpack_modules__', '__webpack_module_cache__']) {
    if ((scan.occurrences.get(name) ?? []).some((occurrence) => occurrence.role === 'reference' && !within(occurrence.node, runtimeRange))) return undefined;
  }
  const externals = new Map<string, ts.StringLiteral>();
  const externalRequires = new Set<ts.CallExpression>();
  const factoryRequireParameters = new Set<ts.Node>();
  const seenIds = new Set<string>();
  for (const property of table.properties) {
    const id = property.name === undefined ? undefined : moduleIdText(property.name);
    const factory = tsv.isPropertyAssignment(property) ? property.initializer : tsv.isMethodDeclaration(property) ? property : undefined;
    if (id === undefined || seenIds.has(id) || factory === undefined || !(tsv.isFunctionExpression(factory) || tsv.isArrowFunction(factory) || tsv.isMethodDeclaration(factory))) return undefined;
    seenIds.add(id);
    const third = factory.parameters[2];
    if (third !== undefined && tsv.isIdentifier(third.name)) factoryRequireParameters.add(third.name);
    const external = externalRequire(factory, scan);
    if (external !== undefined) {
      externals.set(id, external.specifier);
      externalRequires.add(external.call);
    }
  }
  const range = [body.pos, body.end] as const;
  const requireUses = scan.occurrences.get('__webpack_require__') ?? [];
  for (const occurrence of requireUses) {
    if (occurrence.role === 'assignment') return undefined;
    if (occurrence.role === 'declaration' && occurrence.node !== runtime.name && !factoryRequireParameters.has(occurrence.node)) return undefined;
    if (occurrence.role === 'reference' && !within(occurrence.node, runtimeRange) && !(within(occurrence.node, range) && isContainedUse(occurrence))) return undefined;
  }
  return { externals, externalRequires, range, getter: hasKnownGetter(requireUses, sourceFile) };
}
