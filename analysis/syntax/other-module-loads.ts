import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { canonicalBuiltin } from '../../policy/index.js';
import { mayMention } from './text-mentions.js';
import { literalString, skipOuter } from './syntax.js';

/**
 * Does a file load a module other than Node's builtins: an import, a `require`, an `import()`, a
 * `module.require`, or `require` taken as a value? The constant folder trusts the builtins it runs
 * (folded-builtins.ts) while no module of the program replaces them; the replacement is UNANALYZED
 * where it is written, which the guard sees across the program. One file at a time (the plugin, or
 * a package the guard does not read) the module that replaced them may be one this file loads
 * (`require('./patch.cjs')` before `require('NODE:PATH'.toLowerCase())`), so such a file folds no
 * builtin call (docs/choices.md 77). Modules that ran before this file was loaded are judged where
 * they replace a builtin.
 */

/** Folds a load's specifier (constants.ts, given here to keep one folder without an import cycle). */
export type SpecifierFolder = (specifier: ts.Expression) => string | undefined;

/** Per file: the answer, or `scanning` while the scan folds the file's own specifiers (they are read trusting the builtins). */
const answers = new WeakMap<ts.SourceFile, boolean | 'scanning'>();

export function loadsOtherModules(file: ts.SourceFile, fold: SpecifierFolder): boolean {
  const known = answers.get(file);
  if (known !== undefined) return known === true;
  if (!mayMention(file, 'require') && !mayMention(file, 'import')) {
    answers.set(file, false);
    return false;
  }
  answers.set(file, 'scanning');
  const answer = scan(file, fold);
  answers.set(file, answer);
  return answer;
}

function scan(file: ts.SourceFile, fold: SpecifierFolder): boolean {
  let found = false;
  const isOther = (specifier: ts.Expression | undefined): boolean => {
    const inner = specifier === undefined ? undefined : skipOuter(specifier);
    const name = inner === undefined ? undefined : (literalString(inner) ?? (tsv.isCallExpression(inner) || tsv.isElementAccessExpression(inner) || tsv.isTaggedTemplateExpression(inner) ? fold(inner) : undefined));
    return name === undefined || canonicalBuiltin(name) === undefined;
  };
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (tsv.isImportDeclaration(node) || tsv.isExportDeclaration(node)) {
      const typeOnly = tsv.isImportDeclaration(node) ? node.importClause?.isTypeOnly === true : node.isTypeOnly;
      found = node.moduleSpecifier !== undefined && !typeOnly && isOther(node.moduleSpecifier);
    } else if (tsv.isImportEqualsDeclaration(node)) {
      found = !node.isTypeOnly && tsv.isExternalModuleReference(node.moduleReference) && isOther(node.moduleReference.expression);
    } else if (tsv.isCallExpression(node) && isLoader(node.expression)) {
      found = isOther(node.arguments[0]);
      // The callee is judged here; the arguments may hold loads of their own.
      node.arguments.forEach(visit);
      return;
    } else if ((tsv.isIdentifier(node) && node.text === 'require') || (tsv.isPropertyAccessExpression(node) && node.name.text === 'require')) {
      // `const load = require`, `require.call(…)`, `module.require`: a loader taken as a value loads what the syntax does not see.
      // A key named `require` counts too: never a wrong "no", at worst a fold not made.
      found = true;
    }
    if (!found) tsv.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** `require(…)`, `import(…)`, `module.require(…)`. */
function isLoader(callee: ts.Expression): boolean {
  const inner = skipOuter(callee);
  if (inner.kind === tsv.SyntaxKind.ImportKeyword) return true;
  if (tsv.isIdentifier(inner)) return inner.text === 'require';
  return tsv.isPropertyAccessExpression(inner) && inner.name.text === 'require';
}
