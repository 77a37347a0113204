import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Tree } from './tree-arbitrary.js';

/**
 * The load oracle: every generated file records its own path when Node evaluates it (from its
 * own stack frame, which works in CommonJS and ESM alike), and one child `node` runs the entry.
 * What it prints is exactly the set of files Node loaded; `import.meta.resolve` could not say
 * that (it checks no existence and knows nothing of extensions CommonJS runs as JavaScript).
 */
const RECORD = "(globalThis.__tkiLoaded ??= []).push(new Error().stack.split('\\n')[1]);";
const LOGGER = "process.on('exit', () => { require('node:fs').writeSync(1, JSON.stringify(globalThis.__tkiLoaded ?? [])); });";

function sourceOf(references: Tree['files'] extends ReadonlyMap<string, infer R> ? R : never): string {
  const lines = [RECORD];
  for (const { kind, specifier } of references) {
    const literal = JSON.stringify(specifier);
    lines.push(kind === 'require' ? `try { require(${literal}); } catch {}` : `import(${literal}).catch(() => {});`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes the tree into a fresh directory; returns its real path. */
export function materialize(tree: Tree): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'tki-differential-')));
  for (const [file, references] of tree.files) {
    const absolute = path.join(root, file);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, file.endsWith('.json') ? '{}\n' : sourceOf(references));
  }
  for (const [folder, manifest] of tree.manifests) {
    mkdirSync(path.join(root, folder), { recursive: true });
    writeFileSync(path.join(root, folder, 'package.json'), JSON.stringify(manifest, null, 2));
  }
  writeFileSync(path.join(root, '.tki-logger.cjs'), LOGGER);
  return root;
}

function pathOfFrame(frame: string): string | undefined {
  const match = /(file:\/\/[^\s)]+|\/[^\s()]+?):\d+:\d+\)?\s*$/.exec(frame);
  if (match === null) return undefined;
  const location = match[1] as string;
  return location.startsWith('file:') ? fileURLToPath(location) : location;
}

/** Runs the entry in a child node; the real paths of the files it evaluated. */
export function filesNodeLoads(root: string, entry: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--require', path.join(root, '.tki-logger.cjs'), path.join(root, entry)], { cwd: root, timeout: 20_000, env: { PATH: process.env['PATH'] ?? '' } }, (error, stdout) => {
      const output = stdout.trim();
      if (output === '' && error !== null && error.killed) {
        reject(new Error(`node did not finish for ${root}`));
        return;
      }
      let frames: unknown;
      try {
        frames = JSON.parse(output.slice(output.lastIndexOf('[')));
      } catch {
        reject(new Error(`no load record from node for ${root}: ${output.slice(0, 200)}`));
        return;
      }
      const files = (frames as string[]).map(pathOfFrame).filter((file): file is string => file !== undefined && file.startsWith(`${root}/`));
      resolve([...new Set(files.map((file) => realpathSync(file)))].sort());
    });
  });
}
