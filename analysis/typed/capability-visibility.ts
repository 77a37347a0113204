import ts from '../../policy/typescript.cjs';
import { createCapabilityReach, isDeclaredName, meaningAt } from './capability-reach.js';
import { createDeclarationFileReach } from './declaration-file-reach.js';
import { createModuleAugmentations } from './module-augmentations.js';
import { isProjectFile } from './project-file.js';
import { createProjectSymbolReach } from './project-symbol-reach.js';

/**
 * Types a file obtains without naming them (an array or object literal, a string's methods, an
 * async function's promise, `arguments`, `import.meta`): if an augmentation makes one of them
 * lead to a capability, no file can be judged by the names it writes.
 */
const IMPLICIT_TYPES = [
  'Object', 'Function', 'CallableFunction', 'NewableFunction', 'Array', 'ReadonlyArray', 'String', 'Number', 'Boolean', 'BigInt',
  'Symbol', 'RegExp', 'Promise', 'PromiseLike', 'IArguments', 'TemplateStringsArray', 'ImportMeta', 'Iterator', 'IterableIterator',
  'Generator', 'AsyncGenerator', 'AsyncIterableIterator', 'Error',
];


/** A symbol declared in the global scope (a script, `declare global`), not a module's own. */
function isGlobalDeclared(symbol: ts.Symbol): boolean {
  return (symbol.declarations ?? []).some((declaration) => {
    for (let node = declaration.parent as ts.Node | undefined; node !== undefined; node = node.parent) {
      if (ts.isModuleDeclaration(node) && (node.flags & ts.NodeFlags.GlobalAugmentation) !== 0) return true;
      // `declare module 'node:child_process' { … }` in a script: that module's export, not a global.
      if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) return false;
      if (ts.isSourceFile(node)) return !ts.isExternalModule(node);
    }
    return false;
  });
}

function isJsxNode(node: ts.Node): boolean {
  return ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node);
}

/** What one file shows by itself: whether it names a way to a capability, and the project files it imports. */
interface OwnFacts {
  readonly reaches: boolean;
  readonly imports: readonly ts.SourceFile[];
}

/**
 * A per-program pre-pass for the typed classifier: can a file hold a value whose type leads to
 * a capability at all? A value's type comes from what the file names (a global, an import, a
 * type), from the files it imports, or from the literal types every file has; so a file that
 * names no global leading to a capability (capability-reach.ts), imports no package or ambient
 * module, writes no JSX, is a module, and imports (transitively, as TypeScript resolves the
 * imports, since that is where its types come from) only such files, gets no type from which
 * the checker could place a capability, and asking the checker about each of its expressions
 * (which type-checks them: the bulk of a typed run) can only answer "nothing". Such files keep
 * the syntactic judgement and the types' precision answers (`mayBeFunction`).
 */
export function createCapabilityVisibility(program: ts.Program, checker: ts.TypeChecker): (sourceFile: ts.SourceFile) => boolean {
  const reach = createCapabilityReach(checker);
  const [anyFile] = program.getSourceFiles();
  // Every name visible at a file's top level includes every global: a superset, only to skip resolving other names.
  const globals = new Map<string, ts.Symbol>();
  for (const symbol of anyFile === undefined ? [] : checker.getSymbolsInScope(anyFile, ts.SymbolFlags.Value | ts.SymbolFlags.Type | ts.SymbolFlags.Namespace)) globals.set(symbol.name, symbol);
  let everyFile: boolean | undefined;
  const own = new Map<ts.SourceFile, OwnFacts>();
  const verdicts = new Map<ts.SourceFile, boolean>();

  const implicitTypesReach = (): boolean => {
    everyFile ??= IMPLICIT_TYPES.some((name) => {
      const symbol = globals.get(name);
      return symbol !== undefined && reach(symbol, 'type');
    });
    return everyFile;
  };

  // A module hands a file only the types of what the file takes from it. A named binding hands
  // its declaration: a project file's (followed like an import of that file, so a barrel's other
  // modules stay out) or a package's, judged by name resolution over its declaration files
  // (capability-reach.ts). A whole module (a namespace import, `export *`, `import('m')`) hands
  // every export: a project module is followed with its re-exports; a package's is judged by its
  // exports and its own declarations (an `export =`, the module itself being a capability).
  // Memoized per module and per symbol for the program.
  // A name in another file judged as a global when it resolves to one (or to nothing: then it may
  // still be one); a local or imported name of the same spelling is that file's own, or an import's.
  const augmentations = createModuleAugmentations(program, checker);
  const fileReaches = createDeclarationFileReach(program, checker, augmentations, (reference, meaning) => {
    const global = globals.get(reference.text);
    if (global === undefined) return false;
    const symbol = checker.getSymbolAtLocation(reference);
    return (symbol === undefined || symbol === global || isGlobalDeclared(symbol)) && reach(symbol ?? global, meaning);
  });
  const symbolReaches = createProjectSymbolReach(checker, (declaration) => isProjectFile(program, declaration.getSourceFile()), (name, meaning, symbol, member) => {
    // `Function.prototype`, `process.argv`: what the code gets is the member, judged by its own declaration (as viaName does).
    const memberReaches = (): boolean => {
      const memberSymbol = member === undefined ? undefined : checker.getSymbolAtLocation(member.name);
      return memberSymbol === undefined || reach(memberSymbol, 'value');
    };
    if (symbol === undefined || (symbol.declarations ?? []).length === 0) {
      const global = globals.get(name);
      return global !== undefined && reach(global, meaning) && memberReaches();
    }
    if (isGlobalDeclared(symbol)) return reach(symbol, meaning) && memberReaches();
    return (symbol.declarations ?? []).some((declaration) => !isProjectFile(program, declaration.getSourceFile()) && fileReaches(declaration.getSourceFile()));
  });
  /**
   * Whether what `symbol` declares (a binding, or a module taken whole) reaches a capability: a
   * declaration in a project file adds that file to `imports` (a module file brings its own
   * re-exports along); any other file is judged as a whole, with what it refers to.
   */
  const declaredReaches = (symbol: ts.Symbol, imports: ts.SourceFile[]): boolean => {
    const declarations = symbol.declarations ?? [];
    // A name the project declares (not a module taken whole): judged by what its declarations name.
    if (declarations.length > 0 && declarations.every((declaration) => !ts.isSourceFile(declaration) && isProjectFile(program, declaration.getSourceFile()))) return symbolReaches(symbol);
    let reaches = false;
    for (const declaration of symbol.declarations ?? []) {
      const file = declaration.getSourceFile();
      if (isProjectFile(program, file)) imports.push(file);
      else reaches ||= fileReaches(file);
    }
    return reaches;
  };
  /** Whether the import binding `name` reaches a capability (declaredReaches). */
  const bindingReaches = (name: ts.Node, imports: ts.SourceFile[]): boolean => {
    let symbol = checker.getSymbolAtLocation(name);
    if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
    // A binding the checker cannot resolve is `any`: it carries no capability's type.
    return symbol !== undefined && declaredReaches(symbol, imports);
  };
  /** The bindings an import or re-export names (`{ a, b as c }`, a default, `x = require(…)`), or `whole` when it takes the whole module. */
  const takenBindings = (statement: ts.Node | undefined): readonly ts.Node[] | 'whole' => {
    if (statement !== undefined && ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      // `import 'm'` binds nothing: its run-time effect is the syntax's to judge.
      if (clause === undefined) return [];
      const bindings = clause.namedBindings;
      if (bindings !== undefined && ts.isNamespaceImport(bindings)) return 'whole';
      const named = bindings === undefined ? [] : bindings.elements.map((element) => element.name);
      return clause.name === undefined ? named : [clause.name, ...named];
    }
    if (statement !== undefined && ts.isExportDeclaration(statement) && statement.exportClause !== undefined && ts.isNamedExports(statement.exportClause)) {
      return statement.exportClause.elements.map((element) => element.name);
    }
    if (statement !== undefined && ts.isImportEqualsDeclaration(statement)) return [statement.name];
    return 'whole';
  };

  const ownFacts = (sourceFile: ts.SourceFile): OwnFacts => {
    const known = own.get(sourceFile);
    if (known !== undefined) return known;
    // `declare module '../utils' { … }` adds the augmenting file's declarations to the augmented
    // module's (module-augmentations.ts): whoever imports that module sees them, as if it imported the augmenting file.
    const imports: ts.SourceFile[] = [...augmentations.of(sourceFile)];
    const isJavaScript = (sourceFile.flags & ts.NodeFlags.JavaScriptFile) !== 0;
    /** `statement` takes something from the module `specifier` names: `import(…)`, `require(…)` and `import('m').T` take it whole. */
    const viaModule = (specifier: ts.Node | undefined, statement?: ts.Node): boolean => {
      if (specifier === undefined || !ts.isStringLiteralLike(specifier)) return false;
      const module = checker.getSymbolAtLocation(specifier);
      if (module === undefined) return false;
      const taken = takenBindings(statement);
      return taken === 'whole' ? declaredReaches(module, imports) : taken.some((name) => bindingReaches(name, imports));
    };
    const viaName = (identifier: ts.Identifier): boolean => {
      if (!globals.has(identifier.text)) return false;
      const parent = identifier.parent;
      const symbol = ts.isShorthandPropertyAssignment(parent)
        ? checker.getShorthandAssignmentValueSymbol(parent)
        : ts.isExportSpecifier(parent)
          ? (parent.propertyName ?? parent.name) === identifier ? checker.getExportSpecifierLocalTargetSymbol(parent) : undefined
          : isDeclaredName(identifier) ? undefined : checker.getSymbolAtLocation(identifier);
      if (symbol === undefined || (symbol.flags & ts.SymbolFlags.Alias) !== 0) return false;
      const declarations = symbol.declarations ?? [];
      const foreign = declarations.length === 0 || declarations.some((declaration) => declaration.getSourceFile() !== sourceFile);
      if (!foreign || !reach(symbol, meaningAt(identifier))) return false;
      // `Function.prototype`, `process.argv`: what the code gets is the member, judged by its own declaration.
      const member = ts.isPropertyAccessExpression(parent) && parent.expression === identifier ? checker.getSymbolAtLocation(parent.name) : undefined;
      return member === undefined || reach(member, 'value');
    };
    const visit = (node: ts.Node): boolean => {
      if (isJsxNode(node)) return true;
      if (ts.isImportDeclaration(node)) return viaModule(node.moduleSpecifier, node);
      if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined) return viaModule(node.moduleSpecifier, node);
      if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) return viaModule(node.moduleReference.expression, node);
      if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && viaModule(node.argument.literal)) return true;
      if (ts.isCallExpression(node) && isModuleLoad(node, isJavaScript) && viaModule(node.arguments[0])) return true;
      if (ts.isIdentifier(node)) return viaName(node);
      if (isJavaScript && (node as { jsDoc?: readonly ts.Node[] }).jsDoc?.some(visit) === true) return true;
      return ts.forEachChild(node, visit) ?? false;
    };
    // A script shares its scope (and `this`) with the global object.
    const reaches = !ts.isExternalModule(sourceFile) || (ts.forEachChild(sourceFile, visit) ?? false);
    const facts = { reaches, imports };
    own.set(sourceFile, facts);
    return facts;
  };

  return (sourceFile) => {
    // An augmentation whose merge is not followed may add to any file's types.
    if (implicitTypesReach() || augmentations.everywhere()) return true;
    const known = verdicts.get(sourceFile);
    if (known !== undefined) return known;
    // Depth-first over the imports; a search that finds nothing proves every file it saw clean.
    const seen = new Set<ts.SourceFile>();
    const pending = [sourceFile];
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      const facts = ownFacts(file);
      if (facts.reaches || verdicts.get(file) === true) {
        verdicts.set(sourceFile, true);
        return true;
      }
      for (const imported of facts.imports) if (verdicts.get(imported) !== false) pending.push(imported);
    }
    for (const file of seen) verdicts.set(file, false);
    return false;
  };
}

/** `import('x')` anywhere, `require('x')` in JavaScript (where the checker resolves it). */
function isModuleLoad(call: ts.CallExpression, isJavaScript: boolean): boolean {
  if (call.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  return isJavaScript && ts.isIdentifier(call.expression) && call.expression.text === 'require';
}
