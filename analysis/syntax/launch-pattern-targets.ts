import ts from '../../policy/typescript.cjs';

/**
 * The references an assignment writes when its target is a pattern, not a name or a member:
 * `[args[0]] = [job]`, `({ preload: process.env.NODE_OPTIONS } = { preload })`,
 * `for (process.env.NODE_OPTIONS of […])`. A pattern written as an expression (an array or object
 * literal on the left of `=`, or a `for…of`/`for…in` head) assigns every leaf once: nested
 * patterns, renamed keys, defaults (`[x = d] = …`) and rests (`[...x] = …`, `{ ...x } = …`). One
 * walk yields them all, each with the value the syntax can match out of a literal source (same
 * position, same key), or none: a caller that cannot see the value fails closed.
 */
export interface AssignedReference {
  readonly target: ts.Expression;
  /** The value written there when a literal source shows it; undefined: unknown (a rest, a default over an unknown source, a computed key). */
  readonly value: ts.Expression | undefined;
  /** The defaults on the way to the target (`[x = d] = …`, `{ k: x = d } = …`): written when the source holds `undefined` there. */
  readonly defaults: readonly ts.Expression[];
}

function isPatternLiteral(node: ts.Node): node is ts.ArrayLiteralExpression | ts.ObjectLiteralExpression {
  return ts.isArrayLiteralExpression(node) || ts.isObjectLiteralExpression(node);
}

function withoutParentheses(node: ts.Expression): ts.Expression {
  let inner = node;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  return inner;
}

/** The element at `index` of a literal array source, when no spread or hole before it moves it. */
function elementOf(source: ts.Expression | undefined, index: number): ts.Expression | undefined {
  const literal = source === undefined ? undefined : withoutParentheses(source);
  if (literal === undefined || !ts.isArrayLiteralExpression(literal)) return undefined;
  if (literal.elements.slice(0, index + 1).some((element) => ts.isSpreadElement(element) || ts.isOmittedExpression(element))) return undefined;
  return literal.elements[index];
}

function propertyKey(name: ts.PropertyName): string | undefined {
  if (ts.isComputedPropertyName(name)) return ts.isStringLiteralLike(name.expression) || ts.isNumericLiteral(name.expression) ? name.expression.text : undefined;
  return ts.isPrivateIdentifier(name) ? undefined : name.text;
}

/** The value under `key` of a literal object source without spreads or accessors (the last write of the key wins). */
function propertyOf(source: ts.Expression | undefined, key: string | undefined): ts.Expression | undefined {
  const literal = source === undefined ? undefined : withoutParentheses(source);
  if (key === undefined || literal === undefined || !ts.isObjectLiteralExpression(literal)) return undefined;
  if (literal.properties.some((property) => !ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property))) return undefined;
  const found = literal.properties.filter((property) => property.name !== undefined && propertyKey(property.name) === key).at(-1);
  if (found === undefined) return undefined;
  return ts.isPropertyAssignment(found) ? found.initializer : (found as ts.ShorthandPropertyAssignment).name;
}

/** Every reference `pattern` (the left of a destructuring assignment, or inside one) assigns, given what is assigned to it (`source`, when seen). */
export function* patternReferences(pattern: ts.Expression, source: ts.Expression | undefined, defaults: readonly ts.Expression[] = []): Generator<AssignedReference> {
  const inner = withoutParentheses(pattern);
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    // Inside a pattern, `x = d` is a default: the value is the source when one is seen, else the default or something unseen.
    yield* patternReferences(inner.left, source, [...defaults, inner.right]);
    return;
  }
  if (ts.isArrayLiteralExpression(inner)) {
    for (const [index, element] of inner.elements.entries()) {
      if (ts.isOmittedExpression(element)) continue;
      if (ts.isSpreadElement(element)) yield* patternReferences(element.expression, undefined, defaults);
      else yield* patternReferences(element, elementOf(source, index), defaults);
    }
    return;
  }
  if (ts.isObjectLiteralExpression(inner)) {
    for (const property of inner.properties) {
      if (ts.isSpreadAssignment(property)) yield* patternReferences(property.expression, undefined, defaults);
      else if (ts.isPropertyAssignment(property)) yield* patternReferences(property.initializer, propertyOf(source, propertyKey(property.name)), defaults);
      else if (ts.isShorthandPropertyAssignment(property)) {
        // `{ run = cp.execSync } = …`: a shorthand's default.
        const own = property.objectAssignmentInitializer;
        yield { target: property.name, value: propertyOf(source, property.name.text), defaults: own === undefined ? defaults : [...defaults, own] };
      }
    }
    return;
  }
  yield { target: inner, value: source, defaults };
}

/** The pattern an assignment or loop head writes and its source: `[a] = src`, `for (x.y of src)`; undefined for anything else. */
export function assignedPattern(node: ts.Node): { readonly pattern: ts.Expression; readonly source: ts.Expression | undefined } | undefined {
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isPatternLiteral(withoutParentheses(node.left))) return { pattern: node.left, source: node.right };
  if ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && !ts.isVariableDeclarationList(node.initializer)) {
    // Each round assigns one element and the last one stays: only a one-element literal shows it.
    const list = withoutParentheses(node.expression);
    const first = ts.isArrayLiteralExpression(list) && list.elements.length === 1 ? list.elements[0] : undefined;
    return { pattern: node.initializer, source: ts.isForOfStatement(node) && first !== undefined && !ts.isSpreadElement(first) ? first : undefined };
  }
  return undefined;
}

/** Every reference written by a destructuring assignment or an expression loop head (none for other nodes). */
export function assignedReferences(node: ts.Node): readonly AssignedReference[] {
  const assigned = assignedPattern(node);
  return assigned === undefined ? [] : [...patternReferences(assigned.pattern, assigned.source)];
}

/**
 * Is `stack[index]` (a member or a name; the stack holds its ancestors, the file first) a leaf that
 * a destructuring assignment or an expression loop head writes? Climbs through the pattern's
 * literals, properties, rests and defaults to the `=` whose left is a literal, or to the loop head.
 */
export function isAssignedByPattern(stack: readonly ts.Node[], index: number): boolean {
  for (let at = index; at > 0; at -= 1) {
    const child = stack[at] as ts.Node;
    const parent = stack[at - 1] as ts.Node;
    if ((ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.initializer === child) return true;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      if (parent.left !== child) return false;
      if (isPatternLiteral(withoutParentheses(child as ts.Expression))) return true;
      // `x = d`: a default when a pattern holds it, a plain assignment (not this helper's) otherwise.
      continue;
    }
    const inPattern = ts.isParenthesizedExpression(parent) || ts.isSpreadElement(parent) || ts.isSpreadAssignment(parent) || isPatternLiteral(parent) || (ts.isPropertyAssignment(parent) && parent.initializer === child) || ts.isShorthandPropertyAssignment(parent);
    if (!inPattern) return false;
  }
  return false;
}
