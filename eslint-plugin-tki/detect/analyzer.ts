import ts from 'typescript';
import {
  GLOBAL_OBJECT_NAMES,
  classifyModule,
  globalCapabilities,
  memberCapabilities,
  processMemberCapabilities,
  type PolicyConfig,
} from '../../policy/index.js';
import type { FindingCollector } from './collector.js';
import { isCreateRequire, isProcessMember, globalName, moduleLoadOf, requireFunction, trackedBuiltin, type ModuleLoad } from './module-loads.js';
import { FUNCTION, LOCAL, Scope, type Binding } from './scope.js';
import { declareContainer } from './scope-declarations.js';
import { isFunctionValue, isStringish, isZeroExitValue, literalString, memberKey, propertyNameText, skipAwait, skipOuter } from './syntax.js';
import type { TextChecker } from './text-checks.js';
import type { ModuleReference, ReferenceKind } from './types.js';

const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate']);

/** Built-in constructors: each is a function, so `Object.constructor` is `Function`. */
const GLOBAL_CONSTRUCTORS = new Set([
  'Object', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Promise', 'Map', 'Set', 'WeakMap', 'WeakSet',
  'WeakRef', 'Date', 'RegExp', 'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ArrayBuffer', 'DataView', 'Proxy',
  'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array',
  'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'AbortController', 'Event', 'EventTarget', 'Buffer',
]);
const ASSIGNMENTS = new Set([ts.SyntaxKind.EqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken, ts.SyntaxKind.BarBarEqualsToken]);

/**
 * The one walk over a file. Each node kind that can reach a capability has a handler; every
 * other node is descended into. Scopes are tracked so that a local `fetch` or `process` is not
 * mistaken for the global, and `require`/`createRequire` aliases are followed.
 */
export class Analyzer {
  readonly references: ModuleReference[] = [];
  private scope = new Scope(undefined);

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly policy: PolicyConfig,
    private readonly report: FindingCollector,
    /** Present only in inspector files, where the SPEC text rules apply. */
    private readonly text: TextChecker | undefined,
  ) {}

  run(): void {
    this.inScope(this.sourceFile, () => {
      for (const statement of this.sourceFile.statements) this.visit(statement, this.sourceFile);
    });
  }

  private inScope(container: ts.Node, body: () => void): void {
    this.scope = new Scope(this.scope);
    declareContainer(container, this.scope, (declaration) => this.bindingOf(declaration));
    body();
    for (const unused of this.scope.unusedModuleBindings()) this.reachModule(unused.specifier, unused.declaration);
    this.scope = this.scope.parent ?? this.scope;
  }

  private visitChildren(node: ts.Node): void {
    ts.forEachChild(node, (child) => this.visit(child, node));
  }

  private visit(node: ts.Node, parent: ts.Node): void {
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
        return this.visitImport(node as ts.ImportDeclaration);
      case ts.SyntaxKind.ExportDeclaration:
        return this.visitExport(node as ts.ExportDeclaration);
      case ts.SyntaxKind.ImportEqualsDeclaration:
        return this.visitImportEquals(node as ts.ImportEqualsDeclaration);
      case ts.SyntaxKind.CallExpression:
        return this.visitCall(node as ts.CallExpression);
      case ts.SyntaxKind.NewExpression:
        return this.visitNew(node as ts.NewExpression);
      case ts.SyntaxKind.PropertyAccessExpression:
      case ts.SyntaxKind.ElementAccessExpression:
        return this.visitMemberAccess(node as ts.PropertyAccessExpression | ts.ElementAccessExpression);
      case ts.SyntaxKind.VariableDeclaration:
        return this.visitVariable(node as ts.VariableDeclaration);
      case ts.SyntaxKind.BinaryExpression:
        return this.visitBinary(node as ts.BinaryExpression);
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

  // ---- identifiers and globals -------------------------------------------------------------

  private visitIdentifier(identifier: ts.Identifier, parent: ts.Node): void {
    this.text?.checkVerdictToken(identifier.text, identifier);
    if (!isValueReference(identifier, parent)) return;
    const binding = this.scope.lookup(identifier.text);
    if (binding === undefined) return this.globalUse(identifier.text, identifier);
    if (binding.kind === 'module') {
      binding.used = true;
      this.reachModule(binding.specifier, identifier, `\`${identifier.text}\` used as a whole value`);
    } else if (binding.kind === 'require') {
      this.report.unanalyzed(identifier, identifier.text, 'an alias of `require` passed on as a value');
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
      const name = `${(base as ts.Identifier).text}.${key}`;
      return this.report.reach(memberCapabilities(binding.specifier, key, this.policy), node, name, 'member');
    }
    if (key === 'constructor' && (isFunctionConstructorSource(base) || this.isFunctionBinding(base))) {
      this.report.reach(['DYNAMIC_CODE'], node, '(function).constructor', 'global');
    }
    this.visit(node.expression, node);
    visitKey();
  }

  /** A local function or class: its `.constructor` is `Function` (globals are handled in globalMember). */
  private isFunctionBinding(base: ts.Expression): boolean {
    return ts.isIdentifier(base) && this.scope.lookup(base.text)?.kind === 'function';
  }

  /** `owner.key` where owner is a global: `globalThis.fetch`, `process.env`, `require.cache`. */
  private globalMember(owner: string, key: string | null, node: ts.Node): void {
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

  // ---- calls ---------------------------------------------------------------------------------

  private visitCall(call: ts.CallExpression): void {
    const load = moduleLoadOf(call, this.scope, GLOBAL_OBJECT_NAMES);
    if (load !== undefined) {
      this.recordLoad(call, load, false);
      for (const argument of call.arguments) if (!load.consumed.has(argument)) this.visit(argument, call);
      return;
    }
    const callee = skipOuter(call.expression);
    if (this.text !== undefined) this.checkExit(call, callee);
    if (this.isTimer(callee) && isStringish(call.arguments[0])) {
      this.report.reach(['DYNAMIC_CODE'], call, `${callee.getText(this.sourceFile)}('…')`, 'global');
    }
    this.visitChildren(call);
  }

  /** `process.exit(0)`, `process.exit()`, also through `.call(process, 0)` and `.apply(process, [0])`. */
  private checkExit(call: ts.CallExpression, callee: ts.Expression): void {
    const isExit = (expression: ts.Expression): boolean =>
      isProcessMember(expression, 'exit', this.scope, GLOBAL_OBJECT_NAMES) || isProcessMember(expression, 'reallyExit', this.scope, GLOBAL_OBJECT_NAMES);
    let code: ts.Expression | undefined;
    if (isExit(callee)) {
      code = call.arguments[0];
    } else if (ts.isPropertyAccessExpression(callee) && isExit(callee.expression) && (callee.name.text === 'call' || callee.name.text === 'apply')) {
      const second = call.arguments[1] === undefined ? undefined : skipOuter(call.arguments[1]);
      code = callee.name.text === 'call' ? second : second !== undefined && ts.isArrayLiteralExpression(second) ? second.elements[0] : second;
      if (callee.name.text === 'apply' && second !== undefined && !ts.isArrayLiteralExpression(second)) return;
    } else {
      return;
    }
    if (code === undefined || isZeroExitValue(code)) this.text?.exitZero(call, call.expression.getText(this.sourceFile));
  }

  private isTimer(callee: ts.Expression): boolean {
    const global = globalName(callee, this.scope, GLOBAL_OBJECT_NAMES);
    if (global !== undefined) return TIMERS.has(global);
    const binding = ts.isIdentifier(callee) ? this.scope.lookup(callee.text) : undefined;
    if (binding?.kind === 'member') return TIMERS.has(binding.member);
    return (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) && TIMERS.has(memberKey(callee) ?? '');
  }

  private visitNew(node: ts.NewExpression): void {
    const callee = skipOuter(node.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    const options = node.arguments?.[1] === undefined ? undefined : skipOuter(node.arguments[1]);
    if (name === 'Worker' && options !== undefined && ts.isObjectLiteralExpression(options)) {
      const evalOption = options.properties.find((property) => property.name !== undefined && propertyNameText(property.name) === 'eval');
      const disabled = evalOption !== undefined && ts.isPropertyAssignment(evalOption) && evalOption.initializer.kind === ts.SyntaxKind.FalseKeyword;
      if (evalOption !== undefined && !disabled) this.report.reach(['DYNAMIC_CODE'], evalOption, 'new Worker(…, { eval: true })', 'global');
    }
    this.visitChildren(node);
  }

  private visitBinary(node: ts.BinaryExpression): void {
    if (node.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword && ts.isIdentifier(node.right) && node.right.text === 'Function') {
      // `x instanceof Function` tests a value; it compiles nothing.
      this.visit(node.left, node);
      return;
    }
    if (this.text !== undefined && ASSIGNMENTS.has(node.operatorToken.kind) && isProcessMember(node.left, 'exitCode', this.scope, GLOBAL_OBJECT_NAMES) && isZeroExitValue(node.right)) {
      this.text.exitZero(node, node.left.getText(this.sourceFile));
    }
    this.visitChildren(node);
  }

  // ---- module references ---------------------------------------------------------------------

  private addReference(specifier: string | null, kind: ReferenceKind, typeOnly: boolean, node: ts.Node): void {
    this.references.push({ specifier, kind, typeOnly, start: node.getStart(this.sourceFile), end: node.getEnd() });
  }

  /** A module load; `bound` when its result is followed per member through a binding instead. */
  private recordLoad(call: ts.CallExpression, load: ModuleLoad, bound: boolean): void {
    const specifier = literalString(load.specifier === undefined ? undefined : skipOuter(load.specifier)) ?? null;
    this.addReference(specifier, load.kind, false, call);
    if (specifier === null) {
      const name = `${call.expression.getText(this.sourceFile)}(…)`;
      this.report.add('no-dynamic-code', 'computedModule', 'UNANALYZED', { name }, call);
      if (load.specifier !== undefined) this.visit(load.specifier, call);
      return;
    }
    if (!bound) this.reachModule(specifier, call);
  }

  private reachModule(specifier: string, node: ts.Node, extraWhy?: string): void {
    const classification = classifyModule(specifier, this.policy);
    if (classification.kind === 'local' || classification.kind === 'subpath') return;
    const why = extraWhy === undefined ? classification.why : `${classification.why}, ${extraWhy}`;
    this.report.reach(classification.capabilities, node, specifier, 'module', why);
  }

  private visitImport(node: ts.ImportDeclaration): void {
    const specifier = literalString(node.moduleSpecifier) ?? null;
    const clause = node.importClause;
    const named = clause?.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : [];
    const typeOnly = clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && named.length > 0 && named.every((element) => element.isTypeOnly)));
    this.addReference(specifier, 'import', typeOnly, node);
    if (specifier === null || typeOnly) return;
    const tracked = trackedBuiltin(specifier);
    if (tracked === undefined || clause === undefined) return this.reachModule(specifier, node.moduleSpecifier);
    for (const element of named) {
      if (!element.isTypeOnly) this.reachMember(specifier, (element.propertyName ?? element.name).text, element);
    }
    // Default and namespace bindings were declared as `module` bindings and are judged by their uses.
  }

  private reachMember(specifier: string, member: string, node: ts.Node): void {
    this.report.reach(memberCapabilities(specifier, member, this.policy), node, member, 'member');
  }

  private visitExport(node: ts.ExportDeclaration): void {
    const specifier = node.moduleSpecifier === undefined ? undefined : (literalString(node.moduleSpecifier) ?? null);
    const clause = node.exportClause;
    if (specifier === undefined) {
      // `export { fs }` uses local bindings.
      if (clause !== undefined && ts.isNamedExports(clause) && !node.isTypeOnly) {
        for (const element of clause.elements) if (!element.isTypeOnly) this.visitIdentifierLike(element.propertyName ?? element.name, element);
      }
      return;
    }
    const elements = clause !== undefined && ts.isNamedExports(clause) ? clause.elements : [];
    const typeOnly = node.isTypeOnly || (elements.length > 0 && elements.every((element) => element.isTypeOnly));
    this.addReference(specifier, 'export-from', typeOnly, node);
    if (specifier === null || typeOnly) return;
    if (trackedBuiltin(specifier) !== undefined && elements.length > 0) {
      for (const element of elements) if (!element.isTypeOnly) this.reachMember(specifier, (element.propertyName ?? element.name).text, element);
      return;
    }
    this.reachModule(specifier, node.moduleSpecifier ?? node);
  }

  private visitIdentifierLike(name: ts.ModuleExportName, parent: ts.Node): void {
    if (ts.isIdentifier(name)) this.visitIdentifier(name, parent);
  }

  private visitImportEquals(node: ts.ImportEqualsDeclaration): void {
    if (!ts.isExternalModuleReference(node.moduleReference)) return;
    const specifier = literalString(node.moduleReference.expression) ?? null;
    this.addReference(specifier, 'import-equals', node.isTypeOnly, node);
    if (specifier === null || node.isTypeOnly) return;
    if (trackedBuiltin(specifier) === undefined) this.reachModule(specifier, node.moduleReference);
  }

  // ---- declarations --------------------------------------------------------------------------

  /** What a variable declaration binds: decided once when its scope is entered. */
  private bindingOf(declaration: ts.VariableDeclaration): Binding {
    const initializer = declaration.initializer === undefined ? undefined : skipAwait(declaration.initializer);
    if (initializer === undefined || !ts.isIdentifier(declaration.name)) return LOCAL;
    if (isFunctionValue(initializer)) return FUNCTION;
    if (ts.isCallExpression(initializer)) {
      if (isCreateRequire(initializer.expression, this.scope)) return { kind: 'require', via: 'create-require', declaration };
      const load = moduleLoadOf(initializer, this.scope, GLOBAL_OBJECT_NAMES);
      const specifier = load === undefined ? undefined : literalString(load.specifier === undefined ? undefined : skipOuter(load.specifier));
      const tracked = specifier === undefined ? undefined : trackedBuiltin(specifier);
      if (tracked !== undefined) return { kind: 'module', specifier: tracked, declaration, used: false };
      return LOCAL;
    }
    const via = requireFunction(initializer, this.scope, GLOBAL_OBJECT_NAMES);
    return via === undefined ? LOCAL : { kind: 'require', via, declaration };
  }

  private visitVariable(declaration: ts.VariableDeclaration): void {
    const initializer = declaration.initializer === undefined ? undefined : skipAwait(declaration.initializer);
    if (initializer === undefined) return this.visitChildren(declaration);
    if (ts.isIdentifier(declaration.name)) {
      const binding = this.scope.lookup(declaration.name.text);
      if (binding?.kind === 'module' && binding.declaration === declaration && ts.isCallExpression(initializer)) {
        const load = moduleLoadOf(initializer, this.scope, GLOBAL_OBJECT_NAMES);
        if (load !== undefined) return this.recordLoad(initializer, load, true);
      }
      // `const r = require`: the alias is followed, so the reference itself is not a finding.
      if (binding?.kind === 'require' && binding.declaration === declaration && binding.via === 'require') return;
      return this.visitChildren(declaration);
    }
    if (ts.isObjectBindingPattern(declaration.name)) return this.visitDestructuring(declaration.name, initializer, declaration);
    this.visitChildren(declaration);
  }

  /** `const { env } = process`, `const { readFileSync } = require('fs')`, `const { fetch } = globalThis`. */
  private visitDestructuring(pattern: ts.ObjectBindingPattern, initializer: ts.Expression, declaration: ts.VariableDeclaration): void {
    let classify: ((key: string | null, element: ts.BindingElement) => void) | undefined;
    const owner = globalName(initializer, this.scope, GLOBAL_OBJECT_NAMES);
    const binding = ts.isIdentifier(initializer) ? this.scope.lookup(initializer.text) : undefined;
    const load = ts.isCallExpression(initializer) ? moduleLoadOf(initializer, this.scope, GLOBAL_OBJECT_NAMES) : undefined;
    const loaded = load === undefined ? undefined : literalString(load.specifier === undefined ? undefined : skipOuter(load.specifier));
    const tracked = loaded === undefined ? undefined : trackedBuiltin(loaded);
    if (owner !== undefined && (owner === 'process' || GLOBAL_OBJECT_NAMES.includes(owner))) {
      classify = (key, element) => this.globalMember(owner, key, element);
    } else if (binding?.kind === 'module') {
      binding.used = true;
      const specifier = binding.specifier;
      classify = (key, element) => (key === null ? this.reachModule(specifier, element, 'computed destructuring') : this.reachMember(specifier, key, element));
    } else if (load !== undefined && tracked !== undefined && ts.isCallExpression(initializer)) {
      this.recordLoad(initializer, load, true);
      classify = (key, element) => (key === null ? this.reachModule(tracked, element, 'computed destructuring') : this.reachMember(tracked, key, element));
    }
    if (classify === undefined) return this.visitChildren(declaration);
    for (const element of pattern.elements) {
      const key = element.dotDotDotToken !== undefined ? null : propertyNameText(element.propertyName ?? element.name);
      classify(key, element);
      if (element.propertyName !== undefined && ts.isComputedPropertyName(element.propertyName)) this.visit(element.propertyName, element);
      if (element.initializer !== undefined) this.visit(element.initializer, element);
    }
  }
}

/** `(function(){}).constructor`, `x.constructor.constructor`, `Object.getPrototypeOf(async () => {}).constructor`. */
function isFunctionConstructorSource(base: ts.Expression): boolean {
  if (isFunctionValue(base)) return true;
  if ((ts.isPropertyAccessExpression(base) || ts.isElementAccessExpression(base)) && memberKey(base) === 'constructor') return true;
  if (ts.isCallExpression(base)) {
    const callee = skipOuter(base.expression);
    const [argument] = base.arguments;
    return (ts.isPropertyAccessExpression(callee) && callee.name.text === 'getPrototypeOf' && argument !== undefined && isFunctionValue(argument));
  }
  return false;
}

function isScopeContainer(node: ts.Node): boolean {
  return (
    ts.isBlock(node) ||
    ts.isModuleBlock(node) ||
    ts.isCaseBlock(node) ||
    ts.isFunctionLike(node) ||
    ts.isForStatement(node) ||
    ts.isForInStatement(node) ||
    ts.isForOfStatement(node) ||
    ts.isCatchClause(node) ||
    ts.isClassLike(node)
  );
}

/** False for identifiers that name something rather than refer to a value (keys, declarations, labels). */
function isValueReference(identifier: ts.Identifier, parent: ts.Node): boolean {
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === identifier;
  if (ts.isBindingElement(parent)) return false;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent) || ts.isNamespaceExport(parent)) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent) || ts.isMetaProperty(parent)) return false;
  if (ts.isJsxAttribute(parent)) return false;
  if ((ts.isJsxOpeningElement(parent) || ts.isJsxSelfClosingElement(parent) || ts.isJsxClosingElement(parent)) && /^[a-z]/.test(identifier.text)) return false;
  if (ts.isShorthandPropertyAssignment(parent)) return true;
  const named = parent as ts.Node & { name?: ts.Node };
  return named.name !== identifier;
}
