import type ts from 'typescript';

/** What a reference denotes, by the declaration it resolves to (analysis/typed answers this). */
export type Resolved =
  /** An export of a module: `node:net` + `connect`, `pg` + `Client`; member null = the namespace itself. */
  | { readonly kind: 'module-member'; readonly specifier: string; readonly member: string | null }
  /** A global (`fetch`) or a member of a global's type (`process` + `env`, `require` + `cache`, `Function` + call). */
  | { readonly kind: 'global'; readonly name: string; readonly member: string | null };

/**
 * The hook through which the type checker informs the one walk (analysis/typed implements it).
 * The syntactic detector runs without it; every answer `undefined` means "the types do not say",
 * and the syntactic rule for that reference stands.
 */
export interface TypeOracle {
  /** What `node` (an identifier, member access, call or `new`) resolves to, when that is a capability holder. */
  resolve(node: ts.Expression): Resolved | undefined;
  /** False only when the type proves the value is not a function (so its `constructor` is ordinary). */
  mayBeFunction(node: ts.Expression): boolean;
  /**
   * When `node` holds a capability-bearing value (a capability module's namespace or function,
   * `FunctionConstructor`, `NodeRequire`) and flows into a place typed `any`/`unknown`: what it is.
   */
  escapesToUntyped(node: ts.Expression): Resolved | undefined;
  /** What capability-bearing value `node` holds (a capability module's namespace or function, `FunctionConstructor`, `NodeRequire`), wherever it goes. */
  capabilityValue(node: ts.Expression): Resolved | undefined;
}
