import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import ts from 'typescript';
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

/** Loads ts-morph (only typed mode needs it) and compares its TypeScript with the analysis's. */
export async function checkTypeScriptCopies(): Promise<Outcome<void>> {
  const require = createRequire(import.meta.url);
  const morph = await import('ts-morph');
  const morphPath = require.resolve('ts-morph');
  const typed: TypeScriptCopy = {
    versionMajorMinor: morph.ts.versionMajorMinor,
    version: morph.ts.version,
    path: createRequire(morphPath).resolve('@ts-morph/common'),
  };
  const analysis: TypeScriptCopy = { versionMajorMinor: ts.versionMajorMinor, version: ts.version, path: dirname(require.resolve('typescript')) };
  return compareTypeScriptCopies(analysis, typed);
}
