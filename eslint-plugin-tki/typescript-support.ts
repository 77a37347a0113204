import ts from 'typescript';

/**
 * The TypeScript versions the plugin runs on: exactly the ones its tests run on (the lowest in
 * tests/packaging/typescript-range.test.ts, from a packed tarball; the highest is the repository's
 * own). The published peer range is derived from it (scripts/pack/packages.ts), so npm and this
 * check say the same thing. Below 5.9 the scanner and parser APIs the analysis calls are missing or
 * differ; TypeScript 7's `typescript` package has no compiler API, and typescript-eslint 8 stops at 6.0.
 */
// 5.9.2 is the first 5.9 release (5.9.0 and 5.9.1 were never published as releases).
export const SUPPORTED_TYPESCRIPT = { lowest: '5.9.2', below: '6.1.0' } as const;

export const TYPESCRIPT_PEER_RANGE = `>=${SUPPORTED_TYPESCRIPT.lowest} <${SUPPORTED_TYPESCRIPT.below}`;

function parts(version: string): [number, number, number] {
  const [major = 0, minor = 0, patch = 0] = (version.split('-')[0] ?? '').split('.').map((part) => Number.parseInt(part, 10) || 0);
  return [major, minor, patch];
}

function compare(a: string, b: string): number {
  const [left, right] = [parts(a), parts(b)];
  for (let index = 0; index < 3; index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** One line saying why `version` cannot be used, or undefined when it is supported. */
export function typescriptSupportProblem(version: string | undefined): string | undefined {
  if (typeof version === 'string' && compare(version, SUPPORTED_TYPESCRIPT.lowest) >= 0 && compare(version, SUPPORTED_TYPESCRIPT.below) < 0) return undefined;
  return `eslint-plugin-tki needs TypeScript ${TYPESCRIPT_PEER_RANGE} and found ${version ?? 'a typescript package without a version'}; nothing was checked: install a supported one (npm i -D typescript@6)`;
}

/** Checked once, when the plugin loads: the project's own `typescript` (a peer dependency). */
export const LOADED_TYPESCRIPT_PROBLEM: string | undefined = typescriptSupportProblem((ts as { version?: string } | undefined)?.version);
