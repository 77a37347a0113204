import path from 'node:path';
import ts from '../../policy/typescript.cjs';
import { isCapabilityOwner, isDeclaredName, meaningAt, type Meaning } from './capability-reach.js';
import { ownerOf } from './declaration-owner.js';
import type { ModuleAugmentations } from './module-augmentations.js';
import { isProjectFile } from './project-file.js';

/**
 * Whether a file outside the project (a package's declaration or JavaScript file, an ambient
 * module's file) can lead to a capability, judged by its text's names alone, never by
 * type-checking it: the file is, or declares, a capability module (`ws`, `declare module 'node:net'`);
 * or it names, anywhere but as a declared or member name, a global that leads to one
 * (`globalReaches`: `typeof globalThis`, `WebSocket`, `require`, `Function`'s value, `HTMLElement`
 * through `ownerDocument.defaultView`); or a module it refers to (an import, an `export … from`,
 * `import('m')`, a `/// <reference types>`) can. Every other name in a declaration file is its
 * own declaration or an import, so the file and what it refers to hold every type its exports
 * can have.
 * Memoized per file for the program; the files a search visits without finding anything are clean.
 */
export function createDeclarationFileReach(
  program: ts.Program,
  checker: ts.TypeChecker,
  augmentations: ModuleAugmentations,
  globalReaches: (reference: ts.Identifier, meaning: Meaning) => boolean,
): (file: ts.SourceFile) => boolean {
  const verdicts = new Map<ts.SourceFile, boolean>();

  /** The files a module specifier resolves to (every declaration of the module), or `true` when it leads into the project. */
  const filesOf = (specifier: ts.Node, into: ts.SourceFile[]): boolean => {
    const module = checker.getSymbolAtLocation(specifier);
    for (const declaration of module?.declarations ?? []) {
      const file = declaration.getSourceFile();
      if (isProjectFile(program, file)) return true;
      into.push(file);
    }
    return false;
  };

  /** What one file shows by itself, and the files it refers to. */
  const own = new Map<ts.SourceFile, { readonly reaches: boolean; readonly refers: readonly ts.SourceFile[] }>();
  const ownFacts = (file: ts.SourceFile): { readonly reaches: boolean; readonly refers: readonly ts.SourceFile[] } => {
    let facts = own.get(file);
    if (facts === undefined) {
      facts = scan(file);
      own.set(file, facts);
    }
    return facts;
  };
  const scan = (file: ts.SourceFile): { readonly reaches: boolean; readonly refers: readonly ts.SourceFile[] } => {
    const refers: ts.SourceFile[] = [];
    const owner = ts.isExternalModule(file) ? ownerOf(file) : undefined;
    if (owner !== undefined && isCapabilityOwner(owner)) return { reaches: true, refers };
    // `declare module 'm' { interface Made { run: … } }` in another file (a project file, another
    // package) adds to this file's own declarations, which its names here then carry: that file is this one's too.
    for (const augmenting of augmentations.of(file)) {
      if (isProjectFile(program, augmenting)) return { reaches: true, refers };
      refers.push(augmenting);
    }
    // `/// <reference types="node" />` brings in a whole package of globals and modules: not judged here.
    if (file.typeReferenceDirectives.length > 0) return { reaches: true, refers };
    for (const reference of file.referencedFiles) {
      const target = program.getSourceFile(path.resolve(path.dirname(file.fileName), reference.fileName));
      if (target === undefined) return { reaches: true, refers };
      refers.push(target);
    }
    const isJavaScript = (file.flags & ts.NodeFlags.JavaScriptFile) !== 0;
    const visit = (node: ts.Node): boolean => {
      if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
        const declared = ownerOf(node);
        if (declared !== undefined && isCapabilityOwner(declared)) return true;
      }
      if (ts.isStringLiteralLike(node)) {
        const parent = node.parent;
        const isSpecifier = ((ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) && parent.moduleSpecifier === node)
          || ts.isExternalModuleReference(parent)
          || (ts.isLiteralTypeNode(parent) && ts.isImportTypeNode(parent.parent))
          || (ts.isCallExpression(parent) && parent.arguments[0] === node && (parent.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(parent.expression) && parent.expression.text === 'require')))
          || (ts.isModuleDeclaration(parent) && parent.name === node);
        return isSpecifier && filesOf(node, refers);
      }
      if (ts.isIdentifier(node)) {
        const parent = node.parent;
        const isMemberName = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isQualifiedName(parent) && parent.right === node);
        return !isMemberName && !isDeclaredName(node) && globalReaches(node, meaningAt(node));
      }
      // JSDoc types only type JavaScript.
      if (isJavaScript && (node as { jsDoc?: readonly ts.Node[] }).jsDoc?.some(visit) === true) return true;
      return ts.forEachChild(node, visit) ?? false;
    };
    // A script's declarations are globals: reached through the globals that name them.
    return { reaches: ts.forEachChild(file, visit) ?? false, refers };
  };

  return (start) => {
    const known = verdicts.get(start);
    if (known !== undefined) return known;
    const seen = new Set<ts.SourceFile>();
    const pending = [start];
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      // A default library file holds the globals themselves: judged name by name where they are named, not whole.
      if (verdicts.get(file) === true || program.isSourceFileDefaultLibrary(file) || ownFacts(file).reaches) {
        verdicts.set(start, true);
        return true;
      }
      for (const referred of ownFacts(file).refers) if (verdicts.get(referred) !== false) pending.push(referred);
    }
    for (const file of seen) verdicts.set(file, false);
    return false;
  };
}
