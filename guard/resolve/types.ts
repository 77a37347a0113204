import type { ReferenceKind } from '../../analysis/syntax/index.js';

/**
 * The resolve stage as an interface, injected into the graph builder the way the Classifier is
 * injected into the search: the graph never decides where a specifier leads by itself.
 */
export interface Resolver {
  /** Every place `specifier`, written in `fromFile` as `kind`, can lead (see Resolution). */
  resolve(specifier: string, fromFile: string, kind: ReferenceKind): Resolution;
  /** Module specifiers a file loads without writing them (the JSX runtime of `jsx: react-jsx`). */
  implicitImports(file: string, text: string): readonly string[];
}

/** Which loader finds a file: Node when it runs the code, TypeScript when it checks the source. */
export type Loader = 'node' | 'typescript';

export type ResolvedTarget =
  /** A file to analyze. `firstParty` is false when its real path lies inside a node_modules folder. */
  | { readonly kind: 'file'; readonly path: string; readonly firstParty: boolean; readonly loaders: readonly Loader[] }
  /** A compiled addon (`.node`) or WebAssembly module: code the guard cannot read (NATIVE). */
  | { readonly kind: 'native'; readonly path: string; readonly firstParty: boolean }
  /** A builtin, a package or a URL: the policy classifies it by name. */
  | { readonly kind: 'external'; readonly specifier: string };

/**
 * The union of what Node loads (by the algorithm the reference uses: CommonJS for `require`, ESM
 * for `import`) and what TypeScript reads for it. Empty `targets` means nothing resolves: an
 * UNANALYZED edge. `divergence` says, for the witness, when Node and TypeScript pick different files.
 */
export interface Resolution {
  readonly targets: readonly ResolvedTarget[];
  readonly divergence?: string;
  /**
   * Nothing to follow and nothing unknown: a program started by its path that is not Node (a binary, a
   * shell script: the starter's EXEC, spawned-executable.ts), or an env file that sets no variable the guard judges (env-file.ts).
   */
  readonly externalProgram?: true;
}
