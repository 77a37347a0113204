import ts from '../../policy/typescript.cjs';

/**
 * TypeScript's values as the detector's walk reads them: `tsv.isIdentifier(node)`,
 * `tsv.SyntaxKind.CallExpression`. TypeScript's own exports object holds ~2,800 getters, too
 * many for V8 to keep it in fast mode, so every `ts.isIdentifier` or `ts.SyntaxKind` is a
 * dictionary lookup plus a getter call: measured 15× slower than a load from an ordinary object,
 * and the walk does it for almost every node (a sixth of the syntactic analysis). This object
 * holds the names the walk uses per node as plain properties (few enough to stay fast), with
 * TypeScript itself as its prototype for every other name, so nothing can be missing from it.
 * Types still come from `ts`: this is a value of TypeScript's type, not a namespace.
 */
const HOT_NAMES = new Set(['SyntaxKind', 'NodeFlags', 'ModifierFlags', 'forEachChild', 'getModifiers', 'canHaveModifiers', 'skipTrivia']);

function hotView(typescript: typeof ts): typeof ts {
  const own = Object.keys(typescript).filter((name) => HOT_NAMES.has(name) || /^is[A-Z]/.test(name));
  return Object.setPrototypeOf(Object.fromEntries(own.map((name) => [name, typescript[name as keyof typeof ts]])), typescript) as typeof ts;
}

export const tsv = hotView(ts);
