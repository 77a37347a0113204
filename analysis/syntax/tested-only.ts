import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { memberCapabilities } from '../../policy/index.js';
import { isJsxFactoryName } from './jsx-factories.js';
import { isValueReference } from './node-kinds.js';
import { flowOf } from './value-flow.js';
import type { Walker } from './walker.js';

/** Per file, per name: how its value references flow (one walk answers every name). */
interface NameUses {
  tested: number;
  other: boolean;
}

const usesByFile = new WeakMap<ts.SourceFile, ReadonlyMap<string, NameUses>>();

/**
 * Whether every value reference to `name` in the file only tests it (value-flow.ts: `x instanceof
 * ChildProcess`, `typeof Socket`, a comparison), and there is at least one. A class a capability
 * module exports (`ChildProcess`, `net.Socket`, `http.ClientRequest`) can act only when it is
 * constructed, called, extended or handed on; a type guard that tests a value against it runs none
 * of its code. Types never run, so type positions are no references; the import's own names are
 * declarations. Read by name, not by scope: a shadowing local's uses count too, which can only
 * make the answer "no" (the import stays judged where it is written).
 */
export function isOnlyTested(sourceFile: ts.SourceFile, name: string): boolean {
  if (isJsxFactoryName(sourceFile, name)) return false;
  let uses = usesByFile.get(sourceFile);
  if (uses === undefined) usesByFile.set(sourceFile, (uses = scan(sourceFile)));
  const found = uses.get(name);
  return found !== undefined && !found.other && found.tested > 0;
}

/** The tests a class is met with (`x === C` alone is rare): in a file without them no use is read as a test. */
const TEST_WORDS = /\b(?:instanceof|typeof)\b/;

/**
 * Whether the file has no value reference to `name` at all (types, `import`s, JSX intrinsic tags
 * such as `<connect />` and property names are none): `import { connect } from 'node:net'` used
 * only in `export type Run = typeof connect` is elided, and reaches nothing (choice 34). Read by
 * name, not by scope, as isOnlyTested: any reference, even a shadowing local's, makes it "used".
 */
export function isUnreferenced(sourceFile: ts.SourceFile, name: string): boolean {
  // `/** @jsxFrag Frag */`: a name the file's JSX hands to its factories is used there (jsx-factories.ts).
  if (isJsxFactoryName(sourceFile, name)) return false;
  // The name spelled once is the import's own: no walk needed (unless an escape may spell it: `\\u0063onnect`).
  if (!sourceFile.text.includes('\\u') && countWord(sourceFile.text, name) <= 1) return true;
  let uses = usesByFile.get(sourceFile);
  if (uses === undefined) usesByFile.set(sourceFile, (uses = scan(sourceFile)));
  return !uses.has(name);
}

function countWord(text: string, name: string): number {
  let count = 0;
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
    if (!/[\w$]/.test(text[at - 1] ?? '') && !/[\w$]/.test(text[at + name.length] ?? '')) count += 1;
  }
  return count;
}

/** `local`, bound to `member` of builtin `specifier`, has a capability the file only tests (a member without one needs no walk). */
export function isOnlyTestedCapability(walker: Walker, specifier: string, member: string, local: string): boolean {
  return memberCapabilities(specifier, member, walker.policy).length > 0 && isOnlyTested(walker.sourceFile, local);
}

/** One walk over the file recording, for every identifier used as a value, whether each use only tests it. */
function scan(sourceFile: ts.SourceFile): ReadonlyMap<string, NameUses> {
  const uses = new Map<string, NameUses>();
  const mayTest = TEST_WORDS.test(sourceFile.text);
  const useOf = (name: string): NameUses => {
    let found = uses.get(name);
    if (found === undefined) uses.set(name, (found = { tested: 0, other: false }));
    return found;
  };
  // Files parsed without parent pointers are judged too: the walk keeps its own ancestor stack.
  const ancestors: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (tsv.isImportDeclaration(node) || isTypeOnlyNode(node, ancestors[ancestors.length - 1])) return;
    ancestors.push(node);
    if (tsv.isIdentifier(node)) {
      const parent = ancestors[ancestors.length - 2];
      // `export { ChildProcess }` hands the value on (isValueReference calls a specifier a name).
      if (parent !== undefined && tsv.isExportSpecifier(parent)) useOf(node.text).other = true;
      else if (parent !== undefined && isValueReference(node, parent)) {
        const use = useOf(node.text);
        // A name already used otherwise stays "no": its flow need not be read again.
        if (!use.other) {
          if (mayTest && flowOf(ancestors).kind === 'tested') use.tested += 1;
          else use.other = true;
        }
      }
    }
    tsv.forEachChild(node, visit);
    ancestors.pop();
  };
  tsv.forEachChild(sourceFile, visit);
  return uses;
}

/** A type (never run). Interfaces are skipped whole, so an `extends` clause left is a class's: a value. */
export function isTypeOnlyNode(node: ts.Node, parent: ts.Node | undefined): boolean {
  if (tsv.isExpressionWithTypeArguments(node)) return !(parent !== undefined && tsv.isHeritageClause(parent) && parent.token === tsv.SyntaxKind.ExtendsKeyword);
  return tsv.isTypeNode(node) || tsv.isInterfaceDeclaration(node) || tsv.isTypeAliasDeclaration(node);
}
