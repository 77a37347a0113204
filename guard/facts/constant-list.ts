import ts from '../../policy/typescript.cjs';

/**
 * signal-exit's signals.js (choice 79): a CommonJS module whose whole export is a list of constant
 * strings, `module.exports = ['SIGABRT', …]`, grown only by `module.exports.push('SIGIO', …)`,
 * each at the top level or under an `if`. What it holds when it has loaded is every string written
 * (conditions are not evaluated: every branch counts). Any other statement, any other mention of
 * `module`, `exports`, `this`, `arguments`, `eval` or `require`, or a function anywhere, and the
 * module is not such a list: the list could then change, or be another value.
 */
const UNTRUSTED_NAMES: ReadonlySet<string> = new Set(['module', 'exports', 'arguments', 'eval', 'require']);

function isModuleExports(node: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(node) && node.name.text === 'exports' && ts.isIdentifier(node.expression) && node.expression.text === 'module';
}

function constantStrings(elements: ts.NodeArray<ts.Expression>): string[] | undefined {
  const strings: string[] = [];
  for (const element of elements) {
    if (!ts.isStringLiteral(element) && !ts.isNoSubstitutionTemplateLiteral(element)) return undefined;
    strings.push(element.text);
  }
  return strings;
}

/** Whether a condition can neither name the module's export nor run code of its own. */
function isInertCondition(node: ts.Node): boolean {
  if (ts.isIdentifier(node) && UNTRUSTED_NAMES.has(node.text)) return false;
  if (node.kind === ts.SyntaxKind.ThisKeyword || ts.isFunctionLike(node) || ts.isClassLike(node)) return false;
  if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return false;
  return ts.forEachChild(node, (child) => (isInertCondition(child) ? undefined : true)) === undefined;
}

/** The strings one statement adds; `assigned` marks the one `module.exports = […]`; undefined: not a list statement. */
function statementStrings(statement: ts.Statement, state: { assigned: boolean }): string[] | undefined {
  if (ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)) return []; // a directive
  if (ts.isIfStatement(statement)) {
    if (!isInertCondition(statement.expression)) return undefined;
    const branches = [statement.thenStatement, ...(statement.elseStatement === undefined ? [] : [statement.elseStatement])];
    const strings: string[] = [];
    for (const branch of branches) {
      const inner = ts.isBlock(branch) ? [...branch.statements] : [branch];
      for (const child of inner) {
        const added = statementStrings(child, state);
        if (added === undefined) return undefined;
        strings.push(...added);
      }
    }
    return strings;
  }
  if (!ts.isExpressionStatement(statement)) return undefined;
  const expression = statement.expression;
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken && isModuleExports(expression.left)) {
    // One assignment, first: a second one (or one after a push) would make the pushes land elsewhere.
    if (state.assigned || !ts.isArrayLiteralExpression(expression.right)) return undefined;
    state.assigned = true;
    return constantStrings(expression.right.elements);
  }
  if (ts.isCallExpression(expression) && ts.isPropertyAccessExpression(expression.expression) && expression.expression.name.text === 'push' && isModuleExports(expression.expression.expression)) {
    return state.assigned ? constantStrings(expression.arguments) : undefined;
  }
  return undefined;
}

/** The constant strings a list module exports once loaded; undefined when the module is not one. */
export function constantListExport(sourceFile: ts.SourceFile): readonly string[] | undefined {
  const state = { assigned: false };
  const strings: string[] = [];
  for (const statement of sourceFile.statements) {
    const added = statementStrings(statement, state);
    if (added === undefined) return undefined;
    strings.push(...added);
  }
  return state.assigned ? [...new Set(strings)].sort() : undefined;
}
