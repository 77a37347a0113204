import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conditionSets, createResolver, exportsResolve, importsResolve, patternKeyCompare } from '../../guard/resolve/index.js';
import type { ResolvedTarget } from '../../guard/resolve/index.js';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tki-guard-resolve-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const nodeImport = conditionSets('import')[0] as ReadonlySet<string>;
const noBare = (): null => null;
const packageJson = new URL('file:///p/package.json');

describe('package.json exports and imports (Node semantics)', () => {
  it('takes the first active condition in written order, recursing into nested conditions', () => {
    const map = { '#a': { browser: './b.js', node: { import: './n.mjs', require: './n.cjs' }, default: './d.js' } };
    expect(importsResolve('#a', packageJson, map, nodeImport, noBare)?.toString()).toBe('file:///p/n.mjs');
    expect(importsResolve('#a', packageJson, map, conditionSets('require')[0] as ReadonlySet<string>, noBare)?.toString()).toBe('file:///p/n.cjs');
    expect(importsResolve('#a', packageJson, { '#a': { default: './d.js', node: './n.js' } }, nodeImport, noBare)?.toString()).toBe('file:///p/d.js');
  });

  it('prefers the longest pattern key whatever the written order, and decodes percent escapes', () => {
    const exportsField = { './*': './all/*.js', './lib/*': './lib/*.js', './lib/x/*.js': './deep/*.js' };
    expect(exportsResolve(packageJson, './lib/util', exportsField, nodeImport, noBare)?.toString()).toBe('file:///p/lib/util.js');
    expect(exportsResolve(packageJson, './lib/x/y.js', exportsField, nodeImport, noBare)?.toString()).toBe('file:///p/deep/y.js');
    expect(patternKeyCompare('./a/*', './*')).toBe(-1);
    expect(new URL(String(exportsResolve(packageJson, './%74x', { './*': './*.js' }, nodeImport, noBare))).pathname).toBe('/p/%74x.js');
  });

  it('falls back through arrays only for invalid targets, and rejects `..` and node_modules segments', () => {
    expect(exportsResolve(packageJson, '.', ['../escape.js', './ok.js'], nodeImport, noBare)?.toString()).toBe('file:///p/ok.js');
    expect(exportsResolve(packageJson, './x', { './*': './node_modules/*.js' }, nodeImport, noBare)).toBeNull();
    expect(exportsResolve(packageJson, './missing', { '.': './i.js' }, nodeImport, noBare)).toBeNull();
  });

  it('honours node-addons', () => {
    expect(exportsResolve(packageJson, '.', { 'node-addons': './addon.js', default: './js.js' }, nodeImport, noBare)?.toString()).toBe('file:///p/addon.js');
  });
});

describe('the resolver', () => {
  const root = project({
    'package.json': JSON.stringify({ name: 'app', exports: { './tools': './src/tools.js' }, imports: { '#net': { node: 'node:net', default: './stub.js' }, '#util/*': './src/util/*.js' } }),
    'src/app.ts': '',
    'src/main.js': '',
    'src/slug.ts': '',
    'src/slug.js': '',
    'src/tools.js': '',
    'src/util/text.ts': '',
    'src/util/text.js': '',
    'src/dir/index.ts': '',
    'src/store.cts': '',
    'src/store/index.js': '',
    'src/x.tpl': '',
    'src/%74ransport.mjs': '',
    'src/transport.mjs': '',
    'src/plugins.cts': '',
    'src/plugins/index.js': '',
    'src/addon.node': '',
    'node_modules/pkg/package.json': JSON.stringify({ exports: { '.': { node: './node.js', default: './web.js' }, './sub': './sub.js' } }),
    'node_modules/pkg/node.js': '',
    'node_modules/pkg/sub.js': '',
    'packages/ws/package.json': JSON.stringify({ name: 'ws', main: 'index.js' }),
    'packages/ws/index.js': '',
  });
  symlinkSync(path.join(root, 'packages/ws'), path.join(root, 'node_modules/ws'));
  const resolver = createResolver({ tsconfig: null });
  const at = (file: string): string => path.join(root, file);
  const targetsOf = (specifier: string, from: string, kind: 'import' | 'require' = 'import'): ResolvedTarget[] => [...resolver.resolve(specifier, at(from), kind).targets];

  it('analyzes both files when Node loads slug.js and TypeScript reads slug.ts, and says so', () => {
    const resolution = resolver.resolve('./slug.js', at('src/app.ts'), 'import');
    expect(resolution.targets.map((target) => target.kind !== 'external' && target.path).sort()).toEqual([at('src/slug.js'), at('src/slug.ts')]);
    expect(resolution.divergence).toBe('Node loads slug.js; TypeScript reads slug.ts');
  });

  it('follows require: trailing slash to the directory index, no .cts, unknown extensions as files', () => {
    expect(targetsOf('./plugins/', 'src/main.js', 'require')).toEqual([{ kind: 'file', path: at('src/plugins/index.js'), firstParty: true, loaders: ['node'] }]);
    // Node 20 never tries `.cts`; versions that strip types do: both files are analyzed.
    expect(targetsOf('./store', 'src/main.js', 'require')).toEqual([
      { kind: 'file', path: at('src/store/index.js'), firstParty: true, loaders: ['node'] },
      { kind: 'file', path: at('src/store.cts'), firstParty: true, loaders: ['node'] },
    ]);
    expect(targetsOf('./x.tpl', 'src/main.js', 'require')).toEqual([{ kind: 'file', path: at('src/x.tpl'), firstParty: true, loaders: ['node'] }]);
    expect(targetsOf('./addon.node', 'src/main.js', 'require')).toEqual([{ kind: 'native', path: at('src/addon.node'), firstParty: true }]);
  });

  it('decodes percent escapes in ESM specifiers as Node does', () => {
    expect(targetsOf('./%74ransport.mjs', 'src/main.js')).toEqual([{ kind: 'file', path: at('src/transport.mjs'), firstParty: true, loaders: ['node'] }]);
  });

  it('resolves imports, self-reference and workspace symlinks into first-party files', () => {
    expect(targetsOf('#util/text', 'src/main.js')).toEqual([{ kind: 'file', path: at('src/util/text.js'), firstParty: true, loaders: ['node'] }]);
    expect(targetsOf('#net', 'src/main.js')).toEqual([{ kind: 'external', specifier: 'node:net' }]);
    expect(targetsOf('#nothing', 'src/main.js')).toEqual([]);
    expect(targetsOf('app/tools', 'src/main.js')).toEqual([{ kind: 'file', path: at('src/tools.js'), firstParty: true, loaders: ['node'] }]);
    expect(targetsOf('ws', 'src/main.js', 'require')).toEqual([{ kind: 'file', path: at('packages/ws/index.js'), firstParty: true, loaders: ['node'] }]);
  });

  it('keeps packages external and builtins builtin', () => {
    expect(targetsOf('node:fs', 'src/main.js')).toEqual([{ kind: 'external', specifier: 'node:fs' }]);
    expect(targetsOf('fs', 'src/main.js', 'require')).toEqual([{ kind: 'external', specifier: 'node:fs' }]);
    expect(targetsOf('pkg', 'src/main.js')).toEqual([{ kind: 'file', path: at('node_modules/pkg/node.js'), firstParty: false, loaders: ['node'] }, { kind: 'external', specifier: 'pkg' }]);
    expect(targetsOf('not-installed', 'src/main.js')).toEqual([{ kind: 'external', specifier: 'not-installed' }]);
  });
});
