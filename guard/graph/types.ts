import type { ModuleFacts, Position } from '../types.js';

export type EdgeTarget = { readonly kind: 'module'; readonly file: string } | { readonly kind: 'external'; readonly specifier: string } | { readonly kind: 'unresolved'; readonly specifier: string };

/** One run-time reference from a module; type-only references are not edges. */
export interface Edge extends Position {
  /** As written in the source, so that a binding imported from it can be followed. */
  readonly specifier: string;
  readonly target: EdgeTarget;
  /** Set when Node and TypeScript pick different files for the specifier: both are targets. */
  readonly note?: string;
}

export interface ModuleNode {
  readonly file: string;
  /** Project-relative, `/`-separated: the name in every report. */
  readonly relative: string;
  /** `null` for data modules (JSON) and third-party files the parser could not read. */
  readonly facts: ModuleFacts | null;
  /** A third-party file reached with `--deps`: its capabilities flow to importers, its own findings are not reported. */
  readonly thirdParty: boolean;
  readonly edges: readonly Edge[];
}

export interface ModuleGraph {
  readonly root: string;
  /** Keyed by absolute path, in the order the modules were reached. */
  readonly modules: ReadonlyMap<string, ModuleNode>;
  readonly parsed: number;
  readonly cached: number;
  /** Project-relative paths whose content holds no `tki-allow-next-line`: their comments need no second read. */
  readonly unmarked: ReadonlySet<string>;
}
