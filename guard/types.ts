import type { Capability } from '../policy/index.js';
import type { ReferenceKind, RuleId } from '../analysis/syntax/types.js';
import type { ImportBinding } from '../analysis/syntax/import-bindings.js';
import type { ConditionalReach, WithdrawnUnless } from '../analysis/syntax/types.js';

/**
 * The data that flows between the guard's stages: load → graph → classify → search → report.
 * Everything per file is plain JSON so that it can live in the content cache.
 */

/** Rules only a whole program can check; the detector's own rule ids keep their names. */
export type GuardRuleId =
  | 'transitive-capability'
  | 'cross-module-capability'
  | 'unresolved-module';

/** `depcruise/<rule name>` for violations folded in from dependency-cruiser. */
export type ReportedRuleId = RuleId | GuardRuleId | `depcruise/${string}`;

export interface Position {
  /** 1-based, as editors and SARIF count. */
  readonly line: number;
  readonly column: number;
}

export interface LocatedReference extends Position {
  readonly specifier: string | null;
  readonly kind: ReferenceKind;
  readonly typeOnly: boolean;
}

export interface LocatedFinding extends Position {
  readonly ruleId: RuleId;
  readonly messageId: string;
  /** `null` for the SPEC text rules, which reach no capability. */
  readonly capability: Capability | null;
  readonly message: string;
  /** What the finding points at, for the end of a witness path: `node:fs`, `fetch`, `eval(…)`. */
  readonly sink: string;
  /** Withdrawn when the whole program proves this (guard/search/withdrawn.ts, choice 79). */
  readonly unless?: WithdrawnUnless;
}

/** A use in one module of a binding imported from another local module (see facts/cross-module.ts). */
export type CrossModuleUse =
  | ({ readonly kind: 'module-name'; readonly binding: string; readonly member: string | null } & Position)
  | ({ readonly kind: 'call'; readonly binding: string; readonly member: string | null; readonly argumentIndex: number; readonly value: string } & Position)
  | ({ readonly kind: 'member'; readonly binding: string; readonly members: readonly string[] } & Position);

/** A top-level binding imported from a local module: the detector finds them (analysis/syntax/import-bindings.ts). */
export type { ImportBinding };

export interface ReExport {
  /** `*` for `export * from`. */
  readonly exported: string;
  readonly imported: string;
  readonly specifier: string;
}

/** What a module exports that another module can turn into a capability. */
export interface ModuleExports {
  /** `export const NET = 'node:net'`. */
  readonly constants: Readonly<Record<string, string>>;
  /** `export const g = globalThis` / `export const p = process`. */
  readonly ambient: Readonly<Record<string, 'globalThis' | 'process'>>;
  /** `export function load(name) { return require(name) }` → `{ load: 0 }`. */
  readonly moduleNameParameters: Readonly<Record<string, number>>;
  readonly reExports: readonly ReExport[];
  /** `module.exports = ['SIGABRT', …]` grown only by constant pushes: the strings (guard/facts/constant-list.ts). */
  readonly constantList?: readonly string[];
}

/** Everything the guard knows about one file; cached by content. */
export interface ModuleFacts {
  readonly references: readonly LocatedReference[];
  readonly declaredActions: (Position & { readonly actions: readonly string[] }) | null;
  readonly findings: readonly LocatedFinding[];
  /** Capabilities the file reaches directly, held or not (the detector's `reached`). */
  readonly reached: readonly Capability[];
  /** Reached unless the whole program proves the condition (the detector's reachedUnless). */
  readonly reachedUnless?: readonly ConditionalReach[];
  /** The module writes a startup variable every Node child of the program inherits (FileFacts.envWrite). */
  readonly envWrite?: string;
  /** Node children started here that inherit the environment (FileFacts.envChildren). */
  readonly envChildren?: ReadonlyArray<Position & { readonly name: string }>;
  readonly imports: readonly ImportBinding[];
  readonly uses: readonly CrossModuleUse[];
  readonly exports: ModuleExports;
  /** Builtin calls the constant folder evaluated (the detector's foldedCalls): the program decides whether they are trusted. */
  readonly foldedCalls?: ReadonlyArray<Position & { readonly builtin: string }>;
}

export interface GuardFinding extends Position {
  /** Project-relative, `/`-separated. */
  readonly file: string;
  readonly ruleId: ReportedRuleId;
  readonly capability: Capability | null;
  readonly message: string;
  /** `entry.ts → lib/index.ts → lib/files.ts → node:fs`; only for whole-program findings. */
  readonly witness?: readonly string[];
}

export interface ModuleSummary {
  readonly file: string;
  readonly allowedActions: readonly string[];
  /** What the module reaches, directly or through modules that do not hold it. */
  readonly capabilities: readonly Capability[];
  /** What its declared actions and the policy's grants let it hold. */
  readonly holds: readonly Capability[];
}

export interface GuardResult {
  readonly root: string;
  readonly findings: readonly GuardFinding[];
  readonly modules: readonly ModuleSummary[];
  readonly stats: { readonly files: number; readonly parsed: number; readonly cached: number };
}
