import ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES, canonicalBuiltin } from '../../policy/index.js';
import { constantKey } from './constants.js';
import { declarationOf } from './entry-path-consts.js';
import { isWrapperCall } from './interop-index.js';
import { moduleLoadOf } from './module-loads.js';
import type { Scope } from './scope.js';
import { literalString, skipAwait, skipOuter } from './syntax.js';

/** The scope and the nodes around the expression being judged. */
export interface NameContext {
  readonly scope: Scope;
  readonly ancestors: readonly ts.Node[];
}

/** A member of a builtin, or a member read with a key that is not a constant (`cp[method]`). */
export type BuiltinMember = { readonly specifier: string; readonly member: string } | { readonly specifier: string; readonly member: null };

/** `const` → `const` chains are followed this deep. */
const MAX_DEPTH = 6;

/**
 * Which modules a question is about, under the name it gives them: a builtin's canonical
 * `node:` name (`canonicalBuiltin`), or a package of a table (pool-entries.ts). Undefined: a
 * module the question does not follow.
 */
export type ModuleNamer = (specifier: string) => string | undefined;

/** The module of interest a call loads by a literal name. */
function namedLoad(call: ts.CallExpression, scope: Scope, namer: ModuleNamer): string | undefined {
  const load = moduleLoadOf(call, scope, GLOBAL_OBJECT_NAMES);
  const specifier = load === undefined || load.specifier === undefined ? undefined : literalString(skipOuter(load.specifier));
  return specifier === undefined ? undefined : namer(specifier);
}

/**
 * The builtin a module object is, under every name it takes: `require('child_process')`,
 * `await import('node:child_process')`, `import * as cp` / `import cp from`, a `const` holding
 * any of these, its `.default`, and the compilers' interop views (`__importDefault(require(…))`).
 * Builtins without member rows (child_process) are plain locals to the scope tracker, so the
 * declaration is read from the syntax around the use (entry-path-consts.ts).
 */
export function builtinModuleOf(expression: ts.Expression, context: NameContext): string | undefined {
  return namedModuleOf(expression, context, canonicalBuiltin);
}

/** `builtinModuleOf` for the modules `namer` names (builtins, or packages such as piscina). */
export function namedModuleOf(expression: ts.Expression, context: NameContext, namer: ModuleNamer, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = skipOuter(skipAwait(skipOuter(expression)));
  if (ts.isCallExpression(inner)) {
    const loaded = namedLoad(inner, context.scope, namer);
    // A verified interop helper around a module (`__importStar(require("child_process"))`, interop-index.ts) is that module.
    const [wrapped] = inner.arguments;
    return loaded ?? (wrapped !== undefined && isWrapperCall(inner, context.scope) ? namedModuleOf(wrapped, context, namer, depth + 1) : undefined);
  }
  if ((ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) && constantKey(inner, context.scope) === 'default') return namedModuleOf(inner.expression, context, namer, depth + 1);
  if (!ts.isIdentifier(inner)) return undefined;
  const binding = context.scope.lookup(inner.text);
  if (binding?.kind === 'module') return namer(binding.specifier);
  if (binding?.kind !== 'local' && binding?.kind !== 'const') return undefined;
  const declared = declarationOf(inner, context.ancestors, true);
  if (declared?.kind === 'import') return declared.key === undefined || declared.key === 'default' ? namer(declared.specifier) : undefined;
  if (declared?.kind !== 'const') return undefined;
  if (declared.key === undefined) return namedModuleOf(declared.initializer, context, namer, depth + 1);
  // `const { default: cp } = await import('node:child_process')`.
  return declared.key === 'default' ? namedModuleOf(declared.initializer, context, namer, depth + 1) : undefined;
}

/**
 * The builtin member a callee is: `fork` imported or destructured from `node:child_process` (also
 * renamed), `cp.fork`, `cp['fork']`, `require('child_process').fork`, `cp.default.fork`, or a
 * `const` holding one of these (`const start = cp.fork`). `member: null`: a member of the builtin
 * whose key is not a constant (`cp[method]`).
 */
export function builtinMemberOf(callee: ts.Expression, context: NameContext): BuiltinMember | undefined {
  return namedMemberOf(callee, context, canonicalBuiltin);
}

/** `builtinMemberOf` for the modules `namer` names. */
export function namedMemberOf(callee: ts.Expression, context: NameContext, namer: ModuleNamer, depth = 0): BuiltinMember | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = skipOuter(callee);
  if (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) {
    const specifier = namedModuleOf(inner.expression, context, namer);
    if (specifier === undefined) return undefined;
    const key = constantKey(inner, context.scope);
    return key === 'default' ? undefined : { specifier, member: key };
  }
  if (!ts.isIdentifier(inner)) return undefined;
  const binding = context.scope.lookup(inner.text);
  if (binding?.kind === 'member' || binding?.kind === 'flag-sensitive') {
    const specifier = namer(binding.specifier);
    return specifier === undefined ? undefined : { specifier, member: binding.member };
  }
  if (binding?.kind !== 'local' && binding?.kind !== 'const') return undefined;
  const declared = declarationOf(inner, context.ancestors, true);
  if (declared?.kind === 'import') {
    const specifier = namer(declared.specifier);
    return specifier !== undefined && declared.key !== undefined && declared.key !== 'default' ? { specifier, member: declared.key } : undefined;
  }
  if (declared?.kind !== 'const') return undefined;
  if (declared.key === undefined) return namedMemberOf(declared.initializer, context, namer, depth + 1);
  const specifier = namedModuleOf(declared.initializer, context, namer);
  return specifier === undefined ? undefined : { specifier, member: declared.key };
}
