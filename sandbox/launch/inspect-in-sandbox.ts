import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EngineName } from '../engines/engine-types.js';
import { DEFAULT_PROFILE } from '../profile/default-profile.js';
import type { SandboxProfile } from '../profile/types.js';
import { compileNodeFlags } from '../engines/node-flags.js';
import { runSandboxed } from './run-sandboxed.js';

export interface SandboxedInspection {
  readonly engine: EngineName;
  /** Host path: a packet directory or a single `.json` packet. */
  readonly packetPath: string;
  /** Host path of the output directory; created when missing. */
  readonly outputDir: string;
  readonly name?: string;
  readonly profile?: SandboxProfile;
}

export type SandboxedInspectionResult =
  | { readonly ok: true; readonly exitCode: 1 | 2 | 3; readonly stdoutLines: readonly string[]; readonly stderrLines: readonly string[] }
  | { readonly ok: false; readonly line: string };

/** Exit codes the inspector may answer; anything else (a crash, a signal, an engine error) is 3. */
function inspectorExitCode(code: number): 1 | 2 | 3 {
  return code === 1 || code === 2 ? code : 3;
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

/**
 * `tki run` as a function (the CLI prints its result; the acceptance run binds it): the packet
 * read-only at /in, the output directory at /out, `tki inspect` inside the engine. Report paths the
 * inspector prints inside (`report: /out/report.json`) come back as the operator's host paths.
 */
export async function inspectInSandbox(request: SandboxedInspection): Promise<SandboxedInspectionResult> {
  const profile = request.profile ?? DEFAULT_PROFILE;
  const packetPath = resolve(request.packetPath);
  const outputDir = resolve(request.outputDir);
  let packetIsFile: boolean;
  try {
    const stats = statSync(packetPath);
    packetIsFile = stats.isFile();
    if (!packetIsFile && !stats.isDirectory()) return { ok: false, line: `tki run: BLOCKED: the packet ${packetPath} is neither a directory nor a file` };
    if (packetIsFile && !packetPath.endsWith('.json')) return { ok: false, line: `tki run: BLOCKED: a single-file packet must be a .json file: ${packetPath}` };
    mkdirSync(outputDir, { recursive: true });
  } catch (error) {
    return { ok: false, line: `tki run: BLOCKED: cannot use ${packetPath} → ${outputDir}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const name = request.name;
  const run = await runSandboxed({
    engine: request.engine,
    profile,
    packetPath,
    packetIsFile,
    outputDir,
    nodeArgs: (runtime) => [...compileNodeFlags(profile), runtime.cliEntry, 'inspect', '--in', profile.packet.target, '--out', profile.output.target, ...(name === undefined ? [] : ['--name', name])],
  });
  if (!run.ok) return run;
  const insidePrefix = `report: ${profile.output.target}/`;
  const stdoutLines = lines(run.exit.stdout).map((line) => (line.startsWith(insidePrefix) ? `report: ${join(outputDir, line.slice(insidePrefix.length))}` : line));
  return { ok: true, exitCode: inspectorExitCode(run.exit.exitCode), stdoutLines, stderrLines: lines(run.exit.stderr) };
}
