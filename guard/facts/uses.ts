import ts from '../../policy/typescript.cjs';
import type { BindingUse, ImportBinding } from '../../analysis/syntax/index.js';
import type { CrossModuleUse, Position } from '../types.js';
import { asModuleName } from './bounds.js';
import type { LoadSite } from './load-sites.js';

/** `binding` or `binding.member`: the imported name an expression refers to. */
function boundName(expression: ts.Expression, bound: ReadonlySet<string>): { binding: string; member: string | null } | undefined {
  if (ts.isIdentifier(expression) && bound.has(expression.text)) return { binding: expression.text, member: null };
  if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression) && bound.has(expression.expression.text)) {
    return { binding: expression.expression.text, member: expression.name.text };
  }
  return undefined;
}

/**
 * Uses of imported bindings that another module's exports can turn into a capability: a module
 * name passed to a loader (the detector's computed loads, load-sites.ts), and what the detector's
 * own walk recorded (analysis/syntax/binding-uses.ts: a string passed to an imported helper, a
 * member read from an imported value). No second walk over the tree: the detector's is the one.
 */
export function collectUses(
  imports: readonly ImportBinding[],
  bindingUses: readonly BindingUse[],
  sites: readonly LoadSite[],
  positionOf: (offset: number) => Position,
  sourceFile: ts.SourceFile,
): CrossModuleUse[] {
  if (imports.length === 0) return [];
  const bound = new Set(imports.map((binding) => binding.local));
  const uses: CrossModuleUse[] = [];
  for (const { argument } of sites) {
    const name = boundName(argument, bound);
    if (name !== undefined) uses.push({ kind: 'module-name', ...name, ...positionOf(argument.getStart(sourceFile)) });
  }
  for (const use of bindingUses) {
    if (use.kind === 'call') {
      const { binding, member, argumentIndex } = use;
      uses.push({ kind: 'call', binding, member, argumentIndex, value: asModuleName(use.value), ...positionOf(use.start) });
    } else {
      uses.push({ kind: 'member', binding: use.binding, members: use.members, ...positionOf(use.start) });
    }
  }
  return uses;
}
