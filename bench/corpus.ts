import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The real codebase the static benchmarks run on: the ESM sources of date-fns, installed by npm.
 * ESLint never lints inside node_modules and the guard's warm run edits a file, so each benchmark
 * works on a private temporary copy (with package.json, so module resolution behaves as installed).
 */
const DATE_FNS = path.resolve('node_modules/date-fns');

export interface Corpus {
  readonly directory: string;
  readonly files: string[];
}

export function copyDateFns(prefix: string, options: { locales: boolean }): Corpus {
  const directory = mkdtempSync(path.join(tmpdir(), prefix));
  const names = (readdirSync(DATE_FNS, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.js') && (options.locales || !name.startsWith('locale')))
    .sort();
  for (const name of names) {
    mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    copyFileSync(path.join(DATE_FNS, name), path.join(directory, name));
  }
  copyFileSync(path.join(DATE_FNS, 'package.json'), path.join(directory, 'package.json'));
  // As installed: the guard keeps its cache in the project's node_modules (bench/guard.ts clears it there).
  mkdirSync(path.join(directory, 'node_modules'));
  return { directory, files: names.map((name) => path.join(directory, name)) };
}

/**
 * The heavy corpus of the guard benchmark: typeorm 1.1.1's shipped JavaScript (CommonJS, with its
 * ESM index) plus effect 4.1.0's TypeScript sources, 1,556 files, both pinned in devDependencies.
 * Given to the guard as a directory: syntactic mode, no dependency-cruiser config.
 */
export function copyHeavyCorpus(prefix: string): Corpus {
  const directory = mkdtempSync(path.join(tmpdir(), prefix));
  const files: string[] = [];
  const copy = (from: string, to: string, keep: (name: string) => boolean): void => {
    for (const name of (readdirSync(from, { recursive: true }) as string[]).filter(keep).sort()) {
      const target = path.join(directory, to, name);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(path.join(from, name), target);
      if (!name.endsWith('package.json')) files.push(target);
    }
  };
  copy(path.resolve('node_modules/typeorm'), 'typeorm', (name) => /\.(?:m?js)$/.test(name) || name === 'package.json');
  copy(path.resolve('node_modules/effect/src'), 'effect/src', (name) => name.endsWith('.ts'));
  copyFileSync(path.resolve('node_modules/effect/package.json'), path.join(directory, 'effect/package.json'));
  mkdirSync(path.join(directory, 'node_modules'));
  return { directory, files };
}
