import { accessSync, constants } from 'node:fs';
import { isAbsolute } from 'node:path';
import { findExecutable } from '../launch/find-executable.js';
import type { EngineResult } from './engine-types.js';

/**
 * Which docker CLI tki runs: `TKI_DOCKER` (an absolute path) when set, else the first `docker`
 * on PATH. Hosts often carry two (Docker's own CLI in /usr/local/bin, the distribution's in
 * /usr/bin); the daemon negotiates the API version with either.
 */
export const DOCKER_EXECUTABLE_VARIABLE = 'TKI_DOCKER';

export function dockerExecutable(): EngineResult<string> | undefined {
  const chosen = process.env[DOCKER_EXECUTABLE_VARIABLE];
  if (chosen === undefined || chosen === '') {
    const found = findExecutable('docker');
    return found === undefined ? undefined : { ok: true, value: found };
  }
  try {
    if (!isAbsolute(chosen)) throw new Error('not an absolute path');
    accessSync(chosen, constants.X_OK);
    return { ok: true, value: chosen };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'engine/missing', line: `tki: ${DOCKER_EXECUTABLE_VARIABLE}=${JSON.stringify(chosen)} is not an executable docker CLI (${reason}); unset it to use the docker on PATH` } };
  }
}
