import type ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { GLOBAL_OBJECT_NAMES, LOADER_NAMES, globalValueCapabilities } from '../../policy/index.js';
import { valueCandidates } from './alias-values.js';

/** A global name whose value is data: not the global object, `process`, the loader, nor any global with a capability row. */
export function isDataName(key: string): boolean {
  return !GLOBAL_OBJECT_NAMES.includes(key) && key !== 'process' && !LOADER_NAMES.includes(key) && key !== 'arguments' && key !== 'constructor' && key !== 'caller' && globalValueCapabilities(key) === undefined;
}

/**
 * Data that runs and holds nothing: literals, `undefined`, object and array literals of data (no
 * getters, methods, spreads or computed keys), and a data member of the alias `name` itself
 * (`g.cache || {}`), through choices of values.
 */
export function isDataValue(expression: ts.Expression, name?: string): boolean {
  return valueCandidates(expression).every((candidate) => {
    if (tsv.isLiteralExpression(candidate) || candidate.kind === tsv.SyntaxKind.TrueKeyword || candidate.kind === tsv.SyntaxKind.FalseKeyword || candidate.kind === tsv.SyntaxKind.NullKeyword) return true;
    if (tsv.isPrefixUnaryExpression(candidate)) return tsv.isNumericLiteral(candidate.operand);
    if (tsv.isIdentifier(candidate)) return candidate.text === 'undefined';
    if (tsv.isArrayLiteralExpression(candidate)) return candidate.elements.every((element) => !tsv.isSpreadElement(element) && isDataValue(element, name));
    if (tsv.isObjectLiteralExpression(candidate)) return candidate.properties.every((property) => tsv.isPropertyAssignment(property) && !tsv.isComputedPropertyName(property.name) && isDataValue(property.initializer, name));
    return name !== undefined && tsv.isPropertyAccessExpression(candidate) && tsv.isIdentifier(candidate.expression) && candidate.expression.text === name && isDataName(candidate.name.text);
  });
}
