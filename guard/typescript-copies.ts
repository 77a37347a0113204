import { fileURLToPath } from 'node:url';
import ts from '../policy/typescript.cjs';
import { fail, ok, type Outcome } from './errors.js';

/** One copy of TypeScript as the guard sees it: its version and where it was loaded from. */
export interface TypeScriptCopy {
  readonly versionMajorMinor: string;
  readonly version: string;
  readonly path: string;
}

/**
 * Typed mode builds its program with ts-morph's bundled TypeScript, while the shared analysis
 * (analysis/, policy/) imports `typescript`. Node kinds and flags are numbered per TypeScript
 * version, so two different minors make the classifier silently match nothing: a guard that fails
 * open. tki-guard therefore depends on `typescript` pinned to ts-morph's minor, and refuses to run
 * (exit 2, one line) if the two ever differ, rather than report nothing.
 */
export function compareTypeScriptCopies(analysis: TypeScriptCopy, typed: TypeScriptCopy): Outcome<void> {
  if (analysis.versionMajorMinor === typed.versionMajorMinor) return ok(undefined);
  return fail({ code: 'typescript/mismatch', analysis, typed });
}

/** Where a package resolves from the guard's own files (a path, for the error line). */
function resolvedPath(specifier: string): string {
  try {
    return fileURLToPath(import.meta.resolve(specifier));
  } catch {
    return `${specifier} (unresolvable)`;
  }
}

/** Loads ts-morph (only typed mode needs it) and compares its TypeScript with the analysis's. */
export async function checkTypeScriptCopies(): Promise<Outcome<void>> {
  const morph = await import('ts-morph');
  const typed: TypeScriptCopy = { versionMajorMinor: morph.ts.versionMajorMinor, version: morph.ts.version, path: `bundled in ${resolvedPath('ts-morph')}` };
  const analysis: TypeScriptCopy = { versionMajorMinor: ts.versionMajorMinor, version: ts.version, path: resolvedPath('typescript') };
  return compareTypeScriptCopies(analysis, typed);
}
