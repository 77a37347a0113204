import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { propertyNameText, skipOuter } from './syntax.js';

/**
 * Names a file may bind to a shared prototype other than by a `const` (launch-read-hooks.ts follows
 * those through the scope): `var OP = Object.prototype`, `let P; P = Array.prototype`,
 * `const { prototype } = Object`, `({ prototype: P } = Object)`, and `prototype` as a free name in
 * `with (Object)`. Read by name over the whole file, not by scope: a shadowing local of the same name
 * only fails closed (docs/choices.md 66).
 */
export type PrototypeSource =
  /** `P = expression`: P holds whatever the expression is. */
  | { readonly kind: 'value'; readonly expression: ts.Expression }
  /** `{ key: P } = owner` or `with (owner) { key }`: P is `owner[key]`. */
  | { readonly kind: 'member'; readonly owner: ts.Expression; readonly key: string | null };

const sourcesByFile = new WeakMap<ts.SourceFile, ReadonlyMap<string, readonly PrototypeSource[]>>();

/** Everything the file writes into `name` that may be a prototype (empty when nothing does). */
export function prototypeSourcesOf(file: ts.SourceFile, name: string): readonly PrototypeSource[] {
  let sources = sourcesByFile.get(file);
  if (sources === undefined) sourcesByFile.set(file, (sources = scan(file)));
  return sources.get(name) ?? [];
}

/** Keys whose value is a prototype: only these are kept from a pattern. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['prototype', '__proto__']);

function scan(file: ts.SourceFile): ReadonlyMap<string, readonly PrototypeSource[]> {
  const sources = new Map<string, PrototypeSource[]>();
  const add = (name: string, source: PrototypeSource): void => {
    const list = sources.get(name);
    if (list === undefined) sources.set(name, [source]);
    else list.push(source);
  };
  const fromPattern = (pattern: ts.Node, owner: ts.Expression): void => {
    if (tsv.isObjectBindingPattern(pattern)) {
      for (const element of pattern.elements) {
        const key = element.dotDotDotToken !== undefined ? undefined : propertyNameText(element.propertyName ?? element.name);
        if (tsv.isIdentifier(element.name) && (key === null || (key !== undefined && PROTOTYPE_KEYS.has(key)))) add(element.name.text, { kind: 'member', owner, key });
      }
    } else if (tsv.isObjectLiteralExpression(pattern)) {
      for (const property of pattern.properties) {
        const target = tsv.isPropertyAssignment(property) ? skipOuter(property.initializer) : tsv.isShorthandPropertyAssignment(property) ? property.name : undefined;
        const key = target === undefined ? undefined : propertyNameText(property.name as ts.PropertyName);
        if (target !== undefined && tsv.isIdentifier(target) && (key === null || (key !== undefined && PROTOTYPE_KEYS.has(key)))) add(target.text, { kind: 'member', owner, key });
      }
    }
  };
  const visit = (node: ts.Node): void => {
    if (tsv.isVariableDeclaration(node) && node.initializer !== undefined) {
      if (tsv.isIdentifier(node.name)) add(node.name.text, { kind: 'value', expression: node.initializer });
      else fromPattern(node.name, node.initializer);
    } else if (tsv.isBinaryExpression(node) && node.operatorToken.kind >= tsv.SyntaxKind.FirstAssignment && node.operatorToken.kind <= tsv.SyntaxKind.LastAssignment) {
      const left = skipOuter(node.left);
      if (tsv.isIdentifier(left)) add(left.text, { kind: 'value', expression: node.right });
      else fromPattern(left, node.right);
    } else if (tsv.isWithStatement(node)) {
      for (const key of PROTOTYPE_KEYS) add(key, { kind: 'member', owner: node.expression, key });
    }
    tsv.forEachChild(node, visit);
  };
  tsv.forEachChild(file, visit);
  return sources;
}
