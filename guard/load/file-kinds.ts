import { closeSync, openSync, readSync } from 'node:fs';

/**
 * What the guard does with a file Node may load, by its name alone: parse it as code (TypeScript
 * by its extension, anything else as JavaScript, since CommonJS runs unknown extensions and
 * extensionless files as JavaScript), read it as data (JSON), or count it as native code.
 */
export type FileKind = 'code' | 'data' | 'native' | 'declaration';

/** Extensions a directory walk or a tsconfig contributes as code (declaration files carry none). */
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

export function fileKindOf(path: string): FileKind {
  if (/\.d\.[cm]?ts$/.test(path) || /\.d\.[^./]+\.ts$/.test(path)) return 'declaration';
  if (path.endsWith('.json')) return 'data';
  if (path.endsWith('.node')) return 'native';
  if (path.endsWith('.wasm')) return isWebAssembly(path) ? 'native' : 'code';
  return 'code';
}

/** WebAssembly's magic number, `\0asm`. */
const WASM_MAGIC = Buffer.from([0x00, 0x61, 0x73, 0x6d]);

/**
 * A `.wasm` file is native code only when its bytes are WebAssembly: CommonJS `require` (Node 20,
 * 22 and 24) has no `.wasm` loader and runs any other content as JavaScript, so a text file named
 * `mod.wasm` is code. An unreadable file stays native (NATIVE: never analyzed as clean).
 */
function isWebAssembly(path: string): boolean {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    const head = Buffer.alloc(4);
    return readSync(descriptor, head, 0, 4, 0) < 4 || head.equals(WASM_MAGIC);
  } catch {
    return true;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** A file a directory walk or a tsconfig names as a module to analyze. */
export function isSourceFile(path: string): boolean {
  return SOURCE_EXTENSIONS.some((extension) => path.endsWith(extension)) && fileKindOf(path) === 'code';
}
