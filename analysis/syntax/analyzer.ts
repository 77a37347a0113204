import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { isFreshLoaderKey, isFreshModulePrototypeHelper } from './module-prototype-helpers.js';
import {
  DEFAULT_OPEN_FLAGS,
  GLOBAL_OBJECT_NAMES,
  LOADER_BOOKKEEPING_MEMBERS,
  LOADER_NAMES,
  canonicalBuiltin,
  classifyModule,
  globalCapabilities,
  globalValueCapabilities,
  memberCapabilities,
  openModeCapabilities,
  processMemberCapabilities,
  processMemberWriteCapabilities,
  type Capability,
  type PolicyConfig,
} from '../../policy/index.js';
import { visitBinary, visitCall, visitNew, visitTaggedTemplate } from './calls.js';
import type { FindingCollector } from './collector.js';
import { bindingsOf, visitHandedArguments, visitVariable } from './declarations.js';
import { trackedLoad } from './module-loads.js';
import { globalName } from './module-loads.js';
import { visitExport, visitImport, visitImportEquals } from './module-references.js';
import { constantKey } from './constants.js';
import { judgeConstructorRead, judgeFunctionConstructor } from './constructor-reads.js';
import { judgeCallerRead } from './caller-reads.js';
import { isWithBodyName, judgeRuntimeKeyRead } from './function-values.js';
import { bindNamespaceParameter, isPromiseMember, promisedNamespaceCallback } from './promised-namespaces.js';
import { isScopeContainer, isValueReference, kindTable, thisOwner } from './node-kinds.js';
import { codeContext, isAssignedMember, isMemberOnlyAlias, isReceiverHandOver } from './sloppy-this.js';
import { Scope, type Binding } from './scope.js';
import { parameterAlias } from './alias-values.js';
import { moduleParameter } from './module-parameters.js';
import { isPlainDataGlobalAlias } from './global-stores.js';
import { judgePatternStores } from './shared-stores.js';
import { choiceMemberOfGlobal, isDataOnlyWrapperArgument, isKeyNamesArgument, isMemberOnlyProcessAlias, isOwnMethodReceiver, processParameterKeys } from './global-value-uses.js';
import { isSymbolKeyed } from './global-data-writes.js';
import { isExportedDeclaration } from './exported-declarations.js';
import { isStoredOpenMemberRead } from './stored-open-members.js';
import { interopMemberBase } from './interop.js';
import { registerInteropFile } from './interop-index.js';
import { declareContainer, mayDeclareVar } from './scope-declarations.js';
import { literalString, skipAwait, skipOuter } from './syntax.js';
import { judgeReflectiveRead } from './calls.js';
import { reflectiveRead } from './reflection.js';
import { recordLoad } from './module-references.js';
import type { TextChecker } from './text-checks.js';
import type { Resolved, TypeOracle } from './type-oracle.js';
import { flowOf, isDataTest, type Flow } from './value-flow.js';
import type { ModuleReference, ReferenceKind } from './types.js';
import type { Walker } from './walker.js';
import { recordBindingUse, type BindingUse } from './binding-uses.js';
import { judgePathText } from './pseudo-files.js';
import { reportUntypedEscapes } from './untyped-escapes.js';
import { judgeStarterValue, mayHoldStarters } from './starter-values.js';
import { judgePatternSettingWrites, judgeSettingProperty } from './launch-settings.js';
import { judgeDestructuredStreams, judgeStdioUse } from './stdio-prototype-walks.js';
import { jsxFactoriesOf, judgeJsxFactories } from './jsx-factories.js';

/**
 * The one walk over a file. Each node kind that can reach a capability has a handler (here for
 * identifiers, member access and types; calls, declarations and module references have their own
 * files); every other node is descended into. Scopes are tracked so that a local `fetch` or
 * `process` is not mistaken for the global, and `require`/`createRequire` aliases are followed.
 * With a TypeOracle (analysis/typed), references the syntax cannot place are classified by the
 * declaration they resolve to; without one, the syntactic rules stand alone.
 */
/**
 * The allow list judges the specifiers code writes, which the syntax sees at each import; where
 * a package's types happen to be declared (`vitest` re-exports `@vitest/runner`) is not an import.
 */
function withoutPackageDenial(capabilities: readonly Capability[]): readonly Capability[] {
  return capabilities.filter((capability) => capability !== 'UNKNOWN_PACKAGE');
}

const isTypeNodeKind = kindTable((node) => tsv.isTypeNode(node));

export class Analyzer implements Walker {
  readonly references: ModuleReference[] = [];
  /** Uses of `importedNames` the exporting module may decide (binding-uses.ts), for the guard. */
  readonly bindingUses: BindingUse[] = [];
  readonly judgedCallees = new Set<ts.Node>();
  readonly memberJudgedValues = new Set<ts.Node>();
  /** The nodes being visited, outermost first: the flow of a value is read from them. */
  readonly ancestors: ts.Node[] = [];
  /** `then` callbacks of an `import()` and the module whose namespace their first parameter receives. */
  private readonly promisedNamespaces = new Map<ts.Node, string>();
  scope = new Scope(undefined);

  constructor(
    readonly sourceFile: ts.SourceFile,
    readonly policy: PolicyConfig,
    readonly report: FindingCollector,
    readonly text: TextChecker | undefined,
    readonly types: TypeOracle | undefined,
    /** Names bound by imports of the project's own modules (import-bindings.ts). */
    private readonly importedNames: ReadonlySet<string> = new Set(),
  ) {
    this.hasVar = mayDeclareVar(sourceFile);
    this.mayHoldStarters = mayHoldStarters(sourceFile);
  }

  readonly mayHoldStarters: boolean;

  /** False when the file spells no `var`: scopes need no search for hoisted declarations. */
  private readonly hasVar: boolean;

  run(): void {
    registerInteropFile(this.scope, this.sourceFile);
    this.ancestors.push(this.sourceFile);
    this.enterScope(this.sourceFile);
    for (const statement of this.sourceFile.statements) this.visit(statement, this.sourceFile);
    reportUntypedEscapes(this);
    this.leaveScope();
    this.ancestors.pop();
  }

  /** Declares what `container` introduces in a new scope (scope-declarations.ts) before its body is walked. */
  private enterScope(container: ts.Node): void {
    this.scope = new Scope(this.scope);
    const context = codeContext(container, this.ancestors, this.scope, this.sourceFile);
    this.scope.strict = context.strict;
    this.scope.receiver = context.receiver;
    declareContainer(container, this.scope, this.declareBindings, this.hasVar, this.parameterBinding);
    const promised = this.promisedNamespaces.get(container);
    if (promised !== undefined) bindNamespaceParameter(this, container as ts.FunctionLikeDeclaration, promised, this.scope);
  }

  /** `function t(s = globalThis)`, `(r => r.process)(s)`: a parameter that may hold a followed global (alias-values.ts), or a builtin module (module-parameters.ts). */
  private readonly parameterBinding = (parameter: ts.ParameterDeclaration, index: number): Binding | undefined => {
    const container = this.ancestors[this.ancestors.length - 1] as ts.Node;
    return parameterAlias(parameter, index, container, this.ancestors, this.scope, this.scope.parent ?? this.scope) ?? moduleParameter(parameter, index, container, this.ancestors, this.scope);
  };

  private readonly declareBindings = (declaration: ts.VariableDeclaration, isConst: boolean): ReturnType<typeof bindingsOf> => bindingsOf(declaration, isConst, this.scope);

  /**
   * A binding of a builtin nothing in the file uses loads it and calls nothing of it: it reaches
   * nothing (every use is a name this walk sees). Exported (`export const x = await import('node:http')`),
   * other modules may use it any way: the whole module, or the flags-free call of the member.
   */
  private leaveScope(): void {
    for (const unused of this.scope.unusedBindings()) {
      // JSX whose factory no pragma names may be handed any binding of the file (jsx-factories.ts).
      const jsxMayUse = jsxFactoriesOf(this.sourceFile).anyBinding;
      if (!jsxMayUse && !isExportedDeclaration(unused.declaration, this.sourceFile)) continue;
      if (unused.kind === 'module') this.reachModule(unused.specifier, unused.declaration, jsxMayUse ? 'a JSX factory no pragma of the file names may be it' : undefined);
      else this.report.reach(openModeCapabilities(DEFAULT_OPEN_FLAGS), unused.declaration, unused.member, 'member');
    }
    this.scope = this.scope.parent ?? this.scope;
  }

  /** The node whose children `visitChild` is walking: one callback for the whole walk, not a closure per node. */
  private childrenOf: ts.Node | undefined;
  private readonly visitChild = (child: ts.Node): undefined => {
    this.visit(child, this.childrenOf ?? child);
    return undefined;
  };

  visitChildren(node: ts.Node): void {
    const outer = this.childrenOf;
    this.childrenOf = node;
    tsv.forEachChild(node, this.visitChild);
    this.childrenOf = outer;
  }

  visit(node: ts.Node, parent: ts.Node): void {
    this.ancestors.push(node);
    if (isScopeContainer(node)) {
      this.enterScope(node);
      this.visitNode(node, parent);
      this.leaveScope();
    } else {
      this.visitNode(node, parent);
    }
    this.ancestors.pop();
  }

  /** The flow of `node` when it is the node being visited; otherwise (a destructured key, an export list) it flows. */
  flowAt(node: ts.Node): Flow {
    return this.ancestors[this.ancestors.length - 1] === node ? flowOf(this.ancestors) : { kind: 'flows' };
  }

  private visitNode(node: ts.Node, parent: ts.Node): void {
    switch (node.kind) {
      case tsv.SyntaxKind.Identifier:
        return this.visitIdentifier(node as ts.Identifier, parent);
      case tsv.SyntaxKind.StringLiteral:
      case tsv.SyntaxKind.NoSubstitutionTemplateLiteral:
        this.text?.checkString((node as ts.StringLiteralLike).text, node);
        return judgePathText(this, node as ts.StringLiteralLike, parent);
      case tsv.SyntaxKind.TemplateExpression:
        this.text?.checkTemplate(node as ts.TemplateExpression);
        judgePathText(this, node as ts.TemplateExpression, parent);
        return this.visitChildren(node);
      case tsv.SyntaxKind.ImportDeclaration:
        return visitImport(this, node as ts.ImportDeclaration);
      case tsv.SyntaxKind.ExportDeclaration:
        return visitExport(this, node as ts.ExportDeclaration);
      case tsv.SyntaxKind.ImportEqualsDeclaration:
        return visitImportEquals(this, node as ts.ImportEqualsDeclaration);
      case tsv.SyntaxKind.CallExpression:
        return visitCall(this, node as ts.CallExpression);
      case tsv.SyntaxKind.NewExpression:
        return visitNew(this, node as ts.NewExpression);
      case tsv.SyntaxKind.PropertyAccessExpression:
      case tsv.SyntaxKind.ElementAccessExpression:
        return this.visitMemberAccess(node as ts.PropertyAccessExpression | ts.ElementAccessExpression);
      case tsv.SyntaxKind.VariableDeclaration:
        return visitVariable(this, node as ts.VariableDeclaration);
      case tsv.SyntaxKind.ThisKeyword:
        // In a sloppy-mode function called without a receiver, `this` is the global object (sloppy-this.ts).
        if (this.scope.thisMayBeGlobal() && !isReceiverHandOver(node, this.ancestors) && !isMemberOnlyAlias(node, this.ancestors)) this.globalUse('globalThis', node, this.flowAt(node));
        return;
      case tsv.SyntaxKind.BinaryExpression:
        return visitBinary(this, node as ts.BinaryExpression);
      case ts.SyntaxKind.PropertyAssignment:
      case ts.SyntaxKind.ShorthandPropertyAssignment:
        // `{ execArgv: [...] }`, `{ NODE_OPTIONS: '-r x' }` anywhere preload code where Node is started with them.
        judgeSettingProperty(this, node as ts.PropertyAssignment | ts.ShorthandPropertyAssignment);
        return this.visitChildren(node);
      case ts.SyntaxKind.ForOfStatement:
      case ts.SyntaxKind.ForInStatement:
        // `for (process.env.NODE_OPTIONS of […])`: a loop head that writes a member (launch-settings.ts).
        judgePatternSettingWrites(this, node as ts.ForOfStatement | ts.ForInStatement);
        // `for (run of [cp.execSync]);`: a loop head that stores into a global (shared-stores.ts).
        judgePatternStores(this, node as ts.ForOfStatement | ts.ForInStatement);
        return this.visitChildren(node);
      case ts.SyntaxKind.TaggedTemplateExpression:
        return visitTaggedTemplate(this, node as ts.TaggedTemplateExpression);
      case tsv.SyntaxKind.JsxElement:
      case tsv.SyntaxKind.JsxSelfClosingElement:
      case tsv.SyntaxKind.JsxFragment:
        // `/** @jsxFrag Frag */`: every element or fragment uses the factories the file names (jsx-factories.ts).
        judgeJsxFactories(this, node, this.useJsxFactoryGlobal);
        return this.visitChildren(node);
      case tsv.SyntaxKind.TypeOfExpression:
        // `typeof process` is a feature test, not a use.
        if (tsv.isIdentifier(skipOuter((node as ts.TypeOfExpression).expression))) return;
        return this.visitChildren(node);
      case tsv.SyntaxKind.HeritageClause:
        return this.visitHeritage(node as ts.HeritageClause, parent);
      case tsv.SyntaxKind.InterfaceDeclaration:
      case tsv.SyntaxKind.TypeAliasDeclaration:
        return this.visitType(node);
      case tsv.SyntaxKind.ExpressionWithTypeArguments:
        // An instantiation expression (`f<T>`) outside a heritage clause is a value.
        this.visit((node as ts.ExpressionWithTypeArguments).expression, node);
        return;
      default:
        if (isTypeNodeKind(node)) return this.visitType(node);
        return this.visitChildren(node);
    }
  }

  /** Types never run; they only matter for `import('x')` types and verdict tokens. */
  private visitType(node: ts.Node): void {
    if (tsv.isImportTypeNode(node) && tsv.isLiteralTypeNode(node.argument)) {
      this.addReference(literalString(node.argument.literal) ?? null, 'import-type', true, node);
    } else if (tsv.isLiteralTypeNode(node) && tsv.isStringLiteral(node.literal)) {
      this.text?.checkVerdictToken(node.literal.text, node.literal);
    } else if (tsv.isIdentifier(node)) {
      this.text?.checkVerdictToken(node.text, node);
    }
    tsv.forEachChild(node, this.visitTypeChild);
  }

  /** One callback for every type node's children, not a closure per node. */
  private readonly visitTypeChild = (child: ts.Node): undefined => {
    this.visitType(child);
    return undefined;
  };

  /** `parent` is passed in: files parsed without parent pointers are walked too. */
  private visitHeritage(clause: ts.HeritageClause, parent: ts.Node): void {
    for (const type of clause.types) {
      if (clause.token === tsv.SyntaxKind.ExtendsKeyword && !tsv.isInterfaceDeclaration(parent)) this.visit(type.expression, type);
      if (type.typeArguments) for (const argument of type.typeArguments) this.visitType(argument);
    }
  }

  visitIdentifier(identifier: ts.Identifier, parent: ts.Node): void {
    this.text?.checkVerdictToken(identifier.text, identifier);
    if (!isValueReference(identifier, parent)) return;
    if (this.mayHoldStarters) judgeStarterValue(this, identifier);
    if (this.importedNames.has(identifier.text)) recordBindingUse(this.bindingUses, identifier, this.ancestors, this.sourceFile);
    const binding = this.scope.lookup(identifier.text);
    if (binding === undefined) return this.globalUse(identifier.text, identifier, this.flowAt(identifier));
    if (binding.kind === 'module') {
      binding.used = true;
      // `tty && tty.isatty && tty.isatty(1)`: a truthiness test of the namespace hands it to nothing; its members are judged where read.
      if (this.flowAt(identifier).kind === 'tested') return;
      this.reachModule(binding.specifier, identifier, `\`${identifier.text}\` used as a whole value`);
    } else if (binding.kind === 'require') {
      // `load.resolve('./x')` of an alias or a `createRequire` loader only names a file, as `require.resolve` does.
      const member = tsv.isPropertyAccessExpression(parent) && parent.expression === identifier ? parent.name.text : undefined;
      if (member === undefined || !LOADER_BOOKKEEPING_MEMBERS.require.includes(member)) this.report.unanalyzed(identifier, identifier.text, 'an alias of `require` passed on as a value');
    } else if (binding.kind === 'flag-sensitive') {
      binding.used = true;
      // Any use but a direct call hides the flags (`f(openSync)`, `openSync.call`): it may write. Stored
      // in a local (`const f = openSync`), it is judged at the local's uses (stored-open-members.ts).
      if (!this.judgedCallees.has(identifier) && !isStoredOpenMemberRead(identifier, this.ancestors, this.scope)) this.reachMember(binding.specifier, binding.member, identifier);
    } else if (binding.kind === 'member' && canonicalBuiltin(binding.specifier) === 'node:process') {
      // `import { stdout } from 'node:process'` taken apart (stdio-prototype-walks.ts).
      judgeStdioUse(this, identifier, binding.member);
    } else if (binding.kind === 'constructor') {
      if (!binding.exempt) judgeFunctionConstructor(this, identifier, this.flowAt(identifier), identifier.text);
    } else if (binding.kind !== 'member' && !this.judgedCallees.has(identifier)) {
      // A local the syntax cannot place (an import from a barrel, a typed parameter): ask the types.
      this.reachResolved(this.types?.resolve(identifier), identifier);
    }
  }

  /** `/** @jsx fetch *\/`: a global named as a JSX factory is handed to every element. */
  private readonly useJsxFactoryGlobal = (name: string, node: ts.Node): void => this.globalUse(name, node, { kind: 'flows' });

  /** A use of the global `name` as a value (not as the base of a member access or a call we resolved). */
  private globalUse(name: string, node: ts.Node, flow: Flow): void {
    // Feature tests (`if (window.fetch)`, `'fetch' in window`, `x === globalThis`) run nothing.
    if (flow.kind === 'tested' || flow.kind === 'discarded') return;
    if (flow.kind === 'destructured' && name === 'console') judgeDestructuredStreams(this, flow.pattern, name);
    const visited = this.ancestors[this.ancestors.length - 1] === node;
    if ((GLOBAL_OBJECT_NAMES.includes(name) || name === 'process') && visited && isOwnMethodReceiver(name, this.ancestors, this.scope)) return;
    if (GLOBAL_OBJECT_NAMES.includes(name)) {
      // A UMD wrapper's `global.acorn = {}`: an alias that only stores and reads plain data (global-stores.ts).
      if (visited && (isPlainDataGlobalAlias(this.ancestors, this.scope) || isDataOnlyWrapperArgument(this.ancestors, this.scope))) return;
      // `(global || self).Uint8Array` is `globalThis.Uint8Array` (global-value-uses.ts).
      const member = visited ? choiceMemberOfGlobal(this.ancestors) : undefined;
      if (member !== undefined) return this.globalMember(name, member.key, member.access, flowOf(this.ancestors, member.index));
      return this.report.unanalyzed(node, name, 'the global object used as a value');
    }
    // `var kr = typeof process == 'object' && process ? process : {}` read only at constant keys, each judged as `process.key`.
    if (name === 'process' && visited && isKeyNamesArgument(name, this.ancestors, this.scope)) return;
    if (name === 'process' && visited && isMemberOnlyProcessAlias(this.ancestors, this.scope)) {
      this.memberJudgedValues.add(node);
      return;
    }
    // `eehaslisteners(process, 'deprecation')`: a local function that only reads constant members of it (global-value-uses.ts).
    const keys = name === 'process' && visited ? processParameterKeys(this.ancestors) : undefined;
    if (keys !== undefined) {
      this.memberJudgedValues.add(node);
      for (const key of keys) this.globalMember('process', key, node, { kind: 'flows' });
      return;
    }
    if (name === 'process' || LOADER_NAMES.includes(name)) return this.report.unanalyzed(node, name, `\`${name}\` aliased or passed as a value`);
    if (name === 'arguments' && thisOwner(this.ancestors) === 'file') return this.report.unanalyzed(node, name, "the CommonJS wrapper's arguments hold `require` and `module`");
    if (name === 'constructor' && isWithBodyName(this.ancestors)) return judgeFunctionConstructor(this, node, flow, '`constructor` inside `with`');
    const capabilities = globalValueCapabilities(name);
    if (capabilities !== undefined) this.report.reach(capabilities, node, name, 'global');
  }

  private visitMemberAccess(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): void {
    const key = constantKey(node, this.scope);
    if (ts.isPropertyAccessExpression(node)) this.text?.checkVerdictToken(node.name.text, node.name);
    if (this.mayHoldStarters) judgeStarterValue(this, node);
    const base = interopMemberBase(skipOuter(node.expression), this.scope, trackedLoad);
    const owner = globalName(base, this.scope, GLOBAL_OBJECT_NAMES);
    if (owner !== undefined) {
      this.visitKey(node);
      return this.globalMember(owner, key, node, this.flowAt(node));
    }
    const binding = tsv.isIdentifier(base) ? this.scope.lookup(base.text) : undefined;
    if (binding?.kind === 'module') {
      binding.used = true;
      this.visitKey(node);
      if (key !== null && isPromiseMember(base, binding, key)) return this.promiseMember(binding.specifier, node, key);
      if (key === null) return this.reachModule(binding.specifier, node, 'computed member access');
      if (this.judgedCallees.has(node) || isStoredOpenMemberRead(node, this.ancestors, this.scope)) return;
      // `fs.watch && …`, `if (process.defaultApp)` with `process` imported: a member only tested is read as data;
      // `'HOME' in env` reads what the member holds (value-flow.ts's isDataTest).
      if (isDataTest(this.flowAt(node))) return;
      if (canonicalBuiltin(binding.specifier) === 'node:process') judgeStdioUse(this, node, key);
      if (key === 'prototype' && isFreshModulePrototypeHelper(binding.specifier, node, this.ancestors)) return;
      return this.report.reach(memberCapabilities(binding.specifier, key, this.policy), node, `${(base as ts.Identifier).text}.${key}`, 'member');
    }
    const loaded = tsv.isCallExpression(skipAwait(base)) ? trackedLoad(skipAwait(base) as ts.CallExpression, this.scope) : undefined;
    if (loaded !== undefined) {
      // `require('process').env`, `process.getBuiltinModule('node:fs').writeFileSync`: the member of the loaded builtin.
      recordLoad(this, skipAwait(base) as ts.CallExpression, loaded.load, true);
      visitHandedArguments(this, skipAwait(base) as ts.CallExpression, loaded.load);
      this.visitKey(node);
      if (key !== null && isPromiseMember(base, undefined, key)) return this.promiseMember(loaded.tracked, node, key);
      if (key === null) return this.reachModule(loaded.tracked, node, 'computed member access');
      if (this.judgedCallees.has(node) || isStoredOpenMemberRead(node, this.ancestors, this.scope)) return;
      if (key === 'prototype' && isFreshModulePrototypeHelper(loaded.tracked, node, this.ancestors)) return;
      return this.reachMember(loaded.tracked, key, node);
    }
    const reflected = reflectiveRead(node, this.scope);
    if (reflected !== undefined) judgeReflectiveRead(this, node, reflected.target, reflected.key);
    else if (key === 'constructor') judgeConstructorRead(this, node, base, this.flowAt(node));
    else if (key === 'caller') judgeCallerRead(this, node, base, this.flowAt(node));
    else if (key === null) judgeRuntimeKeyRead(this, node, base, tsv.isElementAccessExpression(node) ? node.argumentExpression : undefined);
    else if (!this.judgedCallees.has(node)) this.reachResolved(this.types?.resolve(node), node);
    this.visit(node.expression, node);
    this.visitKey(node);
  }

  /** The computed key of `x[key]` is code of its own (a method, not a closure made per member access). */
  private visitKey(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): void {
    if (tsv.isElementAccessExpression(node)) this.visit(node.argumentExpression, node);
  }

  /** `then`/`catch`/`finally` of an `import()`'s promise: the namespace goes to a `then` callback, else on as a whole. */
  private promiseMember(specifier: string, access: ts.PropertyAccessExpression | ts.ElementAccessExpression, key: string): void {
    const callback = promisedNamespaceCallback(this, access, key, specifier);
    if (callback !== undefined) this.promisedNamespaces.set(callback, specifier);
  }

  globalMember(owner: string, key: string | null, node: ts.Node, flow: Flow): void {
    if (GLOBAL_OBJECT_NAMES.includes(owner)) {
      // A computed write (`globalThis[k] = v`) defines a global; it reads nothing.
      // `globalThis[Symbol.for('app.state')]`: no global the policy names is keyed by a symbol.
      if (key === null) return flow.kind === 'tested' || isAssignedMember(node, this.ancestors) || isSymbolKeyed(node, this.scope) ? undefined : this.report.unanalyzed(node, `${owner}[…]`, 'computed access on the global object');
      return this.globalUse(key, node, flow);
    }
    if (owner === 'process') {
      if (key === null) return this.report.unanalyzed(node, 'process[…]', 'computed access on `process`');
      // `process.type === 'renderer'`, `if (process.defaultApp)`, `isLinux() && process.report`: a member only tested is a flag read as data (choices 34).
      if (isDataTest(flow)) return;
      // `process.emit = function …` replaces the member for every module of the process (policy: processMemberWriteCapabilities).
      if (isAssignedMember(node, this.ancestors)) return this.report.reach(processMemberWriteCapabilities(key), node, `process.${key}`, 'member');
      judgeStdioUse(this, node, key);
      // `process.report.compact`: a member of a member may have a row of its own.
      const at = this.ancestors.lastIndexOf(node);
      const parent = at > 0 ? this.ancestors[at - 1] : undefined;
      const submember = parent !== undefined && tsv.isPropertyAccessExpression(parent) && parent.expression === node ? parent.name.text : undefined;
      return this.report.reach(processMemberCapabilities(key, submember), node, `process.${key}`, 'member');
    }
    if (owner === 'require' || owner === 'module') return this.loaderMember(owner, key, node, flow);
    if (owner === 'arguments' && thisOwner(this.ancestors) === 'file') {
      if (key !== 'length') this.report.unanalyzed(node, `arguments[${key ?? '…'}]`, "the CommonJS wrapper's arguments hold `require` and `module`");
      return;
    }
    if (key === 'constructor') return judgeFunctionConstructor(this, node, flow, `${owner}.constructor`);
    if (key === null) return this.globalUse(owner, node, flow);
    // `console._stdout`: the stream the global console writes to (stdio-prototype-walks.ts).
    judgeStdioUse(this, node, key, owner);
    const capabilities = globalCapabilities(owner, key);
    if (capabilities !== undefined && flow.kind !== 'tested') this.report.reach(capabilities, node, `${owner}.${key}`, 'global');
  }

  /**
   * A member of the loader. Bookkeeping (`module.exports`, `require.resolve`) and tests
   * (`require.main === module`) load nothing; a member with a row is judged by it unless only a
   * fact is read through it (`require.main.filename`); any other member hands the loader on.
   */
  private loaderMember(owner: 'require' | 'module', key: string | null, node: ts.Node, flow: Flow): void {
    if (flow.kind === 'tested') return;
    if (key === null) return this.report.unanalyzed(node, `${owner}[…]`, `computed access on \`${owner}\``);
    if (LOADER_BOOKKEEPING_MEMBERS[owner].includes(key)) return;
    const capabilities = globalCapabilities(owner, key);
    if (capabilities === undefined && owner === 'module' && isFreshLoaderKey(key)) return;
    if (capabilities === undefined) return this.report.unanalyzed(node, `${owner}.${key}`, 'the loader handed on as a value');
    if (flow.kind === 'member') {
      const read = constantKey(flow.access, this.scope);
      if (read !== null && LOADER_BOOKKEEPING_MEMBERS.module.includes(read)) return;
    }
    this.report.reach(capabilities, node, `${owner}.${key}`, 'global');
  }

  /** A reference the type checker placed (undefined: it did not). */
  reachResolved(resolved: Resolved | undefined, node: ts.Node): void {
    if (resolved === undefined) return;
    if (resolved.kind === 'module-member') {
      if (resolved.member === null) {
        // A namespace as the base of `ns.member` is judged by that member (resolved on its own).
        const flow = this.flowAt(node);
        if (flow.kind === 'member' && constantKey(flow.access, this.scope) !== null) return;
        return this.report.reach(withoutPackageDenial(classifyModule(resolved.specifier, this.policy).capabilities), node, resolved.specifier, 'module', 'reached through its type');
      }
      return this.report.reach(withoutPackageDenial(memberCapabilities(resolved.specifier, resolved.member, this.policy)), node, resolved.member, 'member');
    }
    if (resolved.member === null) return this.globalUse(resolved.name, node, this.flowAt(node));
    this.globalMember(resolved.name, resolved.member, node, this.flowAt(node));
  }

  addReference(specifier: string | null, kind: ReferenceKind, typeOnly: boolean, node: ts.Node): void {
    this.references.push({ specifier, kind, typeOnly, start: node.getStart(this.sourceFile), end: node.getEnd() });
  }

  reachModule(specifier: string, node: ts.Node, extraWhy?: string): void {
    // `node:process` handed on whole is the `process` object: the receiver may read any member, as with the
    // global handed on (choice 57), not only the module's own SYSTEM row (choice 79).
    if (extraWhy !== undefined && canonicalBuiltin(specifier) === 'node:process') return this.report.unanalyzed(node, specifier, `\`process\` aliased or passed as a value: ${extraWhy}`);
    const classification = classifyModule(specifier, this.policy);
    if (classification.kind === 'local' || classification.kind === 'subpath') return;
    const why = extraWhy === undefined ? classification.why : `${classification.why}, ${extraWhy}`;
    this.report.reach(classification.capabilities, node, specifier, 'module', why);
  }

  reachMember(specifier: string, member: string, node: ts.Node): void {
    if (canonicalBuiltin(specifier) === 'node:process') judgeStdioUse(this, node, member);
    this.report.reach(memberCapabilities(specifier, member, this.policy), node, member, 'member');
  }
}
