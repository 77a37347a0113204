import { basename, dirname, isAbsolute, resolve as resolvePath } from 'node:path';
import { BOOLEAN_OPTIONS } from '../../analysis/syntax/child-entries-options.js';
import type { FileProbe } from './file-probe.js';
import type { Resolution } from './types.js';

/** What a program file's first line makes of it when it is started by its path. */
export type Interpreter = 'node' | 'node-unplaced' | 'other';

/** Interpreters that run the file as Node code, by file name (`/usr/bin/node`, `/opt/node/bin/nodejs`, `env node`, `env tsx`). */
const NODE_PROGRAMS = /^(node|nodejs|tsx|ts-node|ts-node-esm|ts-node-script)$/;
/** `env` options followed by a value (`env -u NAME node`). */
const ENV_OPTIONS_WITH_VALUE = new Set(['-u', '--unset', '-C', '--chdir']);
/** Node options that load no code and open nothing: anything else in a `#!` line is a setting the guard does not follow. */
const INERT_NODE_OPTIONS = new Set([...BOOLEAN_OPTIONS].filter((option) => !/^--(inspect|allow-|expose-internals|experimental-network-imports|watch)/.test(option) && option !== '-c' && option !== '--check'));

/** The interpreter's words after `env`'s own options: `env -S node --flag`, `env -i node`, `env -Snode`. */
function afterEnv(words: readonly string[]): { words: readonly string[]; assigns: boolean } {
  const rest = [...words];
  let assigns = false;
  while (rest.length > 0) {
    const word = rest[0] as string;
    if (word.startsWith('-S') && word.length > 2) rest[0] = word.slice(2);
    else if (ENV_OPTIONS_WITH_VALUE.has(word)) rest.splice(0, 2);
    else if (word.startsWith('-')) rest.shift();
    else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) {
      // `env NODE_OPTIONS=--require=x node`: an environment the child starts with.
      assigns = true;
      rest.shift();
    } else break;
  }
  return { words: rest, assigns };
}

/**
 * The kernel runs a file that starts with `#!` through the interpreter that line names (the
 * first line, up to 256 bytes); a
 * file without one is a binary, or (ENOEXEC) run by a shell: never Node. A Node interpreter
 * (`#!/usr/bin/env node`, `#!/usr/bin/node`, `#!/usr/bin/env -S node --no-warnings`) makes the
 * file a Node entry; Node options the guard does not follow (a preload, `NODE_OPTIONS=` through
 * `env`) leave it `node-unplaced`, which fails closed.
 */
export function interpreterOf(head: string): Interpreter {
  if (!head.startsWith('#!')) return 'other';
  const line = (head.slice(2).split('\n')[0] ?? '').trim();
  const [program = '', ...rest] = line.split(/[ \t\r]+/).filter((word) => word !== '');
  let words: readonly string[] = [program, ...rest];
  let assigns = false;
  if (basename(program) === 'env') ({ words, assigns } = afterEnv(rest));
  const [interpreter, ...options] = words;
  if (interpreter === undefined || !NODE_PROGRAMS.test(basename(interpreter))) return 'other';
  return assigns || options.some((option) => !INERT_NODE_OPTIONS.has(option)) ? 'node-unplaced' : 'node';
}

/**
 * Where a program started by its path leads (`spawn(path.join(__dirname, 'tool'))`): a Node
 * script is a file target, analyzed as the child's entry; another program (a binary, a shell
 * or Python script) is the starter's EXEC and no edge; a file the guard cannot read, or a Node
 * line with settings it does not follow, resolves to nothing: UNANALYZED.
 */
export function resolveSpawnedExecutable(probe: FileProbe, specifier: string, from: string): Resolution {
  const file = isAbsolute(specifier) ? specifier : resolvePath(dirname(from), specifier);
  if (!probe.isFile(file)) return { targets: [] };
  const path = probe.realpath(file);
  const head = probe.head(path);
  if (head === undefined) return { targets: [] };
  const interpreter = interpreterOf(head);
  if (interpreter === 'other') return { targets: [], externalProgram: true };
  if (interpreter === 'node-unplaced') return { targets: [] };
  return { targets: [{ kind: 'file', path, firstParty: !path.includes('/node_modules/'), loaders: ['node'] }] };
}
