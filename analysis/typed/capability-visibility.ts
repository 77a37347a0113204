import ts from '../../policy/typescript.cjs';
import { createCapabilityReach, isDeclaredName, meaningAt } from './capability-reach.js';

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

function isProjectFile(program: ts.Program, sourceFile: ts.SourceFile): boolean {
  return !program.isSourceFileDefaultLibrary(sourceFile) && !program.isSourceFileFromExternalLibrary(sourceFile) && !sourceFile.fileName.includes('/node_modules/');
}

function isJsxNode(node: ts.Node): boolean {
  return ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node);
}

/** The module a specifier literal names, as the checker resolved it: a project file, something else (a package, an ambient module), or nothing. */
type ModuleTarget = { readonly kind: 'project'; readonly file: ts.SourceFile } | { readonly kind: 'foreign' } | { readonly kind: 'unresolved' };

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

  const moduleTarget = (specifier: ts.Node): ModuleTarget => {
    const symbol = checker.getSymbolAtLocation(specifier);
    if (symbol === undefined) return { kind: 'unresolved' };
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    return declaration !== undefined && ts.isSourceFile(declaration) && isProjectFile(program, declaration) ? { kind: 'project', file: declaration } : { kind: 'foreign' };
  };

  // `declare module '../utils' { … }` adds the augmenting file's declarations to the augmented
  // module's types: whoever imports that module sees them, as if it imported the augmenting file.
  let augmentedBy: Map<ts.SourceFile, ts.SourceFile[]> | undefined;
  const augmentationsOf = (sourceFile: ts.SourceFile): readonly ts.SourceFile[] => {
    if (augmentedBy === undefined) {
      augmentedBy = new Map();
      for (const file of program.getSourceFiles()) {
        if (!isProjectFile(program, file) || !ts.isExternalModule(file)) continue;
        for (const statement of file.statements) {
          if (!ts.isModuleDeclaration(statement) || !ts.isStringLiteral(statement.name)) continue;
          const target = moduleTarget(statement.name);
          if (target.kind !== 'project') continue;
          const list = augmentedBy.get(target.file) ?? [];
          list.push(file);
          augmentedBy.set(target.file, list);
        }
      }
    }
    return augmentedBy.get(sourceFile) ?? [];
  };

  const ownFacts = (sourceFile: ts.SourceFile): OwnFacts => {
    const known = own.get(sourceFile);
    if (known !== undefined) return known;
    const imports: ts.SourceFile[] = [...augmentationsOf(sourceFile)];
    const isJavaScript = (sourceFile.flags & ts.NodeFlags.JavaScriptFile) !== 0;
    const viaModule = (specifier: ts.Node | undefined): boolean => {
      if (specifier === undefined || !ts.isStringLiteralLike(specifier)) return false;
      const target = moduleTarget(specifier);
      if (target.kind === 'project') imports.push(target.file);
      return target.kind === 'foreign';
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
      if (ts.isImportDeclaration(node)) return viaModule(node.moduleSpecifier);
      if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined) return viaModule(node.moduleSpecifier);
      if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) return viaModule(node.moduleReference.expression);
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
    if (implicitTypesReach()) return true;
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
