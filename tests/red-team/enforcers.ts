import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../../eslint-plugin-tki/index.js';
import type { RedTeamEnforcer, RedTeamRow } from '../../fixtures/evasions/red-team/table.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const corpusRoot = path.join(repoRoot, 'fixtures/evasions/red-team');
const guardCli = path.join(repoRoot, 'dist/guard/cli.js');

/** One reported finding, with an absolute file path; `capability` is null where the tool names none. */
export interface SeenFinding {
  readonly file: string;
  readonly ruleId: string;
  readonly capabilities: readonly string[];
}

/** What one enforcer said about one set of files: findings, or why it could not say. */
export type EnforcerRun = { readonly ok: true; readonly findings: readonly SeenFinding[] } | { readonly ok: false; readonly error: string };

/** `root`: the corpus folder (red-team/ by default; later rounds keep their own, e.g. red-team-3/). */
export const rowDirectory = (row: RedTeamRow, root: string = corpusRoot): string => path.join(root, 'rows', row.id);

interface GuardJson {
  readonly findings: ReadonlyArray<{ readonly file: string; readonly ruleId: string; readonly capability: string | null }>;
}

function runNode(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...args], { cwd, maxBuffer: 256 * 1024 * 1024, timeout: 600_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 2;
      resolve({ code, stdout, stderr });
    });
  });
}

let syntacticFlag: Promise<readonly string[]> | undefined;
/** The flag that asks tki-guard for the syntactic detector only, once it has one (`--fast`, #10). */
export function guardSyntacticFlag(): Promise<readonly string[]> {
  syntacticFlag ??= runNode([guardCli, '--help'], repoRoot).then(({ stdout }) => (/(^|\s)--fast\b/m.test(stdout) ? ['--fast'] : /(^|\s)--syntactic\b/m.test(stdout) ? ['--syntactic'] : []));
  return syntacticFlag;
}

/** Runs the built tki-guard CLI as a user would: JSON report, no cache, no dependency-cruiser. */
/**
 * A report path is relative to the guard's project root: the policy's folder, else the package root
 * (the nearest package.json, which a row folder may lie below), so it is resolved against the first of
 * cwd and its ancestors that holds it.
 */
function reportedFile(cwd: string, file: string): string {
  for (let folder = cwd; ; folder = path.dirname(folder)) {
    const candidate = path.resolve(folder, file);
    if (existsSync(candidate) || path.dirname(folder) === folder) return existsSync(candidate) ? candidate : path.resolve(cwd, file);
  }
}

export async function runGuardCli(cwd: string, input: { readonly project: string } | { readonly paths: readonly string[] }): Promise<EnforcerRun> {
  if (!existsSync(guardCli)) return { ok: false, error: `${guardCli} is missing: run npm run build first` };
  const mode = 'project' in input ? ['--project', input.project] : [...(await guardSyntacticFlag()), ...input.paths];
  const { code, stdout, stderr } = await runNode([guardCli, '--format', 'json', '--no-cache', '--no-depcruise', ...mode], cwd);
  if (code !== 0 && code !== 1) return { ok: false, error: `exit ${code}: ${stderr.trim().split('\n')[0] ?? ''}` };
  try {
    const report = JSON.parse(stdout) as GuardJson;
    return { ok: true, findings: report.findings.map((finding) => ({ file: reportedFile(cwd, finding.file), ruleId: finding.ruleId, capabilities: finding.capability === null ? [] : [finding.capability] })) };
  } catch {
    return { ok: false, error: `exit ${code} without a JSON report` };
  }
}

const CAPABILITY_WORD = /\b(NETWORK|EXEC|FILES_READ|FILES_WRITE|ENV|DYNAMIC_CODE|NATIVE|WORKER|SYSTEM|DATABASE|KNOWLEDGE_BASE|UNANALYZED|UNKNOWN_PACKAGE)\b/g;

/** eslint-plugin-tki (recommended config) over the given files; `typed` adds typescript-eslint's project service. */
export async function runPlugin(files: readonly string[], rowsWithPolicy: readonly RedTeamRow[], typed: boolean, root: string = corpusRoot): Promise<Map<string, EnforcerRun>> {
  // Typed: one program over every linted file (tsconfig.lint.json), as typescript-eslint's `project`;
  // a program per row folder would cost a type check per row.
  const config: Linter.Config[] = [
    {
      files: typed ? ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'] : ['**/*.{ts,cts,mts,tsx}'],
      languageOptions: { parser: tseslint.parser as Linter.Parser, parserOptions: typed ? { project: './tsconfig.lint.json', tsconfigRootDir: root } : {} },
    },
    { files: ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'], ...(plugin.configs.recommended as Linter.Config) },
    ...rowsWithPolicy.map((row): Linter.Config => ({ files: [`rows/${row.id}/**`], settings: { tki: { policyFile: 'tki.policy.json', root: rowDirectory(row, root) } } })),
  ];
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config, ignore: false });
  const runs = new Map<string, EnforcerRun>();
  let results: ESLint.LintResult[];
  try {
    results = await eslint.lintFiles([...files]);
  } catch (error) {
    for (const file of files) runs.set(file, { ok: false, error: String(error).split('\n')[0] ?? 'lint error' });
    return runs;
  }
  for (const result of results) {
    const fatal = result.messages.find((message) => message.fatal === true || message.ruleId === null);
    if (fatal?.fatal === true && fatal.message.startsWith('Parsing error:')) {
      // A file the parser refuses is an error in the editor and in ESLint's exit code, never silence:
      // it counts as UNANALYZED (docs/caveats.md, "Sloppy-mode JavaScript the editor cannot parse").
      runs.set(result.filePath, { ok: true, findings: [{ file: result.filePath, ruleId: 'parsing-error', capabilities: ['UNANALYZED'] }] });
      continue;
    }
    if (fatal !== undefined) {
      runs.set(result.filePath, { ok: false, error: fatal.message });
      continue;
    }
    const findings = result.messages.map((message) => ({ file: result.filePath, ruleId: message.ruleId ?? '', capabilities: [...new Set(message.message.match(CAPABILITY_WORD) ?? [])] }));
    runs.set(result.filePath, { ok: true, findings });
  }
  return runs;
}

export const ENFORCERS: readonly RedTeamEnforcer[] = ['guard-typed', 'guard-fast', 'plugin', 'plugin-typed'];
