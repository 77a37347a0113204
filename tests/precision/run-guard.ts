/**
 * Runs the BUILT guard (dist/guard/cli.js, as a user runs it) on one package's entry files and returns the
 * capability categories it reports for them, with where it saw each first.
 */
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { isScoredCapability, type PackageTruth, type ScoredCapability } from './ground-truth.js';

const run = promisify(execFile);

export interface GuardAnswer {
  readonly found: readonly ScoredCapability[];
  /** Per category found: `file:line` in the package (a direct finding) or the witness path. */
  readonly seenAt: Readonly<Partial<Record<ScoredCapability, string>>>;
}

interface GuardJson {
  readonly findings: readonly { file: string; line: number; capability: string | null; witness?: readonly string[] }[];
  readonly modules: readonly { file: string; capabilities: readonly string[] }[];
}

export async function runGuardOnPackage(repoRoot: string, truth: PackageTruth, policyFile: string): Promise<GuardAnswer> {
  const packageDir = realpathSync(path.join(repoRoot, 'node_modules', truth.package));
  const entries = truth.entries.map((file) => path.join(packageDir, file));
  const args = ['dist/guard/cli.js', ...entries, '--format', 'json', '--no-cache', '--no-depcruise', '--policy', policyFile];
  // Exit 1 (findings) is the normal answer; exit 2 rejects with the tool's one-line reason.
  const { stdout } = await run(process.execPath, args, { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { code?: number; stdout?: string; stderr?: string }) => {
      if (error.code === 1 && error.stdout !== undefined) return { stdout: error.stdout };
      throw new Error(`tki-guard failed on ${truth.package} (exit ${String(error.code)}): ${error.stderr ?? ''}`);
    },
  );
  const report = JSON.parse(stdout) as GuardJson;
  const found = new Set<ScoredCapability>();
  for (const module of report.modules) for (const c of module.capabilities) if (isScoredCapability(c)) found.add(c);
  const seenAt: Partial<Record<ScoredCapability, string>> = {};
  const inPackage = (file: string): string => path.relative(packageDir, path.resolve(repoRoot, file));
  for (const finding of [...report.findings].sort((a, b) => Number(a.witness !== undefined) - Number(b.witness !== undefined))) {
    const c = finding.capability;
    if (c === null || !isScoredCapability(c) || seenAt[c] !== undefined) continue;
    seenAt[c] = finding.witness === undefined
      ? `${inPackage(finding.file)}:${finding.line}`
      : finding.witness.map((step) => (/\.[cm]?[jt]sx?$/.test(step) ? inPackage(step) : step)).join(' → ');
  }
  return { found: [...found].sort(), seenAt };
}
