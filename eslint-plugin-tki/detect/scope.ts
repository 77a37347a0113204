import type ts from 'typescript';

/**
 * Lexical scopes, just enough to tell a global (`fetch`, `process`, `require`) from a local
 * that shadows it, and to follow the few bindings that carry a capability:
 * - `module`: a default/namespace binding of a builtin whose members differ (`fs`, `process`),
 *   so that `fs.readFileSync` is classified per member;
 * - `member`: a named import of a builtin (`exit` from `node:process`);
 * - `require`: an alias of `require`, or a function made by `createRequire`;
 * - `function`: a function or class, whose `.constructor` is the `Function` constructor.
 */
export type Binding =
  | { readonly kind: 'local' }
  /** A function or class: its `.constructor` is `Function`. */
  | { readonly kind: 'function' }
  | { readonly kind: 'module'; readonly specifier: string; readonly declaration: ts.Node; used: boolean }
  | { readonly kind: 'member'; readonly specifier: string; readonly member: string }
  | { readonly kind: 'require'; readonly via: 'require' | 'create-require'; readonly declaration: ts.Node };

export const LOCAL: Binding = { kind: 'local' };
export const FUNCTION: Binding = { kind: 'function' };

export class Scope {
  readonly bindings = new Map<string, Binding>();

  constructor(readonly parent: Scope | undefined) {}

  lookup(name: string): Binding | undefined {
    for (let scope: Scope | undefined = this; scope !== undefined; scope = scope.parent) {
      const binding = scope.bindings.get(name);
      if (binding !== undefined) return binding;
    }
    return undefined;
  }

  declare(name: string, binding: Binding = LOCAL): void {
    this.bindings.set(name, binding);
  }

  /** Module bindings of this scope that nothing used (an unused `import fs` still loads fs). */
  unusedModuleBindings(): Array<Extract<Binding, { kind: 'module' }>> {
    const unused: Array<Extract<Binding, { kind: 'module' }>> = [];
    for (const binding of this.bindings.values()) if (binding.kind === 'module' && !binding.used) unused.push(binding);
    return unused;
  }
}
