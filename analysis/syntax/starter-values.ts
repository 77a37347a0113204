import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES, canonicalBuiltin, classifyModule, memberCapabilities } from '../../policy/index.js';
import { constantKey } from './constants.js';
import { declarationOf } from './entry-path-consts.js';
import { builtinMemberOf, builtinModuleOf, type BuiltinMember } from './entry-path-modules.js';
import { isWebpackExternalRequire, isWrapperCall } from './interop-index.js';
import { globalName, moduleLoadOf } from './module-loads.js';
import { excerpt, hasExportModifier, skipOuter } from './syntax.js';
import { mayNameBuiltin } from './text-mentions.js';
import { flowOf } from './value-flow.js';
import type { Walker } from './walker.js';

/**
 * The members that start code from a file the syntax must follow (child-entries.ts,
 * worker-entries.ts, loader-hooks-entry.ts): where they are called the file is an edge; handed
 * on as a value, the file is chosen where the syntax cannot see.
 */
const STARTERS = new Map<string, ReadonlySet<string>>([
  ['node:child_process', new Set(['fork', 'spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'ChildProcess'])],
  ['node:worker_threads', new Set(['Worker'])],
  ['node:cluster', new Set(['fork', 'setupPrimary', 'setupMaster'])],
  ['node:module', new Set(['register'])],
]);

/** Modules whose object, handed on whole, carries starters a later call picks (`node:module` is DYNAMIC_CODE whole already). */
const STARTER_MODULES = new Set(['node:child_process', 'node:worker_threads', 'node:cluster']);

/** Starters that are constructed, not called: the typed follow-up at calls (child-entries.ts judgeTypedStarterCall) does not reach them. */
const CONSTRUCTED_STARTERS = new Set(['Worker', 'ChildProcess']);

/** Members whose call never reads a file the walk can see: `new ChildProcess()` then `.spawn(options)` runs any program. */
const UNFOLLOWED_WHEN_CALLED = new Set(['ChildProcess']);

/** A starter, and the arguments `.bind(thisArg, …)` put in front of every call (undefined: a spread, not known). */
export interface BoundStarter {
  readonly member: BuiltinMember;
  readonly bound: readonly ts.Expression[] | undefined;
}

/** `const` → `const` chains through `.bind` and `promisify` are followed this deep. */
const MAX_DEPTH = 6;

export function isStarter(member: BuiltinMember): boolean {
  if (member.member === null) return STARTER_MODULES.has(member.specifier) || member.specifier === 'node:module';
  return STARTERS.get(member.specifier)?.has(member.member) ?? false;
}

/** Can the file name a module that has starters? Cheap, sound (text-mentions.ts); asked once per file. */
let lastFile: ts.SourceFile | undefined;
let lastAnswer = false;
export function mayHoldStarters(sourceFile: ts.SourceFile): boolean {
  if (sourceFile !== lastFile) {
    lastFile = sourceFile;
    lastAnswer = ['child_process', 'worker_threads', 'cluster', 'module'].some((name) => mayNameBuiltin(sourceFile, name));
  }
  return lastAnswer;
}

/** `util.promisify` / `promisify` of node:util: the promise form takes the same arguments. */
function isPromisify(callee: ts.Expression, walker: Walker): boolean {
  const member = builtinMemberOf(callee, { scope: walker.scope, ancestors: walker.ancestors });
  return member?.specifier === 'node:util' && member.member === 'promisify';
}

/**
 * The starter a callee is, with what `.bind` fixed: `cp.fork` and every spelling of it
 * (entry-path-modules.ts), `cp.fork.bind(cp)`, `cp.fork.bind(null, file)`, `promisify(cp.exec)`,
 * and `const`s holding those (`const f = cp.fork.bind(cp); f(file)`).
 */
export function starterOf(callee: ts.Expression, walker: Walker, depth = 0): BoundStarter | undefined {
  const context = { scope: walker.scope, ancestors: walker.ancestors };
  const member = builtinMemberOf(callee, context);
  if (member !== undefined) return { member, bound: [] };
  if (depth > MAX_DEPTH) return undefined;
  const inner = skipOuter(callee);
  const field = privateFieldInitializer(inner, walker.ancestors);
  if (field !== undefined) return starterOf(field, walker, depth + 1);
  if (ts.isIdentifier(inner)) {
    const declared = declarationOf(inner, walker.ancestors, true);
    return declared?.kind === 'const' && declared.key === undefined ? starterOf(declared.initializer, walker, depth + 1) : undefined;
  }
  if (!ts.isCallExpression(inner)) return undefined;
  const [first, ...rest] = inner.arguments;
  if (first !== undefined && inner.arguments.length === 1 && isPromisify(inner.expression, walker)) return starterOf(first, walker, depth + 1);
  const target = skipOuter(inner.expression);
  if (!ts.isPropertyAccessExpression(target) || target.name.text !== 'bind') return undefined;
  const bound = starterOf(target.expression, walker, depth + 1);
  if (bound === undefined) return undefined;
  const spread = rest.some((argument) => ts.isSpreadElement(argument));
  return { member: bound.member, bound: bound.bound === undefined || spread ? undefined : [...bound.bound, ...rest] };
}

/**
 * `this.#run` where the class declares `#run = value` and writes `#run` nowhere else: a private
 * field is read only inside its class body, all of it in view, so the value is followed as a
 * local `const` is (its uses judged one by one).
 */
function privateFieldInitializer(node: ts.Expression, ancestors: readonly ts.Node[]): ts.Expression | undefined {
  if (!ts.isPropertyAccessExpression(node) || !ts.isPrivateIdentifier(node.name) || node.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  const name = node.name.text;
  const owner = [...ancestors].reverse().find((ancestor): ancestor is ts.ClassLikeDeclaration => ts.isClassDeclaration(ancestor) || ts.isClassExpression(ancestor));
  const declaration = owner?.members.find((member): member is ts.PropertyDeclaration => ts.isPropertyDeclaration(member) && ts.isPrivateIdentifier(member.name) && member.name.text === name);
  if (owner === undefined || declaration?.initializer === undefined || writesPrivateName(owner, name)) return undefined;
  return declaration.initializer;
}

/** Any assignment to `x.#name` in the class (`=`, compound, `++`, a destructuring target). */
function writesPrivateName(owner: ts.ClassLikeDeclaration, name: string): boolean {
  const isTarget = (node: ts.Node): boolean => ts.isPropertyAccessExpression(node) && ts.isPrivateIdentifier(node.name) && node.name.text === name;
  const visit = (node: ts.Node): boolean => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      let written = false;
      const mark = (target: ts.Node): void => {
        if (isTarget(skipOuter(target as ts.Expression))) written = true;
        else ts.forEachChild(target, mark);
      };
      mark(node.left);
      if (written) return true;
    }
    if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && isTarget(skipOuter(node.operand))) return true;
    return ts.forEachChild(node, visit) ?? false;
  };
  return ts.forEachChild(owner, visit) ?? false;
}

/** A private field's own declaration (`#run = execSync`): its reads are judged one by one (privateFieldInitializer). */
function isPrivateFieldDeclaration(parent: ts.Node, child: ts.Node, owner: ts.Node | undefined): boolean {
  if (!ts.isPropertyDeclaration(parent) || parent.initializer !== child || !ts.isPrivateIdentifier(parent.name) || owner === undefined) return false;
  return (ts.isClassDeclaration(owner) || ts.isClassExpression(owner)) && !writesPrivateName(owner, parent.name.text);
}

/** The nodes that hand a value on unchanged, as `skipOuter`/`skipAwait` see through them. */
function passesOn(parent: ts.Node, child: ts.Node): boolean {
  if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isNonNullExpression(parent) || ts.isTypeAssertionExpression(parent) || ts.isAwaitExpression(parent)) return true;
  return ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.CommaToken && parent.right === child;
}

/** `Reflect.apply(starter, …)`: judged as a call (child-entries.ts). */
function isReflectApplyTarget(call: ts.CallExpression, child: ts.Node | undefined, walker: Walker): boolean {
  const callee = skipOuter(call.expression);
  if (child === undefined || call.arguments[0] !== child || (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee))) return false;
  return constantKey(callee, walker.scope) === 'apply' && globalName(callee.expression, walker.scope, GLOBAL_OBJECT_NAMES) === 'Reflect';
}

/** The module as the receiver of its own starter: `cp.fork.call(cp, …)`, `.bind(cp)`, `Reflect.apply(cp.fork, cp, …)`. */
function isStarterReceiver(call: ts.CallExpression, child: ts.Node, walker: Walker): boolean {
  const callee = skipOuter(call.expression);
  if (isReflectApplyTarget(call, call.arguments[0], walker)) return call.arguments[1] === child && call.arguments[0] !== undefined && starterOf(call.arguments[0], walker) !== undefined;
  if (call.arguments[0] !== child || !ts.isPropertyAccessExpression(callee) || !['call', 'apply', 'bind'].includes(callee.name.text)) return false;
  return starterOf(callee.expression, walker) !== undefined;
}

/** Globals that print, convert or copy a value as data (`structuredClone` throws on a function): they keep nothing that runs. */
const INERT_SINKS = new Set(['String', 'structuredClone', 'JSON.stringify', 'console.log', 'console.error', 'console.warn', 'console.info', 'console.debug', 'console.dir']);

function isInertSink(call: ts.CallExpression, walker: Walker): boolean {
  const callee = skipOuter(call.expression);
  if (ts.isIdentifier(callee)) return INERT_SINKS.has(callee.text) && walker.scope.lookup(callee.text) === undefined;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const owner = globalName(callee.expression, walker.scope, GLOBAL_OBJECT_NAMES);
  return owner !== undefined && INERT_SINKS.has(`${owner}.${callee.name.text}`);
}

/** A `const`/`let`/`var` of this file that is not exported: the uses of its name are judged one by one. */
function isLocalAlias(declaration: ts.VariableDeclaration, ancestors: readonly ts.Node[], at: number): boolean {
  const statement = ancestors[at - 2];
  return ts.isIdentifier(declaration.name) && !(statement !== undefined && ts.isVariableStatement(statement) && hasExportModifier(statement));
}

type Use = 'followed' | 'handed-on';

/**
 * Where the starter value at `ancestors[index]` goes. Followed: called or constructed (the call
 * is judged), `.call`/`.apply`/`Reflect.apply`, `.bind`/`promisify` whose result is followed in
 * turn, a local alias or destructuring (its uses are judged), a test, a discarded value, another
 * member read of the function (`fork.name`). Anything else hands it on: passed, stored, returned,
 * exported, assigned.
 */
function useOf(ancestors: readonly ts.Node[], index: number, whole: boolean, walker: Walker): Use {
  const flow = flowOf(ancestors, index);
  if (flow.kind === 'tested' || flow.kind === 'discarded') return 'followed';
  let at = index;
  let child = ancestors[at];
  let parent = ancestors[at - 1];
  while (child !== undefined && parent !== undefined && passesOn(parent, child)) {
    at -= 1;
    child = parent;
    parent = ancestors[at - 1];
  }
  if (child === undefined || parent === undefined) return 'handed-on';
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === child) return 'followed';
  if (isPrivateFieldDeclaration(parent, child, ancestors[at - 2])) return 'followed';
  if (ts.isVariableDeclaration(parent) && parent.initializer === child) return ts.isObjectBindingPattern(parent.name) || isLocalAlias(parent, ancestors, at - 1) ? 'followed' : 'handed-on';
  if (ts.isCallExpression(parent)) {
    if (isReflectApplyTarget(parent, child, walker) || (whole && isStarterReceiver(parent, child, walker)) || isInertSink(parent, walker)) return 'followed';
    // `promisify(cp.exec)`, `__importStar(require('child_process'))`: the result is the starter again.
    const wraps = parent.arguments[0] === child && (isPromisify(parent.expression, walker) || (whole && isWrapperCall(parent, walker.scope)));
    return wraps ? useOf(ancestors, at - 1, whole, walker) : 'handed-on';
  }
  if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === child) {
    const key = constantKey(parent, walker.scope);
    // A member of the module is judged as its own value; `then` hands the module to a callback.
    if (whole) return key === 'then' || key === 'catch' || key === 'finally' ? 'handed-on' : 'followed';
    if (key === 'call' || key === 'apply') return flowOf(ancestors, at - 1).kind === 'called' ? 'followed' : 'handed-on';
    if (key === 'bind') {
      const call = ancestors[at - 2];
      return call !== undefined && ts.isCallExpression(call) && call.expression === parent ? useOf(ancestors, at - 2, false, walker) : 'handed-on';
    }
    // `exec[promisify.custom]` is another function that runs the same command: a computed key hands it on.
    return key === null ? 'handed-on' : 'followed';
  }
  return 'handed-on';
}

/**
 * A starter (`cp.fork`, `Worker`, `register`, the child_process module itself) met as a value:
 * followed where it is used as the rules above read it, UNANALYZED where it is handed on
 * (`run(cp.fork)`, `{ start: cp.fork }`, `module.exports = cp`, `export { fork }`), because
 * the file it will run is chosen where the syntax cannot see. `node` is the identifier, member
 * access or module load being visited (on top of the walk's ancestors; otherwise it is an
 * export list's name, which hands it on).
 */
export function judgeStarterValue(walker: Walker, node: ts.Expression): void {
  if (!mayHoldStarters(walker.sourceFile)) return;
  const context = { scope: walker.scope, ancestors: walker.ancestors };
  let whole = false;
  let starter: BuiltinMember | undefined;
  if (ts.isCallExpression(node)) {
    // A module load: `require('child_process')` itself.
    if (moduleLoadOf(node, walker.scope, GLOBAL_OBJECT_NAMES) === undefined || isWebpackExternalRequire(node, walker.scope)) return;
    const specifier = builtinModuleOf(node, context);
    if (specifier === undefined || !STARTER_MODULES.has(specifier)) return;
    whole = true;
    starter = { specifier, member: null };
  } else {
    // `this.#run` read where `#run = execSync`: judged as the starter it holds.
    starter = builtinMemberOf(node, context) ?? (privateFieldInitializer(node, walker.ancestors) === undefined ? undefined : starterOf(node, walker)?.member);
    if (starter === undefined && ts.isIdentifier(node)) {
      const specifier = builtinModuleOf(node, context);
      if (specifier !== undefined && STARTER_MODULES.has(specifier)) {
        whole = true;
        starter = { specifier, member: null };
      }
    }
  }
  if (starter === undefined || !isStarter(starter)) return;
  // With types, a starter the checker names where it goes (a slot of its own type, a barrel, a
  // base class) is followed where it is called (child-entries.ts judgeTypedStarterCall), and one
  // written into a slot that loses its type is reported there (analysis/typed/lossy-slot.ts):
  // only a constructor (`Worker`, `ChildProcess`: typed mode places calls, not constructions) must
  // stop where it is handed on, as without types.
  if (walker.types !== undefined && (whole || !CONSTRUCTED_STARTERS.has(starter.member ?? ''))) return;
  const index = walker.ancestors.length - 1;
  const onTop = walker.ancestors[index] === node;
  const use = onTop ? useOf(walker.ancestors, index, whole, walker) : 'handed-on';
  const unfollowed = starter.member !== null && UNFOLLOWED_WHEN_CALLED.has(starter.member) && onTop && flowOf(walker.ancestors, index).kind !== 'tested';
  if (use === 'followed' && !unfollowed) return;
  const name = whole ? starter.specifier : `${starter.member ?? '[…]'}`;
  const reached = whole || starter.member === null ? classifyModule(starter.specifier, walker.policy).capabilities : memberCapabilities(starter.specifier, starter.member, walker.policy);
  walker.report.unanalyzed(node, excerpt(name), `it reaches ${reached.join(', ')}, and as a starter of Node code handed on as a value it runs a file chosen where the syntax cannot see (${starter.specifier})`);
}

/**
 * `export { fork } from 'node:child_process'`, `export * from 'node:child_process'`: the starter
 * leaves the module as a value (judged as `judgeStarterValue` judges `export { fork }`).
 */
export function judgeStarterReExport(walker: Walker, node: ts.ExportDeclaration, specifier: string): void {
  // With types, importers' calls are judged by the declaration they reach (as in judgeStarterValue).
  if (walker.types !== undefined || node.isTypeOnly) return;
  const builtin = canonicalBuiltin(specifier);
  if (builtin === undefined || !STARTERS.has(builtin)) return;
  const clause = node.exportClause;
  if (clause === undefined || ts.isNamespaceExport(clause)) {
    if (STARTER_MODULES.has(builtin) || builtin === 'node:module') walker.report.unanalyzed(node, excerpt(specifier), 'the starters of Node code of this module re-exported as values: the files they run are chosen where the syntax cannot see');
    return;
  }
  for (const element of clause.elements) {
    const member = (element.propertyName ?? element.name).text;
    if (!element.isTypeOnly && isStarter({ specifier: builtin, member })) walker.report.unanalyzed(element, excerpt(member), `a starter of Node code re-exported as a value: the file it runs is chosen where the syntax cannot see (${builtin})`);
  }
}
