import type ts from '../../policy/typescript.cjs';
import { GLOBAL_OBJECT_NAMES } from '../../policy/index.js';
import { moduleLoadOf, trackedBuiltin, type ModuleLoad } from './module-loads.js';
import type { Scope } from './scope.js';
import { literalString, skipOuter } from './syntax.js';

/** The builtin a call loads by a literal name, when its members are followed one by one. */
export function trackedLoad(call: ts.CallExpression, scope: Scope): { load: ModuleLoad; tracked: string } | undefined {
  const load = moduleLoadOf(call, scope, GLOBAL_OBJECT_NAMES);
  const specifier = load === undefined ? undefined : literalString(load.specifier === undefined ? undefined : skipOuter(load.specifier));
  const tracked = specifier === undefined ? undefined : trackedBuiltin(specifier);
  return load !== undefined && tracked !== undefined ? { load, tracked } : undefined;
}
