import ts from '../../policy/typescript.cjs';
import { tsv } from './typescript-values.js';
import { openModeRow } from '../../policy/index.js';
import { valueCandidates } from './alias-values.js';
import { constantKey } from './constants.js';
import { isExportedDeclaration } from './exported-declarations.js';
import { isChoiceOf } from './global-stores.js';
import { interopMemberBase } from './interop.js';
import { trackedLoad } from './module-loads.js';
import type { Binding, Scope } from './scope.js';
import { skipAwait, skipOuter } from './syntax.js';

/**
 * `var readFileSync = opts.readFileSync || fs.readFileSync; … readFileSync(pkgfile)` (resolve's
 * shape, choice 73): a flag-sensitive member (policy/open-modes.ts) stored in a local that is not
 * exported binds the local as flag-sensitive itself. Each direct call of the local is then judged
 * by its flags (open-modes.ts), as a call of the member is; every other use of the local (handed
 * on, returned, exported by name, `.call`, stored again) is the member taken as a value, read and
 * write (choices 8), judged where it happens. The member read in the initializer is judged through
 * the local instead of where it is read; the initializer's other values keep their own judgment.
 */

interface StoredMember {
  readonly specifier: string;
  readonly member: string;
  /** The candidate of the initializer that reads the member. */
  readonly read: ts.Expression;
}

/** The flag-sensitive member `expression` reads (`fs.readFileSync`, `require('fs').readFile`, an imported `openSync`). */
function flagSensitiveRead(expression: ts.Expression, scope: Scope): { specifier: string; member: string } | undefined {
  if (tsv.isIdentifier(expression)) {
    const binding = scope.lookup(expression.text);
    return binding?.kind === 'flag-sensitive' ? { specifier: binding.specifier, member: binding.member } : undefined;
  }
  if (!tsv.isPropertyAccessExpression(expression) && !tsv.isElementAccessExpression(expression)) return undefined;
  const key = constantKey(expression, scope);
  if (key === null) return undefined;
  const base = skipAwait(interopMemberBase(skipOuter(expression.expression), scope, trackedLoad));
  const binding = tsv.isIdentifier(base) ? scope.lookup(base.text) : undefined;
  const specifier = binding?.kind === 'module' ? binding.specifier : tsv.isCallExpression(base) ? trackedLoad(base, scope)?.tracked : undefined;
  return specifier !== undefined && openModeRow(specifier, key) !== undefined ? { specifier, member: key } : undefined;
}

/** The one flag-sensitive member among the values the initializer may hold; undefined when none, or two differ. */
function storedMember(initializer: ts.Expression, scope: Scope): StoredMember | undefined {
  let found: StoredMember | undefined;
  for (const candidate of valueCandidates(initializer)) {
    const read = flagSensitiveRead(candidate, scope);
    if (read === undefined) continue;
    if (found !== undefined) return undefined;
    found = { ...read, read: candidate };
  }
  return found;
}

/** The binding for `declaration` when it stores a flag-sensitive member in a plain, unexported local. */
export function storedOpenMemberBinding(declaration: ts.VariableDeclaration, scope: Scope): Binding | undefined {
  if (!tsv.isIdentifier(declaration.name) || declaration.initializer === undefined) return undefined;
  const stored = storedMember(declaration.initializer, scope);
  if (stored === undefined) return undefined;
  // `export const load = fs.readFileSync`: other modules call it with flags this file never sees.
  const file = scope.root.file;
  if (file === undefined || isExportedDeclaration(declaration, file)) return undefined;
  return { kind: 'flag-sensitive', specifier: stored.specifier, member: stored.member, declaration, used: false };
}

/**
 * Whether `node` (the node being visited, last of `ancestors`) is the member read that a local
 * bound by storedOpenMemberBinding holds: it is judged at the local's uses, not here.
 */
export function isStoredOpenMemberRead(node: ts.Expression, ancestors: readonly ts.Node[], scope: Scope): boolean {
  let child: ts.Node = node;
  let at = ancestors.length - 2;
  while (at >= 0 && isChoiceOf(ancestors[at] as ts.Node, child)) child = ancestors[at--] as ts.Node;
  const declaration = at >= 0 ? ancestors[at] : undefined;
  if (declaration === undefined || !tsv.isVariableDeclaration(declaration) || declaration.initializer !== child || !tsv.isIdentifier(declaration.name)) return false;
  const binding = scope.lookup(declaration.name.text);
  if (binding?.kind !== 'flag-sensitive' || binding.declaration !== declaration) return false;
  return storedMember(declaration.initializer, scope)?.read === skipOuter(node);
}
