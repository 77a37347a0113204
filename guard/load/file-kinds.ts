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
  if (path.endsWith('.node') || path.endsWith('.wasm')) return 'native';
  return 'code';
}

/** A file a directory walk or a tsconfig names as a module to analyze. */
export function isSourceFile(path: string): boolean {
  return SOURCE_EXTENSIONS.some((extension) => path.endsWith(extension)) && fileKindOf(path) === 'code';
}
