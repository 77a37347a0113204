import { isEngineName, type EngineName } from '../sandbox/launcher.js';

/** `--engine` (default bwrap) checked against the engines the sandbox knows. */
export function engineFlag(value: string | undefined, command: string, usage: string): { ok: true; engine: EngineName } | { ok: false; line: string } {
  const engine = value ?? 'bwrap';
  return isEngineName(engine) ? { ok: true, engine } : { ok: false, line: `tki ${command}: unknown engine "${engine}"; usage: ${usage}` };
}
