import type ts from 'typescript';

/** What a reference denotes, by the declaration it resolves to (analysis/typed answers this). */
export type Resolved =
  /** An export of a module: `node:net` + `connect`, `pg` + `Client`; member null = the namespace itself. */
  | { readonly kind: 'module-member'; readonly specifier: string; readonly member: string | null }
  /** A global (`fetch`) or a member of a global's type (`process` + `env`, `require` + `cache`, `Function` + call). */
  | { readonly kind: 'global'; readonly name: string; readonly member: string | null };

/** A capability-bearing value handed to a place the type checker types `any`/`unknown` (analysis/typed/untyped-escapes.ts). */
export interface UntypedEscape {
  /** The value as written. */
  readonly node: ts.Expression;
  readonly value: Resolved;
  /** How the place is named in the message: `an any/unknown slot`, `a thrown value`, `a cast to any/unknown`. */
  readonly slot: string;
  /** The syntax judged the value where it came from (an import of the capability's own module): no need to reach it again. */
  readonly judgedAtImport: boolean;
}

/** The escapes of a project module another file imports: where they are, for the message. */
export interface ImportedEscapes {
  readonly file: ts.SourceFile;
  readonly escapes: readonly UntypedEscape[];
}

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
  /** Every capability-bearing value this file hands to an `any`/`unknown` place (empty without types). */
  untypedEscapes(sourceFile: ts.SourceFile): readonly UntypedEscape[];
  /**
   * The escapes of the project modules an import brings in (`specifier` is its module specifier
   * literal): the module it names and, for named imports, the modules their declarations are in.
   */
  importedEscapes(specifier: ts.Expression): readonly ImportedEscapes[];
  /** The name of the library interface `node`'s type is (`HTMLScriptElement`), when the default library or a package declares it. */
  libraryTypeName(node: ts.Expression): string | undefined;
  /** What capability-bearing value `node` holds (a capability module's namespace or function, `FunctionConstructor`, `NodeRequire`), wherever it goes. */
  capabilityValue(node: ts.Expression): Resolved | undefined;
}
