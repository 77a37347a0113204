import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { recordRun, sha256OfFile, type RunLog } from '../evidence.js';
import { runCommand } from './subprocess.js';

/** One tki-guard finding as the CLI prints it (SPEC §9 JSON). */
export interface GuardFindingView {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly ruleId: string;
  readonly capability: string | null;
  readonly message: string;
}

export interface GuardModuleView {
  readonly file: string;
  readonly allowedActions: readonly string[];
  readonly capabilities: readonly string[];
  readonly holds?: readonly string[];
}

export interface GuardView {
  readonly run_id: string;
  readonly exit_code: number | null;
  readonly findings: readonly GuardFindingView[];
  readonly modules: readonly GuardModuleView[];
  /** Set when the CLI did not print the JSON report (a tool error): the row cannot pass. */
  readonly tool_error?: string;
}

/** The built guard CLI, run the way CI runs it on this project: `tki-guard --project tsconfig.json --format json --level strict`. */
export async function runGuardCli(log: RunLog, repoRoot: string, label: string, cwd: string, saveTo?: string): Promise<GuardView> {
  const cli = path.join(repoRoot, 'dist/guard/cli.js');
  const args = [cli, '--project', 'tsconfig.json', '--format', 'json', '--no-cache', '--level', 'strict'];
  return recordRun<Omit<GuardView, 'run_id'>>(log, label, `tki-guard over ${cwd}`, ['node', ...args, `(cwd ${cwd})`], async () => {
    if (!existsSync(cli)) {
      return { value: { exit_code: null, findings: [], modules: [], tool_error: `${cli} is missing: run \`npm run build\` first` }, exitCode: null, artifacts: [] };
    }
    // A typed, uncached run over the whole repository (1,300+ modules) outlives the 3-minute default on a loaded machine.
    const result = runCommand(process.execPath, args, { cwd, timeoutMs: 600_000 });
    try {
      const parsed = JSON.parse(result.stdout) as { findings: GuardFindingView[]; modules: GuardModuleView[] };
      // Kept next to the binding report so the self-audit (and a reviewer) can re-read what the guard said.
      if (saveTo !== undefined) writeFileSync(saveTo, result.stdout);
      const artifacts = saveTo === undefined ? [] : [{ path: saveTo, sha256: sha256OfFile(saveTo) }];
      return { value: { exit_code: result.status, findings: parsed.findings, modules: parsed.modules }, exitCode: result.status, artifacts, inputs: [cwd, path.join(cwd, 'tki.policy.json')] };
    } catch {
      const detail = `exit ${result.status}: ${(result.error ?? result.stderr).trim().split('\n').slice(0, 3).join(' / ')}`;
      return { value: { exit_code: result.status, findings: [], modules: [], tool_error: detail }, exitCode: result.status, artifacts: [] };
    }
  });
}

export interface ProjectCopyOptions {
  /** Files to add: path inside the copy → content. */
  readonly plants?: ReadonlyMap<string, string>;
  /** Rewrites one file of the copy (path relative to the copy) — a mutation. */
  readonly mutate?: { readonly file: string; readonly edit: (text: string) => string };
}

/**
 * A private copy of the inspector (src/ and the policy/ it imports) with the project's own strict
 * tki.policy.json, so planted or mutated code is judged exactly as the real tree would be.
 */
export function copyInspectorProject(repoRoot: string, options: ProjectCopyOptions = {}): string {
  const target = mkdtempSync(path.join(tmpdir(), 'tki-acceptance-project-'));
  for (const entry of ['src', 'policy', 'tki.policy.json']) cpSync(path.join(repoRoot, entry), path.join(target, entry), { recursive: true });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(target, 'node_modules'));
  const tsconfig = { extends: path.join(repoRoot, 'tsconfig.json'), compilerOptions: { rootDir: '.' }, include: ['src', 'policy'] };
  writeFileSync(path.join(target, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  for (const [relative, content] of options.plants ?? []) {
    mkdirSync(path.dirname(path.join(target, relative)), { recursive: true });
    writeFileSync(path.join(target, relative), content);
  }
  if (options.mutate !== undefined) {
    const file = path.join(target, options.mutate.file);
    writeFileSync(file, options.mutate.edit(readFileSync(file, 'utf8')));
  }
  return target;
}

/** The planted sources (fixtures/acceptance/planted/*.ts), each to be placed under src/acceptance-planted/. */
export function plantedSources(repoRoot: string): Map<string, string> {
  const directory = path.join(repoRoot, 'fixtures/acceptance/planted');
  return new Map(
    readdirSync(directory)
      .filter((name) => name.endsWith('.ts'))
      .sort()
      .map((name) => [`src/acceptance-planted/${name}`, readFileSync(path.join(directory, name), 'utf8')]),
  );
}

/** A `// plant: <ruleId> [CAPABILITY]` marker: the finding the guard must report on that line. */
export interface PlantMarker {
  readonly line: number;
  readonly ruleId: string;
  readonly capability?: string;
}

export function plantMarkers(content: string): PlantMarker[] {
  return content.split('\n').flatMap((text, index): PlantMarker[] => {
    const match = /\/\/ plant: ([a-z-]+)(?: ([A-Z_]+))?\s*$/.exec(text);
    if (match === null) return [];
    return [{ line: index + 1, ruleId: match[1] ?? '', ...(match[2] === undefined ? {} : { capability: match[2] }) }];
  });
}
