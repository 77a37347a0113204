import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../runtime/package-root.js';
import type { EngineResult } from './engine-types.js';

/** The one Containerfile of the local sandbox image (FROM scratch), shipped at the package root. */
export const SANDBOX_DOCKERFILE = 'Dockerfile.sandbox';

export function readSandboxDockerfile(): EngineResult<string> {
  const path = join(packageRoot(), SANDBOX_DOCKERFILE);
  try {
    return { ok: true, value: readFileSync(path, 'utf8') };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'runtime/missing', line: `tki: ${SANDBOX_DOCKERFILE}, which the podman and docker engines build the sandbox image from, cannot be read (${reason}); this tki install is incomplete: reinstall tki, or use --engine bwrap` } };
  }
}
