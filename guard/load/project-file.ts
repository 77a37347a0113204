import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { InputRequest } from './inputs.js';

/**
 * `-p DIR` names `DIR/tsconfig.json`, as `tsc -p DIR` does (it was "Cannot read file 'DIR'"). Kept
 * apart from inputs.ts so the CLI can apply it before TypeScript loads.
 */
export function withProjectFile(input: InputRequest, cwd: string): InputRequest {
  if (input.kind !== 'project') return input;
  const named = resolve(cwd, input.tsconfig);
  return statSync(named, { throwIfNoEntry: false })?.isDirectory() === true ? { kind: 'project', tsconfig: join(named, 'tsconfig.json') } : input;
}
