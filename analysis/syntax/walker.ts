import type ts from 'typescript';
import type { PolicyConfig } from '../../policy/index.js';
import type { FindingCollector } from './collector.js';
import type { Scope } from './scope.js';
import type { TextChecker } from './text-checks.js';
import type { Resolved, TypeOracle } from './type-oracle.js';
import type { ReferenceKind } from './types.js';
import type { Flow } from './value-flow.js';

/**
 * What the handlers for one family of nodes (calls, declarations, module references) need from
 * the walk: its state and the few shared steps. Implemented once, by Analyzer.
 */
export interface Walker {
  readonly sourceFile: ts.SourceFile;
  readonly policy: PolicyConfig;
  readonly report: FindingCollector;
  /** Present only in inspector files, where the SPEC text rules apply. */
  readonly text: TextChecker | undefined;
  readonly scope: Scope;
  /** The nodes being visited, outermost first (the file itself at the bottom). */
  readonly ancestors: readonly ts.Node[];
  /** The type checker's view, in typed mode only (analysis/typed). */
  readonly types: TypeOracle | undefined;
  /**
   * Whether the file can name a module that has starters (starter-values.ts mayHoldStarters),
   * answered once per walk: the starter passes return at once without it, so the walk does not
   * call them at every identifier, member access and call.
   */
  readonly mayHoldStarters: boolean;
  /** Callees of flag-sensitive calls, already judged by their flags at the call (detect/open-modes.ts). */
  readonly judgedCallees: Set<ts.Node>;
  /**
   * `process` where it is written as a value the walk judged by the members it reaches (an alias or a
   * local function's parameter only tested or read at constant keys: global-value-uses.ts). The types
   * see an `any` parameter there; the hand-off is judged already (untyped-escapes.ts).
   */
  readonly memberJudgedValues: Set<ts.Node>;
  visit(node: ts.Node, parent: ts.Node): void;
  visitChildren(node: ts.Node): void;
  visitIdentifier(identifier: ts.Identifier, parent: ts.Node): void;
  addReference(specifier: string | null, kind: ReferenceKind, typeOnly: boolean, node: ts.Node): void;
  /** `specifier` is reached as a whole module at `node`. */
  reachModule(specifier: string, node: ts.Node, extraWhy?: string): void;
  /** `member` of builtin `specifier` is reached at `node`. */
  reachMember(specifier: string, member: string, node: ts.Node): void;
  /** `owner.key` where `owner` is a global (`process.env`, `globalThis.fetch`); key null = computed. */
  globalMember(owner: string, key: string | null, node: ts.Node, flow: Flow): void;
  /** The flow of `node` when it is the node being visited. */
  flowAt(node: ts.Node): Flow;
  /** A reference the type checker placed (undefined: it did not). */
  reachResolved(resolved: Resolved | undefined, node: ts.Node): void;
}
