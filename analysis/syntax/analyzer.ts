import ts from 'typescript';
import {
  DEFAULT_OPEN_FLAGS,
  GLOBAL_OBJECT_NAMES,
  classifyModule,
  globalCapabilities,
  memberCapabilities,
  openModeCapabilities,
  processMemberCapabilities,
  type PolicyConfig,
} from '../../policy/index.js';
import { visitBinary, visitCall, visitNew } from './calls.js';
import type { FindingCollector } from './collector.js';
import { bindingsOf, visitVariable } from './declarations.js';
import { globalName } from './module-loads.js';
import { visitExport, visitImport, visitImportEquals } from './module-references.js';
import { GLOBAL_CONSTRUCTORS, isFunctionConstructorSource, isScopeContainer, isValueReference } from './node-kinds.js';
import { Scope } from './scope.js';
import { declareContainer } from './scope-declarations.js';
import { literalString, memberKey, skipOuter } from './syntax.js';
import type { TextChecker } from './text-checks.js';
import type { ModuleReference, ReferenceKind } from './types.js';
import type { Walker } from './walker.js';

/**
 * The one walk over a file. Each node kind that can reach a capability has a handler (here for
 * identifiers, member access and types; calls, declarations and module references have their own
 * files); every other node is descended into. Scopes are tracked so that a local `fetch` or
 * `process` is not mistaken for the global, and `require`/`createRequire` aliases are followed.
 */
export class Analyzer implements Walker {
  readonly references: ModuleReference[] = [];
  readonly judgedCallees = new Set<ts.Node>();
  scope = new Scope(undefined);

  constructor(
    readonly sourceFile: ts.SourceFile,
    readonly policy: PolicyConfig,
    readonly report: FindingCollector,
    readonly text: TextChecker | undefined,
  ) {}

  run(): void {
    this.inScope(this.sourceFile, () => {
      for (const statement of this.sourceFile.statements) this.visit(statement, this.sourceFile);
    });
  }

  private inScope(container: ts.Node, body: () => void): void {
    this.scope = new Scope(this.scope);
    declareContainer(container, this.scope, (declaration, isConst) => bindingsOf(declaration, isConst, this.scope));
    body();
    for (const unused of this.scope.unusedBindings()) {
      if (unused.kind === 'module') this.reachModule(unused.specifier, unused.declaration);
      else this.report.reach(openModeCapabilities(DEFAULT_OPEN_FLAGS), unused.declaration, unused.member, 'member');
    }
    this.scope = this.scope.parent ?? this.scope;
  }

  visitChildren(node: ts.Node): void {
    ts.forEachChild(node, (child) => this.visit(child, node));
  }

  visit(node: ts.Node, parent: ts.Node): void {
    if (isScopeContainer(node)) {
      this.inScope(node, () => this.visitNode(node, parent));
    } else {
      this.visitNode(node, parent);
    }
  }

  private visitNode(node: ts.Node, parent: ts.Node): void {
    switch (node.kind) {
      case ts.SyntaxKind.Identifier:
        return this.visitIdentifier(node as ts.Identifier, parent);
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        this.text?.checkString((node as ts.StringLiteralLike).text, node);
        return;
      case ts.SyntaxKind.TemplateExpression:
        this.text?.checkTemplate(node as ts.TemplateExpression);
        return this.visitChildren(node);
      case ts.SyntaxKind.ImportDeclaration:
        return visitImport(this, node as ts.ImportDeclaration);
      case ts.SyntaxKind.ExportDeclaration:
        return visitExport(this, node as ts.ExportDeclaration);
      case ts.SyntaxKind.ImportEqualsDeclaration:
        return visitImportEquals(this, node as ts.ImportEqualsDeclaration);
      case ts.SyntaxKind.CallExpression:
        return visitCall(this, node as ts.CallExpression);
      case ts.SyntaxKind.NewExpression:
        return visitNew(this, node as ts.NewExpression);
      case ts.SyntaxKind.PropertyAccessExpression:
      case ts.SyntaxKind.ElementAccessExpression:
        return this.visitMemberAccess(node as ts.PropertyAccessExpression | ts.ElementAccessExpression);
      case ts.SyntaxKind.VariableDeclaration:
        return visitVariable(this, node as ts.VariableDeclaration);
      case ts.SyntaxKind.BinaryExpression:
        return visitBinary(this, node as ts.BinaryExpression);
      case ts.SyntaxKind.TypeOfExpression:
        // `typeof process` is a feature test, not a use.
        if (ts.isIdentifier(skipOuter((node as ts.TypeOfExpression).expression))) return;
        return this.visitChildren(node);
      case ts.SyntaxKind.HeritageClause:
        return this.visitHeritage(node as ts.HeritageClause, parent);
      case ts.SyntaxKind.InterfaceDeclaration:
      case ts.SyntaxKind.TypeAliasDeclaration:
        return this.visitType(node);
      case ts.SyntaxKind.ExpressionWithTypeArguments:
        // An instantiation expression (`f<T>`) outside a heritage clause is a value.
        this.visit((node as ts.ExpressionWithTypeArguments).expression, node);
        return;
      default:
        if (ts.isTypeNode(node)) return this.visitType(node);
        return this.visitChildren(node);
    }
  }

  /** Types never run; they only matter for `import('x')` types and verdict tokens. */
  private visitType(node: ts.Node): void {
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      this.addReference(literalString(node.argument.literal) ?? null, 'import-type', true, node);
    } else if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) {
      this.text?.checkVerdictToken(node.literal.text, node.literal);
    } else if (ts.isIdentifier(node)) {
      this.text?.checkVerdictToken(node.text, node);
    }
    ts.forEachChild(node, (child) => this.visitType(child));
  }

  /** `parent` is passed in: files parsed without parent pointers are walked too. */
  private visitHeritage(clause: ts.HeritageClause, parent: ts.Node): void {
    for (const type of clause.types) {
      if (clause.token === ts.SyntaxKind.ExtendsKeyword && !ts.isInterfaceDeclaration(parent)) this.visit(type.expression, type);
      if (type.typeArguments) for (const argument of type.typeArguments) this.visitType(argument);
    }
  }

  visitIdentifier(identifier: ts.Identifier, parent: ts.Node): void {
    this.text?.checkVerdictToken(identifier.text, identifier);
    if (!isValueReference(identifier, parent)) return;
    const binding = this.scope.lookup(identifier.text);
    if (binding === undefined) return this.globalUse(identifier.text, identifier);
    if (binding.kind === 'module') {
      binding.used = true;
      this.reachModule(binding.specifier, identifier, `\`${identifier.text}\` used as a whole value`);
    } else if (binding.kind === 'require') {
      this.report.unanalyzed(identifier, identifier.text, 'an alias of `require` passed on as a value');
    } else if (binding.kind === 'flag-sensitive') {
      binding.used = true;
      // Any use but a direct call hides the flags (`const f = openSync`, `openSync.call`): it may write.
      if (!this.judgedCallees.has(identifier)) this.reachMember(binding.specifier, binding.member, identifier);
    }
  }

  /** A use of the global `name` as a value (not as the base of a member access or a call we resolved). */
  private globalUse(name: string, node: ts.Node): void {
    if (GLOBAL_OBJECT_NAMES.includes(name)) return this.report.unanalyzed(node, name, 'the global object used as a value');
    if (name === 'process' || name === 'require' || name === 'module') return this.report.unanalyzed(node, name, `\`${name}\` aliased or passed as a value`);
    const capabilities = globalCapabilities(name);
    if (capabilities !== undefined) this.report.reach(capabilities, node, name, 'global');
  }

  private visitMemberAccess(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): void {
    const key = memberKey(node);
    if (ts.isPropertyAccessExpression(node)) this.text?.checkVerdictToken(node.name.text, node.name);
    const visitKey = (): void => {
      if (ts.isElementAccessExpression(node)) this.visit(node.argumentExpression, node);
    };
    const base = skipOuter(node.expression);
    const owner = globalName(base, this.scope, GLOBAL_OBJECT_NAMES);
    if (owner !== undefined) {
      visitKey();
      return this.globalMember(owner, key, node);
    }
    const binding = ts.isIdentifier(base) ? this.scope.lookup(base.text) : undefined;
    if (binding?.kind === 'module') {
      binding.used = true;
      visitKey();
      if (key === null) return this.reachModule(binding.specifier, node, 'computed member access');
      if (this.judgedCallees.has(node)) return;
      return this.report.reach(memberCapabilities(binding.specifier, key, this.policy), node, `${(base as ts.Identifier).text}.${key}`, 'member');
    }
    // A function's (or class's) `.constructor` is `Function`.
    if (key === 'constructor' && (isFunctionConstructorSource(base) || binding?.kind === 'function')) {
      this.report.reach(['DYNAMIC_CODE'], node, '(function).constructor', 'global');
    }
    this.visit(node.expression, node);
    visitKey();
  }

  globalMember(owner: string, key: string | null, node: ts.Node): void {
    if (GLOBAL_OBJECT_NAMES.includes(owner)) {
      if (key === null) return this.report.unanalyzed(node, `${owner}[…]`, 'computed access on the global object');
      return this.globalUse(key, node);
    }
    if (owner === 'process') {
      if (key === null) return this.report.unanalyzed(node, 'process[…]', 'computed access on `process`');
      return this.report.reach(processMemberCapabilities(key), node, `process.${key}`, 'member');
    }
    if (key === null) {
      if (owner === 'require' || owner === 'module') this.report.unanalyzed(node, `${owner}[…]`, `computed access on \`${owner}\``);
      else this.globalUse(owner, node);
      return;
    }
    if (key === 'constructor' && GLOBAL_CONSTRUCTORS.has(owner)) return this.report.reach(['DYNAMIC_CODE'], node, `${owner}.constructor`, 'global');
    const capabilities = globalCapabilities(owner, key);
    if (capabilities !== undefined) this.report.reach(capabilities, node, `${owner}.${key}`, 'global');
  }

  addReference(specifier: string | null, kind: ReferenceKind, typeOnly: boolean, node: ts.Node): void {
    this.references.push({ specifier, kind, typeOnly, start: node.getStart(this.sourceFile), end: node.getEnd() });
  }

  reachModule(specifier: string, node: ts.Node, extraWhy?: string): void {
    const classification = classifyModule(specifier, this.policy);
    if (classification.kind === 'local' || classification.kind === 'subpath') return;
    const why = extraWhy === undefined ? classification.why : `${classification.why}, ${extraWhy}`;
    this.report.reach(classification.capabilities, node, specifier, 'module', why);
  }

  reachMember(specifier: string, member: string, node: ts.Node): void {
    this.report.reach(memberCapabilities(specifier, member, this.policy), node, member, 'member');
  }
}
