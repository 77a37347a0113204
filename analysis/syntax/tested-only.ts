import ts from '../../policy/typescript.cjs';
import { memberCapabilities } from '../../policy/index.js';
import { isValueReference } from './node-kinds.js';
import { flowOf } from './value-flow.js';
import type { Walker } from './walker.js';

const answers = new WeakMap<ts.SourceFile, Map<string, boolean>>();

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
  let byName = answers.get(sourceFile);
  if (byName === undefined) answers.set(sourceFile, (byName = new Map()));
  let answer = byName.get(name);
  if (answer === undefined) byName.set(name, (answer = scan(sourceFile, name)));
  return answer;
}

/** The tests a class is met with (`x === C` alone is rare): a file without them needs no walk. */
const TEST_WORDS = /\b(?:instanceof|typeof)\b/;

/** `local`, bound to `member` of builtin `specifier`, has a capability the file only tests (a member without one needs no walk). */
export function isOnlyTestedCapability(walker: Walker, specifier: string, member: string, local: string): boolean {
  return memberCapabilities(specifier, member, walker.policy).length > 0 && isOnlyTested(walker.sourceFile, local);
}

function scan(sourceFile: ts.SourceFile, name: string): boolean {
  if (!TEST_WORDS.test(sourceFile.text)) return false;
  let tested = 0;
  let other = false;
  // Files parsed without parent pointers are judged too: the walk keeps its own ancestor stack.
  const ancestors: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (other || ts.isImportDeclaration(node) || isTypeOnlyNode(node, ancestors[ancestors.length - 1])) return;
    ancestors.push(node);
    if (ts.isIdentifier(node) && node.text === name) {
      const parent = ancestors[ancestors.length - 2];
      // `export { ChildProcess }` hands the value on (isValueReference calls a specifier a name).
      if (parent !== undefined && ts.isExportSpecifier(parent)) other = true;
      else if (parent !== undefined && isValueReference(node, parent)) {
        if (flowOf(ancestors).kind === 'tested') tested += 1;
        else other = true;
      }
    }
    ts.forEachChild(node, visit);
    ancestors.pop();
  };
  ts.forEachChild(sourceFile, visit);
  return !other && tested > 0;
}

/** A type (never run). Interfaces are skipped whole, so an `extends` clause left is a class's: a value. */
function isTypeOnlyNode(node: ts.Node, parent: ts.Node | undefined): boolean {
  if (ts.isExpressionWithTypeArguments(node)) return !(parent !== undefined && ts.isHeritageClause(parent) && parent.token === ts.SyntaxKind.ExtendsKeyword);
  return ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node);
}
