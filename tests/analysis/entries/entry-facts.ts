import { analyzeSourceFile, parseSourceText } from '../../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../../policy/index.js';

/** The program-entry edges (`require` and, for `--import` preloads, `dynamic-import` references other than builtins) of a file, and whether anything was UNANALYZED. */
export function entries(text: string, relativePath = 'src/entry.cjs'): { edges: Array<string | null>; unanalyzed: boolean } {
  const facts = analyzeSourceFile(parseSourceText(relativePath, text), { policy: RECOMMENDED_POLICY, relativePath });
  return {
    edges: facts.references
      .filter((reference) => (reference.kind === 'require' || reference.kind === 'dynamic-import') && !(reference.specifier ?? '').startsWith('node:') && !['child_process', 'worker_threads', 'path', 'url', 'cluster'].includes(reference.specifier ?? ''))
      .map((reference) => reference.specifier),
    unanalyzed: facts.findings.some((finding) => finding.capability === 'UNANALYZED'),
  };
}

/** The expected result of a followed entry. */
export const followed = (...edges: string[]): { edges: string[]; unanalyzed: false } => ({ edges, unanalyzed: false });
/** Neither an edge nor UNANALYZED: not a program entry at all. */
export const untouched = { edges: [], unanalyzed: false } as const;
/** Fail-closed: no edge, UNANALYZED. */
export const failsClosed = { edges: [], unanalyzed: true } as const;
