import { dirname } from 'node:path';
/**
 * Usage and tool errors: data with a `code`, rendered to one line in one place.
 * They end the run with exit 2; a finding is never one of these.
 */
export type GuardError =
  | { readonly code: 'usage/unknown_option'; readonly option: string }
  | { readonly code: 'usage/missing_value'; readonly option: string }
  | { readonly code: 'usage/invalid_format'; readonly format: string; readonly known: readonly string[] }
  | { readonly code: 'usage/no_input'; readonly path: string }
  | { readonly code: 'usage/unanalyzable_input'; readonly path: string; readonly kind: 'native' | 'data' | 'declaration' | 'special' }
  | { readonly code: 'usage/invalid_jobs'; readonly value: string }
  | { readonly code: 'project/tsconfig'; readonly file: string; readonly detail: string }
  | { readonly code: 'project/no_tsconfig'; readonly file: string }
  | { readonly code: 'project/no_files'; readonly root: string }
  | { readonly code: 'policy/invalid'; readonly detail: string }
  /** A tki.policy.json below the run's own governs some of its inputs: one run, one policy. */
  | { readonly code: 'policy/nested'; readonly nested: string; readonly governing: string | null; readonly file: string }
  | { readonly code: 'source/unparsable'; readonly file: string; readonly line: number; readonly column: number; readonly detail: string }
  | { readonly code: 'source/unreadable'; readonly file: string; readonly detail: string }
  | { readonly code: 'depcruise/failed'; readonly detail: string }
  | { readonly code: 'output/unwritable'; readonly file: string; readonly detail: string }
  | { readonly code: 'usage/invalid_level'; readonly level: string; readonly known: readonly string[] }
  | { readonly code: 'usage/conflict'; readonly detail: string }
  | { readonly code: 'usage/unknown_help_topic'; readonly topic: string }
  | { readonly code: 'baseline/invalid'; readonly file: string; readonly detail: string }
  | { readonly code: 'baseline/missing'; readonly file: string }
  | { readonly code: 'git/failed'; readonly detail: string }
  | { readonly code: 'typescript/mismatch'; readonly analysis: TypeScriptCopyInfo; readonly typed: TypeScriptCopyInfo };

/** A TypeScript copy named in a `typescript/mismatch` error (guard/typescript-copies.ts). */
export interface TypeScriptCopyInfo {
  readonly version: string;
  readonly path: string;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: GuardError };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = <T = never>(error: GuardError): Outcome<T> => ({ ok: false, error });

const UNANALYZABLE_INPUT = {
  native: 'native code (a .node addon or WebAssembly) cannot be analyzed',
  data: 'a JSON file holds no code to analyze',
  declaration: 'a declaration file holds no run-time code',
  special: 'not a regular file (a FIFO, socket or device would block the read)',
} as const;

export function formatGuardError(error: GuardError): string {
  switch (error.code) {
    case 'usage/unknown_option':
      return `tki-guard: unknown option ${error.option} (see --help)`;
    case 'usage/missing_value':
      return `tki-guard: option ${error.option} needs a value`;
    case 'usage/invalid_format':
      return `tki-guard: unknown format "${error.format}" (one of: ${error.known.join(', ')})`;
    case 'usage/invalid_jobs':
      return `tki-guard: --jobs needs a whole number of threads ≥ 1, not "${error.value}"`;
    case 'usage/no_input':
      return `tki-guard: ${error.path}: no such file or directory`;
    case 'usage/unanalyzable_input':
      return `tki-guard: ${error.path}: ${UNANALYZABLE_INPUT[error.kind]}; name the JavaScript or TypeScript that loads it instead`;
    case 'project/no_tsconfig':
      return `tki-guard: ${error.file}: no such file; name what to analyze (tki-guard src) or a tsconfig (tki-guard -p FILE)`;
    case 'project/tsconfig':
      // `file:line:col: message` when TypeScript gives a place, as every other tki-guard error line.
      return /^\d+:\d+: /.test(error.detail) ? `tki-guard: ${error.file}:${error.detail}` : `tki-guard: ${error.file}: ${error.detail}`;
    case 'project/no_files':
      return `tki-guard: no source files to analyze under ${error.root}`;
    case 'policy/invalid':
      // One line per problem, each with the prefix (a log search for "tki-guard:" finds them all).
      return error.detail
        .split('\n')
        .map((line) => `tki-guard: ${line}`)
        .join('\n');
    case 'policy/nested':
      return `tki-guard: ${error.nested} governs ${error.file}, which this run judges under ${error.governing ?? 'the defaults'}; run tki-guard on each policy's files separately (from ${dirname(error.nested)}), or merge the two policies`;
    case 'source/unparsable':
      return `tki-guard: ${error.file}:${error.line}:${error.column}: cannot parse: ${error.detail}`;
    case 'source/unreadable':
      return `tki-guard: ${error.file}: cannot read: ${error.detail}`;
    case 'depcruise/failed':
      return `tki-guard: dependency-cruiser failed: ${error.detail}`;
    case 'output/unwritable':
      return `tki-guard: ${error.file}: cannot write: ${error.detail}`;
    case 'usage/invalid_level':
      return `tki-guard: unknown level "${error.level}" (one of: ${error.known.join(', ')})`;
    case 'usage/conflict':
      return `tki-guard: ${error.detail}`;
    case 'usage/unknown_help_topic':
      return `tki-guard: no help on "${error.topic}" (tki-guard help, tki-guard help diff)`;
    case 'baseline/invalid':
      return `tki-guard: ${error.file}: not a tki-guard baseline: ${error.detail}`;
    case 'baseline/missing':
      return `tki-guard: ${error.file}: no such baseline file (create it with --update-baseline)`;
    case 'git/failed':
      return `tki-guard: git: ${error.detail}`;
    case 'typescript/mismatch':
      return `tki-guard: two TypeScript versions would mix (the analysis loaded typescript ${error.analysis.version} from ${error.analysis.path}, the typed program uses ts-morph's ${error.typed.version} from ${error.typed.path}), which would silently classify nothing; reinstall tki-guard so both are one minor, or run with --fast`;
  }
}
