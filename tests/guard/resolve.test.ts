import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conditionsFor, matchSubpath } from '../../guard/graph/conditions.js';
import { createFileProbe } from '../../guard/graph/file-probe.js';
import { resolvePackageFile, resolveSpecifier } from '../../guard/graph/resolve.js';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tki-guard-resolve-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('package.json conditions (node)', () => {
  const node = conditionsFor('import');

  it('takes the first active key in written order, recursing into nested conditions', () => {
    expect(matchSubpath({ '#a': { browser: './b.js', node: { import: './n.mjs', require: './n.cjs' }, default: './d.js' } }, '#a', node)).toBe('./n.mjs');
    expect(matchSubpath({ '#a': { browser: './b.js', node: { import: './n.mjs', require: './n.cjs' } } }, '#a', conditionsFor('require'))).toBe('./n.cjs');
    expect(matchSubpath({ '#a': { default: './d.js', node: './n.js' } }, '#a', node)).toBe('./d.js');
  });

  it('substitutes `*` patterns, preferring the longest prefix, and falls back through arrays', () => {
    const map = { '#lib/*': './src/*.js', '#lib/internal/*': './src/private/*.js', '#x': [{ browser: './b.js' }, './fallback.js'] };
    expect(matchSubpath(map, '#lib/util', node)).toBe('./src/util.js');
    expect(matchSubpath(map, '#lib/internal/net', node)).toBe('./src/private/net.js');
    expect(matchSubpath(map, '#x', node)).toBe('./fallback.js');
    expect(matchSubpath(map, '#missing', node)).toBeUndefined();
  });
});

describe('specifier resolution', () => {
  const root = project({
    'package.json': JSON.stringify({ imports: { '#net': { node: 'node:net', default: './stub.js' }, '#util/*': './src/util/*.js' } }),
    'src/app.ts': '',
    'src/util/text.ts': '',
    'src/dir/index.ts': '',
    'src/legacy.cjs': '',
    'src/data.json': '{}',
    'node_modules/pkg/package.json': JSON.stringify({ exports: { '.': { node: './node.js', default: './web.js' }, './sub': './sub.js' } }),
    'node_modules/pkg/node.js': '',
    'node_modules/pkg/sub.js': '',
    'node_modules/old/package.json': JSON.stringify({ main: 'lib/main.js' }),
    'node_modules/old/lib/main.js': '',
  });
  const probe = createFileProbe();
  const from = path.join(root, 'src/app.ts');
  const resolve = (specifier: string): unknown => resolveSpecifier(probe, specifier, from, 'import');

  it('maps `.js` written in TypeScript to the `.ts` source, and finds directory indexes, CommonJS and JSON', () => {
    expect(resolve('./util/text.js')).toEqual({ kind: 'file', path: path.join(root, 'src/util/text.ts') });
    expect(resolve('./dir')).toEqual({ kind: 'file', path: path.join(root, 'src/dir/index.ts') });
    expect(resolve('./legacy.cjs')).toEqual({ kind: 'file', path: path.join(root, 'src/legacy.cjs') });
    expect(resolve('./data.json')).toEqual({ kind: 'file', path: path.join(root, 'src/data.json') });
    expect(resolve('./missing.js')).toEqual({ kind: 'unresolved' });
  });

  it('resolves package.json imports with the node condition, to files or to builtins', () => {
    expect(resolve('#net')).toEqual({ kind: 'external', specifier: 'node:net' });
    expect(resolve('#util/text')).toEqual({ kind: 'file', path: path.join(root, 'src/util/text.ts') });
    expect(resolve('#nothing')).toEqual({ kind: 'unresolved' });
  });

  it('leaves builtins and packages external, and finds a package file for --deps', () => {
    expect(resolve('node:fs')).toEqual({ kind: 'external', specifier: 'node:fs' });
    expect(resolve('pkg')).toEqual({ kind: 'external', specifier: 'pkg' });
    expect(resolvePackageFile(probe, 'pkg', from, 'import')).toBe(path.join(root, 'node_modules/pkg/node.js'));
    expect(resolvePackageFile(probe, 'pkg/sub', from, 'import')).toBe(path.join(root, 'node_modules/pkg/sub.js'));
    expect(resolvePackageFile(probe, 'old', from, 'require')).toBe(path.join(root, 'node_modules/old/lib/main.js'));
    expect(resolvePackageFile(probe, 'node:fs', from, 'import')).toBeUndefined();
  });
});
