import type ts from '../../policy/typescript.cjs';

/**
 * Where the constant folder evaluated a builtin call, per file (docs/choices.md 77, 91). The folded
 * value holds only while no module that ran before replaced the builtin: the guard sees every
 * replacement in the modules it reads, but a module it does not read (a package without `--deps`,
 * an unresolved load) may replace any of them, so the whole program decides whether a site is
 * trusted (guard/search/untrusted-folds.ts). The sites are facts of the file; the decision is not.
 */
export interface FoldedCallSite {
  readonly start: number;
  /** The builtin the fold trusts: `String.prototype.trim`, `JSON.parse`, `decodeURIComponent`. */
  readonly builtin: string;
}

const sites = new WeakMap<ts.SourceFile, Map<number, string>>();

export function noteFoldedCall(file: ts.SourceFile, start: number, builtin: string): void {
  let known = sites.get(file);
  if (known === undefined) sites.set(file, (known = new Map()));
  if (!known.has(start)) known.set(start, builtin);
}

/** The file's fold sites so far, in text order. */
export function foldedCallSitesOf(file: ts.SourceFile): FoldedCallSite[] {
  const known = sites.get(file);
  if (known === undefined) return [];
  return [...known].map(([start, builtin]) => ({ start, builtin })).sort((a, b) => a.start - b.start);
}
