import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { stringValue } from './syntax.js';

/**
 * A use of a binding imported from a local module (import-bindings.ts) that the exporting module
 * can turn into a capability: a string literal passed to it (`load('child_process')`, where `load`
 * hands its argument to `require`), or a member read from it (`g.process.env`, where `g` is
 * `globalThis` handed across). Offsets into the text; the guard locates them.
 */
export type BindingUse =
  | { readonly kind: 'call'; readonly binding: string; readonly member: string | null; readonly argumentIndex: number; readonly value: string; readonly start: number }
  | { readonly kind: 'member'; readonly binding: string; readonly members: readonly string[]; readonly start: number };

type Access = ts.PropertyAccessExpression | ts.ElementAccessExpression;

function isAccess(node: ts.Node | undefined): node is Access {
  return node !== undefined && (tsv.isPropertyAccessExpression(node) || tsv.isElementAccessExpression(node));
}

/** `a.b` → `b`; `a['b']` → `b` (through casts and parentheses); undefined when computed. */
function memberName(node: Access): string | undefined {
  return tsv.isPropertyAccessExpression(node) ? node.name.text : stringValue(node.argumentExpression);
}

function callUses(into: BindingUse[], call: ts.CallExpression, binding: string, member: string | null, sourceFile: ts.SourceFile): void {
  call.arguments.forEach((argument, argumentIndex) => {
    const value = stringValue(argument);
    if (value !== undefined) into.push({ kind: 'call', binding, member, argumentIndex, value, start: argument.getStart(sourceFile) });
  });
}

/**
 * Called by the detector's walk for each value reference to an imported local name, with the
 * walk's ancestor stack (the identifier on top): the uses it is the base of, read from the nodes
 * above it. `g.process.env` is one use with two members, never a second one for `g.process`;
 * `(g).x` and `g?.[k]` with a computed key are no use the exporting module can decide.
 */
export function recordBindingUse(into: BindingUse[], identifier: ts.Identifier, ancestors: readonly ts.Node[], sourceFile: ts.SourceFile): void {
  const top = ancestors.length - 1;
  if (ancestors[top] !== identifier) return;
  const parent = ancestors[top - 1];
  const grandparent = ancestors[top - 2];
  const binding = identifier.text;
  if (parent !== undefined && tsv.isCallExpression(parent) && parent.expression === identifier) return callUses(into, parent, binding, null, sourceFile);
  if (!isAccess(parent) || parent.expression !== identifier) return;
  if (tsv.isPropertyAccessExpression(parent) && grandparent !== undefined && tsv.isCallExpression(grandparent) && grandparent.expression === parent) {
    callUses(into, grandparent, binding, parent.name.text, sourceFile);
  }
  const first = memberName(parent);
  if (first === undefined) return;
  const outer = isAccess(grandparent) && grandparent.expression === parent ? memberName(grandparent) : undefined;
  if (outer !== undefined) into.push({ kind: 'member', binding, members: [first, outer], start: (grandparent as Access).getStart(sourceFile) });
  else into.push({ kind: 'member', binding, members: [first], start: parent.getStart(sourceFile) });
}
