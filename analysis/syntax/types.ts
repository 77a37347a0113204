import type { FoldedCallSite } from './folded-call-sites.js';
import type { Capability, PolicyConfig } from '../../policy/index.js';
import type { BindingUse } from './binding-uses.js';
import type { ImportBinding } from './import-bindings.js';

/**
 * The contract between the one per-file detector (eslint-plugin-tki/detect/) and its two
 * front-ends: the ESLint rules and tki-guard. Detection runs once over a TypeScript AST
 * (`ts.SourceFile`); both front-ends only translate these facts into their own reports.
 */

export type RuleId =
  | 'no-forbidden-capability'
  | 'allowed-actions'
  | 'no-dynamic-code'
  | 'no-exit-zero'
  | 'no-positive-verdict-token'
  | 'no-raw-sql'
  | 'no-global-denial-wording';

/** How a module is referenced. The guard follows local ones to build the graph. */
export type ReferenceKind =
  | 'import'
  | 'export-from'
  | 'import-equals'
  | 'require'
  | 'dynamic-import'
  | 'get-builtin-module'
  | 'create-require'
  | 'import-type'
  /**
   * A program started by its path (`spawn(path.join(__dirname, 'tool'))`, `exec('./tool')`): the
   * guard reads the file's first line; a `#!…node` line makes it a Node entry (guard/resolve/spawned-executable.ts).
   */
  | 'spawned-executable'
  /** A file `node --env-file=x` reads its environment from (choice 87): the guard reads it (guard/resolve/env-file.ts). */
  | 'env-file';

export interface ModuleReference {
  /** The literal specifier; `null` when it is computed (that is also an UNANALYZED finding). */
  readonly specifier: string | null;
  readonly kind: ReferenceKind;
  readonly typeOnly: boolean;
  /** Offsets into the source text: [start, end). */
  readonly start: number;
  readonly end: number;
}

export interface Finding {
  readonly ruleId: RuleId;
  /** The messageId of the ESLint rule that reports it; its text lives in detect/messages.ts. */
  readonly messageId: string;
  /**
   * The capability reached. `null` for the SPEC text rules (verdict tokens, global denial
   * wording), which are not capabilities; raw SQL is DATABASE and exit zero is SYSTEM.
   */
  readonly capability: Capability | null;
  /** Placeholders for the message template. */
  readonly data: Readonly<Record<string, string>>;
  /** The message rendered once from messageId + data (the guard prints it as is). */
  readonly message: string;
  readonly start: number;
  readonly end: number;
  /** The whole program may withdraw it (the ESLint rules, which see one file, keep it): see WithdrawnUnless. */
  readonly unless?: WithdrawnUnless;
}

/**
 * What another module must be for a finding to be withdrawn (choice 79): the module `specifier`
 * loads is a list of constant strings, none of them in `excluded` (signal-exit's signal list, read
 * at `process.kill(process.pid, sig)`). Only the guard, which has that module's facts, decides.
 */
export interface WithdrawnUnless {
  readonly kind: 'constant-list-without';
  readonly specifier: string;
  readonly excluded: readonly string[];
}

export interface ConditionalReach {
  readonly capability: Capability;
  readonly unless: WithdrawnUnless;
}

export interface DeclaredActions {
  /** Actions as written (they may be outside the universe; that is a finding, not a crash). */
  readonly actions: readonly string[];
  /** True when the declaration has the required shape; only then do its actions grant anything. */
  readonly wellFormed: boolean;
  readonly start: number;
  readonly end: number;
}

export interface FileFacts {
  readonly references: readonly ModuleReference[];
  readonly declaredActions: DeclaredActions | null;
  readonly findings: readonly Finding[];
  /** Every capability the file reaches directly, held or not (findings keep only the unheld ones). */
  readonly reached: readonly Capability[];
  /** Reached only unless the whole program proves the condition (held or not); not in `reached`. */
  readonly reachedUnless?: readonly ConditionalReach[];
  /** The file loads an env file a Node child of any module inherits (dotenv, `process.loadEnvFile()`): its witness (choice 97). */
  readonly envWrite?: string;
  /** Node children started here that inherit the environment, the file itself writing no startup variable: the guard judges them against the program's writes. */
  readonly envChildren?: ReadonlyArray<{ readonly name: string; readonly start: number; readonly end: number }>;
  /** Top-level bindings of values imported from the project's own modules (for the guard). */
  readonly imports: readonly ImportBinding[];
  /** Uses of those bindings another module can decide, in text order (for the guard). */
  readonly bindingUses: readonly BindingUse[];
  /** Builtin calls the constant folder evaluated, trusted only while the whole program may be read (for the guard: folded-call-sites.ts). */
  readonly foldedCalls?: readonly FoldedCallSite[];
}

export interface AnalyzeOptions {
  readonly policy: PolicyConfig;
  /** `/`-separated path relative to the project root; grants and inspectorFiles match it. */
  readonly relativePath: string;
  /** The project's JSX factories (tsconfig), which a file's own pragmas override. */
  readonly jsx?: JsxSettings;
}

/** tsconfig `jsxFactory` / `jsxFragmentFactory`: the entities TypeScript calls for every element and fragment. */
export interface JsxSettings {
  readonly factory?: string;
  readonly fragmentFactory?: string;
}
