import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createResolver } from '../../guard/resolve/index.js';

/**
 * A tsconfig `paths` key that starts with `#` (red team 6, finding 5). tsc tries `paths` before
 * package.json `imports`; the order is asserted against tsc's own `--traceResolution`, never
 * assumed, then the guard's TypeScript view must land where tsc does.
 */
const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');

function project(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'tki-guard-hash-alias-')));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** Where tsc resolved `specifier`, from its trace. */
function tscResolution(root: string, specifier: string): string | undefined {
  const run = spawnSync(process.execPath, [tsc, '-p', root, '--traceResolution', '--noEmit'], { encoding: 'utf8' });
  const line = run.stdout.split('\n').find((text) => text.startsWith(`======== Module name '${specifier}' was successfully resolved to`));
  return line === undefined ? undefined : /resolved to '([^']+)'/.exec(line)?.[1];
}

const TSCONFIG = (paths: Record<string, string[]>): string =>
  JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, paths }, include: ['src'] });

function typeScriptTargets(root: string, specifier: string): string[] {
  const resolver = createResolver({ tsconfig: path.join(root, 'tsconfig.json') });
  const resolution = resolver.resolve(specifier, path.join(root, 'src/main.ts'), 'import');
  return resolution.targets.flatMap((target) => (target.kind === 'file' && target.loaders.includes('typescript') ? [target.path] : []));
}

describe('tsconfig paths keys starting with #', () => {
  it('tsc applies `paths` before package.json `imports`, and the guard reads the same file', () => {
    const root = project({
      'package.json': JSON.stringify({ name: 'alias', version: '1.0.0', type: 'module', imports: { '#lib': './src/via-imports.js' } }),
      'tsconfig.json': TSCONFIG({ '#lib': ['./src/via-paths.ts'] }),
      'src/via-paths.ts': 'export const where = "paths";\n',
      'src/via-imports.ts': 'export const where = "imports";\n',
      'src/main.ts': "import { where } from '#lib';\n\nexport const main = (): string => where;\n",
    });
    const expected = path.join(root, 'src/via-paths.ts');
    expect(tscResolution(root, '#lib')).toBe(expected);
    expect(typeScriptTargets(root, '#lib')).toEqual([expected]);
  });

  it('a # alias with no package.json `imports` resolves through `paths` alone, as in tsc', () => {
    const root = project({
      'package.json': JSON.stringify({ name: 'alias', version: '1.0.0', type: 'module' }),
      'tsconfig.json': TSCONFIG({ '#lib/*': ['./src/lib/*'] }),
      'src/lib/index.ts': 'export const one = 1;\n',
      'src/main.ts': "import { one } from '#lib/index.js';\n\nexport const main = (): number => one;\n",
    });
    const expected = path.join(root, 'src/lib/index.ts');
    expect(tscResolution(root, '#lib/index.js')).toBe(expected);
    expect(typeScriptTargets(root, '#lib/index.js')).toEqual([expected]);
  });
});
