import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { boundNames, skipOuter } from './syntax.js';

/**
 * Keys that are always numbers (`state[i]`, `buffer[pos++]`, `w[i - 16]`): a number names only a
 * member whose name is a canonical number (`'0'`, `'NaN'`, `'Infinity'`), never a method like `make`
 * (instance-receivers.ts, docs/choices.md 65). A name is numeric when every write the file makes to
 * it, by name over the whole file, is numeric: `let i = 0`, `i++`, `i += 4`, `i = j * 2`. A parameter,
 * a pattern, a loop's `of`/`in` binding or a declaration without a value is not.
 */
export function isNumericKey(key: ts.Expression, file: ts.SourceFile): boolean {
  return isNumeric(key, numericNamesOf(file));
}

/** `'0'`, `'1.5'`, `'NaN'`, `'-Infinity'`: member names a number key can reach. */
export function isNumericName(name: string): boolean {
  return name === 'NaN' || String(Number(name)) === name;
}

const ARITHMETIC: ReadonlySet<ts.SyntaxKind> = new Set([
  tsv.SyntaxKind.MinusToken, tsv.SyntaxKind.AsteriskToken, tsv.SyntaxKind.SlashToken, tsv.SyntaxKind.PercentToken, tsv.SyntaxKind.AsteriskAsteriskToken,
  tsv.SyntaxKind.LessThanLessThanToken, tsv.SyntaxKind.GreaterThanGreaterThanToken, tsv.SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
  tsv.SyntaxKind.AmpersandToken, tsv.SyntaxKind.BarToken, tsv.SyntaxKind.CaretToken,
]);
/** Compound assignments whose result is a number whatever the operands (`i -= x`, `i <<= 1`). */
const NUMERIC_COMPOUNDS: ReadonlySet<ts.SyntaxKind> = new Set([
  tsv.SyntaxKind.MinusEqualsToken, tsv.SyntaxKind.AsteriskEqualsToken, tsv.SyntaxKind.SlashEqualsToken, tsv.SyntaxKind.PercentEqualsToken, tsv.SyntaxKind.AsteriskAsteriskEqualsToken,
  tsv.SyntaxKind.LessThanLessThanEqualsToken, tsv.SyntaxKind.GreaterThanGreaterThanEqualsToken, tsv.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken,
  tsv.SyntaxKind.AmpersandEqualsToken, tsv.SyntaxKind.BarEqualsToken, tsv.SyntaxKind.CaretEqualsToken,
]);

function isNumeric(expression: ts.Expression, names: ReadonlySet<string>): boolean {
  const inner = skipOuter(expression);
  if (tsv.isNumericLiteral(inner) || tsv.isBigIntLiteral(inner) || tsv.isPostfixUnaryExpression(inner)) return true;
  if (tsv.isPrefixUnaryExpression(inner)) return inner.operator !== tsv.SyntaxKind.ExclamationToken;
  if (tsv.isIdentifier(inner)) return names.has(inner.text);
  if (tsv.isConditionalExpression(inner)) return isNumeric(inner.whenTrue, names) && isNumeric(inner.whenFalse, names);
  if (!tsv.isBinaryExpression(inner)) return false;
  const operator = inner.operatorToken.kind;
  if (ARITHMETIC.has(operator) || NUMERIC_COMPOUNDS.has(operator)) return true;
  if (operator === tsv.SyntaxKind.PlusToken || operator === tsv.SyntaxKind.PlusEqualsToken) return isNumeric(inner.left, names) && isNumeric(inner.right, names);
  return operator === tsv.SyntaxKind.CommaToken ? isNumeric(inner.right, names) : false;
}

const numericByFile = new WeakMap<ts.SourceFile, ReadonlySet<string>>();

function numericNamesOf(file: ts.SourceFile): ReadonlySet<string> {
  let names = numericByFile.get(file);
  if (names === undefined) numericByFile.set(file, (names = scanNumericNames(file)));
  return names;
}

/** Every write of each name (an expression, or null for one that is no number), then the names all of whose writes are numbers, to a fixed point. */
function scanNumericNames(file: ts.SourceFile): ReadonlySet<string> {
  const writes = new Map<string, Array<ts.Expression | null>>();
  const write = (name: string, value: ts.Expression | null): void => {
    const list = writes.get(name);
    if (list === undefined) writes.set(name, [value]);
    else list.push(value);
  };
  const visit = (node: ts.Node): void => {
    if (tsv.isVariableDeclaration(node)) {
      // A loop's `of`/`in` binding has no initializer: null, like a declaration without a value.
      if (tsv.isIdentifier(node.name)) write(node.name.text, node.initializer ?? null);
      else for (const name of boundNames(node.name)) write(name, null);
    } else if ((tsv.isForOfStatement(node) || tsv.isForInStatement(node)) && tsv.isIdentifier(skipOuter(node.initializer as ts.Expression))) {
      write((skipOuter(node.initializer as ts.Expression) as ts.Identifier).text, null);
    } else if (tsv.isParameter(node) || tsv.isCatchClause(node)) {
      const name = tsv.isParameter(node) ? node.name : node.variableDeclaration?.name;
      if (name !== undefined) for (const bound of boundNames(name)) write(bound, null);
    } else if (tsv.isBinaryExpression(node) && node.operatorToken.kind >= tsv.SyntaxKind.FirstAssignment && node.operatorToken.kind <= tsv.SyntaxKind.LastAssignment) {
      const left = skipOuter(node.left);
      if (tsv.isIdentifier(left)) write(left.text, node.operatorToken.kind === tsv.SyntaxKind.EqualsToken ? node.right : node);
    }
    tsv.forEachChild(node, visit);
  };
  tsv.forEachChild(file, visit);
  const numeric = new Set([...writes].filter(([, values]) => values.every((value) => value !== null)).map(([name]) => name));
  for (let changed = true; changed; ) {
    changed = false;
    for (const name of numeric) {
      if ((writes.get(name) ?? []).every((value) => value !== null && isNumeric(value, numeric))) continue;
      numeric.delete(name);
      changed = true;
    }
  }
  return numeric;
}
