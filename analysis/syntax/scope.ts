import type ts from 'typescript';
import { OTHER_RECEIVER, mayBeGlobalThis, type Receiver } from './sloppy-this.js';

/**
 * Lexical scopes, just enough to tell a global (`fetch`, `process`, `require`) from a local
 * that shadows it, and to follow the few bindings that carry a capability:
 * - `module`: a default/namespace binding of a builtin whose members differ (`fs`, `process`),
 *   so that `fs.readFileSync` is classified per member;
 * - `member`: a named import of a builtin (`exit` from `node:process`);
 * - `require`: an alias of `require`, or a function made by `createRequire`;
 * - `function`: a function or class, whose `.constructor` is the `Function` constructor;
 * - `flag-sensitive`: a named import or destructured member whose flags decide between read and
 *   write (`openSync`, policy/open-modes.ts), judged at each use instead of at its declaration;
 * - `const`: a `const` whose initializer an open flag may be read from, with the scope it sits in.
 */
export type Binding =
  | { readonly kind: 'local' }
  /** A function or class: its `.constructor` is `Function`. */
  | { readonly kind: 'function' }
  | { readonly kind: 'module'; readonly specifier: string; readonly declaration: ts.Node; used: boolean }
  | { readonly kind: 'member'; readonly specifier: string; readonly member: string }
  | { readonly kind: 'require'; readonly via: 'require' | 'create-require'; readonly declaration: ts.Node }
  | { readonly kind: 'flag-sensitive'; readonly specifier: string; readonly member: string; readonly declaration: ts.Node; used: boolean }
  | { readonly kind: 'const'; readonly initializer: ts.Expression; readonly scope: Scope }
  /** A class declaration: a value typed as it is an instance, whose `constructor` is the class. */
  | { readonly kind: 'class' }
  /** `const later = setTimeout`, `const { fetch: get } = globalThis`: the global under another name. */
  | { readonly kind: 'global-alias'; readonly name: string }
  /** `const C = x.constructor`: possibly `Function`, judged at each use (`exempt` when `x` is an instance). */
  | { readonly kind: 'constructor'; exempt: boolean };

export type ModuleBinding = Extract<Binding, { kind: 'module' }>;
export type FlagSensitiveBinding = Extract<Binding, { kind: 'flag-sensitive' }>;

export const LOCAL: Binding = { kind: 'local' };
export const FUNCTION: Binding = { kind: 'function' };
export const CLASS: Binding = { kind: 'class' };

export class Scope {
  /** Made at the first declaration: most blocks declare nothing, and a scope is entered per block. */
  private bindings: Map<string, Binding> | undefined;
  /** Strict-mode code (a module, a class, a `"use strict"` function): sloppy-this.ts. */
  strict: boolean;
  /** What `this` is here (sloppy-this.ts): set when a function is entered, inherited by blocks and arrows. */
  receiver: Receiver;
  /** The file's scope: per-file indexes are found from any scope without walking the chain. */
  readonly root: Scope;
  /** On the root scope: the file being walked (interop-index.ts registerInteropFile). */
  file: ts.SourceFile | undefined;

  constructor(readonly parent: Scope | undefined) {
    this.strict = parent?.strict ?? false;
    this.receiver = parent?.receiver ?? OTHER_RECEIVER;
    this.root = parent?.root ?? this;
  }

  /** `this` here may be the global object (a sloppy function that may be called without a receiver). */
  thisMayBeGlobal(): boolean {
    return this.receiver.kind !== 'other' && mayBeGlobalThis(this.receiver);
  }

  lookup(name: string): Binding | undefined {
    for (let scope: Scope | undefined = this; scope !== undefined; scope = scope.parent) {
      const binding = scope.bindings?.get(name);
      if (binding !== undefined) return binding;
    }
    return undefined;
  }

  declare(name: string, binding: Binding = LOCAL): void {
    (this.bindings ??= new Map()).set(name, binding);
  }

  /**
   * Bindings of this scope that nothing used: an unused `import fs` still loads fs, and an
   * unused `import { openSync }` still reaches what a call without flags would.
   */
  unusedBindings(): Array<ModuleBinding | FlagSensitiveBinding> {
    const unused: Array<ModuleBinding | FlagSensitiveBinding> = [];
    if (this.bindings === undefined) return unused;
    for (const binding of this.bindings.values()) if ((binding.kind === 'module' || binding.kind === 'flag-sensitive') && !binding.used) unused.push(binding);
    return unused;
  }
}
