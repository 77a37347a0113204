import ts from '../../policy/typescript.cjs';
import { isDeclaredName, meaningAt, type Meaning } from './capability-reach.js';

/**
 * Whether a symbol the project declares can lead to a capability: its type is built from what its
 * declarations name (an annotation, an initializer, a body: an inferred type comes from the names
 * the expression uses), and from nothing else but the literal types every file has. So the names
 * its declarations write are followed by name resolution alone, never by type-checking an
 * expression: a member name (`a.b`, `A.B`, `{ b: x } = a`) is skipped, since its type is the
 * object's, and the object is named; a module named by its specifier alone (`import('m')`) and JSX
 * (whose elements' types are named nowhere) are followed or counted too, and a project module taken
 * whole is followed through each of its exports. Each name is judged by `judge` when it resolves outside the
 * project (a global, a package's declaration) and followed when the project declares it.
 * Memoized per symbol for the program; a search that finds nothing proves every symbol it visited clean.
 */
export function createProjectSymbolReach(
  checker: ts.TypeChecker,
  isProjectDeclaration: (declaration: ts.Declaration) => boolean,
  judge: (name: string, meaning: Meaning, symbol: ts.Symbol | undefined, member?: ts.PropertyAccessExpression) => boolean,
): (symbol: ts.Symbol) => boolean {
  const verdicts = new Map<ts.Symbol, boolean>();

  return (root) => {
    const known = verdicts.get(root);
    if (known !== undefined) return known;
    const seen = new Set<ts.Symbol>();
    const pending = [root];
    const found = (): boolean => {
      verdicts.set(root, true);
      return true;
    };
    for (let symbol = pending.pop(); symbol !== undefined; symbol = pending.pop()) {
      if (seen.has(symbol)) continue;
      seen.add(symbol);
      if (verdicts.get(symbol) === true) return found();
      /** A name or module the declaration refers to: followed when the project declares it, else judged. */
      const follow = (name: string, meaning: Meaning, resolved: ts.Symbol | undefined, member?: ts.PropertyAccessExpression): boolean => {
        const target = resolved !== undefined && (resolved.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(resolved) : resolved;
        const declarations = target?.declarations ?? [];
        if (target === undefined || declarations.length === 0 || !declarations.every(isProjectDeclaration)) return judge(name, meaning, target, member);
        if (!seen.has(target) && verdicts.get(target) !== false) pending.push(target);
        return false;
      };
      const visit = (node: ts.Node): boolean => {
        // An element's intrinsic type (`<div>` is an HTMLDivElement) is named nowhere.
        if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return true;
        if (ts.isIdentifier(node)) {
          const parent = node.parent;
          // `{ execSync }`: the value's symbol, not the property's.
          if (ts.isShorthandPropertyAssignment(parent) && parent.name === node) return follow(node.text, 'value', checker.getShorthandAssignmentValueSymbol(parent));
          const isMemberName = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isQualifiedName(parent) && parent.right === node) || (ts.isBindingElement(parent) && parent.propertyName === node);
          if (isMemberName || isDeclaredName(node)) return false;
          // `Function.prototype`: what the code gets is the member (judged by the caller with its name).
          const member = ts.isPropertyAccessExpression(parent) && parent.expression === node ? parent : undefined;
          return follow(node.text, meaningAt(node), checker.getSymbolAtLocation(node), member);
        }
        // `typeof import('m')`, `import('m')`: a module's type, named by its specifier only.
        const specifier = ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) ? node.argument.literal
          : ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword ? node.arguments[0] : undefined;
        if (specifier !== undefined && ts.isStringLiteralLike(specifier) && follow(specifier.text, 'any', checker.getSymbolAtLocation(specifier))) return true;
        // JSDoc types only type JavaScript.
        if (inJavaScript && (node as { jsDoc?: readonly ts.Node[] }).jsDoc?.some(visit) === true) return true;
        return ts.forEachChild(node, visit) ?? false;
      };
      let inJavaScript = false;
      for (const declaration of symbol.declarations ?? []) {
        inJavaScript = (declaration.getSourceFile().flags & ts.NodeFlags.JavaScriptFile) !== 0;
        // A project module taken whole (`import * as m`, `typeof import('./m')`) is what it exports.
        if (ts.isSourceFile(declaration)) {
          if (checker.getExportsOfModule(symbol).some((exported) => follow(exported.name, 'any', exported))) return found();
        } else if (visit(declaration)) {
          return found();
        }
      }
    }
    for (const symbol of seen) verdicts.set(symbol, false);
    return false;
  };
}
