import ts from '../../policy/typescript.cjs';
import type { ModuleReference } from '../../analysis/syntax/index.js';

/**
 * The detector already recognizes every way a call loads a module and records those whose name
 * is computed as references with `specifier: null`. The guard finds the argument of each such
 * call to follow the name across modules, instead of recognizing module loads a second time.
 */
export interface LoadSite {
  readonly argument: ts.Expression;
}

export { stringValue } from '../../analysis/syntax/index.js';

function callAt(sourceFile: ts.SourceFile, start: number, end: number): ts.CallExpression | undefined {
  let node: ts.Node = sourceFile;
  for (;;) {
    if (ts.isCallExpression(node) && node.getStart(sourceFile) === start && node.end === end) return node;
    const child: ts.Node | undefined = ts.forEachChild(node, (candidate) => (candidate.pos <= start && candidate.end >= end ? candidate : undefined));
    if (child === undefined) return undefined;
    node = child;
  }
}

export function computedLoadSites(sourceFile: ts.SourceFile, references: readonly ModuleReference[]): LoadSite[] {
  const sites: LoadSite[] = [];
  for (const reference of references) {
    if (reference.specifier !== null || reference.kind === 'import' || reference.kind === 'export-from' || reference.kind === 'import-type') continue;
    const call = callAt(sourceFile, reference.start, reference.end);
    if (call === undefined) continue;
    // `require.call(null, name)` names the module in its second argument.
    const viaCall = ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'call';
    const argument = call.arguments[viaCall ? 1 : 0];
    if (argument !== undefined) sites.push({ argument });
  }
  return sites;
}

/** Index of the parameter that a function passes straight to a module load, if any. */
export function moduleNameParameterIndex(fn: ts.SignatureDeclarationBase & { readonly body?: ts.Node | undefined }, sites: readonly LoadSite[]): number | undefined {
  const body = fn.body;
  if (body === undefined) return undefined;
  for (const { argument } of sites) {
    if (argument.pos < body.pos || argument.end > body.end || !ts.isIdentifier(argument)) continue;
    const index = fn.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === argument.text);
    if (index !== -1) return index;
  }
  return undefined;
}
