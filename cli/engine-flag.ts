import { isEngineName, type EngineName } from '../sandbox/launcher.js';
import { usageProblem } from './flags.js';

/** `--engine` (default bwrap) checked against the engines the sandbox knows. */
export function engineFlag(value: string | undefined, command: string): { ok: true; engine: EngineName } | { ok: false; line: string } {
  const engine = value ?? 'bwrap';
  return isEngineName(engine) ? { ok: true, engine } : { ok: false, line: usageProblem(command, `unknown engine "${engine}" (bwrap, podman or docker)`) };
}
