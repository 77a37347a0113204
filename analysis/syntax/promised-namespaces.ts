import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { isJudgedAtUse } from './module-references.js';
import { canonicalBuiltin } from '../../policy/index.js';
import type { Binding, Scope } from './scope.js';
import { memberBinding } from './scope-declarations.js';
import { propertyNameText, skipOuter } from './syntax.js';
import type { Walker } from './walker.js';

/** Members of the promise an `import()` returns: they are not members of the module. */
const PROMISE_MEMBERS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/** `import('m')` not awaited: a promise of the namespace. */
function isPendingImport(expression: ts.Expression | undefined): boolean {
  const inner = expression === undefined ? undefined : skipOuter(expression);
  return inner !== undefined && tsv.isCallExpression(inner) && inner.expression.kind === tsv.SyntaxKind.ImportKeyword;
}

/**
 * Whether `key` read on `base` (an `import('m')` call, or a binding made from one without
 * `await`) is a member of the promise rather than of the module.
 */
export function isPromiseMember(base: ts.Expression, binding: Binding | undefined, key: string | null): boolean {
  if (key === null || !PROMISE_MEMBERS.has(key)) return false;
  if (binding === undefined) return isPendingImport(base);
  return binding.kind === 'module' && tsv.isVariableDeclaration(binding.declaration) && isPendingImport(binding.declaration.initializer);
}

/**
 * `import('node:process').then((host) => host.env)`: the callback's first parameter is the
 * namespace. Returns the callback whose parameter is to be bound as `specifier` (analysis goes on
 * per member there); when the namespace goes anywhere else (`.catch`/`.finally` pass it on, a
 * callback that is not a function literal), the whole module is reached at `access`.
 */
export function promisedNamespaceCallback(walker: Walker, access: ts.Expression, key: string, specifier: string): ts.FunctionLikeDeclaration | undefined {
  const parent = walker.ancestors[walker.ancestors.length - 2];
  const call = parent !== undefined && tsv.isCallExpression(parent) && skipOuter(parent.expression) === access ? parent : undefined;
  const callback = call?.arguments[0] === undefined ? undefined : skipOuter(call.arguments[0]);
  if (key === 'then' && callback !== undefined && (tsv.isArrowFunction(callback) || tsv.isFunctionExpression(callback))) return callback;
  walker.reachModule(specifier, access, 'its namespace handed on by the promise of `import()`');
  return undefined;
}

/**
 * Declares the namespace parameter of a `then` callback in `scope` (just entered): a plain name is
 * a module binding (judged per member, like `const host = await import(…)`); a destructured one
 * binds each member, judged here as a named import would be (a builtin's `default` is the module
 * binding again); no parameter still loads the module.
 */
export function bindNamespaceParameter(walker: Walker, callback: ts.FunctionLikeDeclaration, specifier: string, scope: Scope): void {
  const parameter = callback.parameters[0];
  if (parameter === undefined) return walker.reachModule(specifier, callback);
  const name = parameter.name;
  if (tsv.isIdentifier(name)) return scope.declare(name.text, { kind: 'module', specifier, declaration: parameter, used: false });
  if (!tsv.isObjectBindingPattern(name)) return walker.reachModule(specifier, parameter, 'destructured as a list');
  for (const element of name.elements) {
    const member = element.dotDotDotToken === undefined && !(element.propertyName !== undefined && tsv.isComputedPropertyName(element.propertyName)) ? propertyNameText(element.propertyName ?? element.name) : null;
    if (member === null || !tsv.isIdentifier(element.name)) {
      walker.reachModule(specifier, element, 'computed destructuring');
      continue;
    }
    // A builtin's `default` is the module object itself (`({ default: p }) => p.env` reads `process.env`).
    if (member === 'default' && canonicalBuiltin(specifier) !== undefined) {
      scope.declare(element.name.text, { kind: 'module', specifier, declaration: element, used: false });
      continue;
    }
    scope.declare(element.name.text, memberBinding(specifier, member, element));
    if (!isJudgedAtUse(walker, element.name.text, element)) walker.reachMember(specifier, member, element);
  }
}
