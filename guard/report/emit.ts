import { makeDirectories } from '../../policy/make-directories.js';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { GuardError } from '../errors.js';

/** Writes a report to `output` (its directory created), or to stdout when there is none. */
export function emit(text: string, output: string | null): GuardError | undefined {
  if (output === null) {
    process.stdout.write(text);
    return undefined;
  }
  try {
    makeDirectories(dirname(resolve(output)));
    writeFileSync(output, text);
    return undefined;
  } catch (error) {
    return { code: 'output/unwritable', file: output, detail: (error as Error).message };
  }
}
