/**
 * Choice 91 (session 20, red team round 19's `fold19-patch-*`): the constant folder trusts the builtins
 * it runs only while every module of the program is one the guard reads. A package it does not read
 * (no `--deps`), or a load nothing resolves, may replace any builtin before a read module folds a call
 * of it: each fold site is then UNANALYZED. A program of read modules and builtins keeps the fold.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingKeys, guardDirectory } from './helpers.js';

function project(files: Record<string, string>): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'tki-untrusted-folds-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    writeFileSync(path.join(directory, name), text);
  }
  return directory;
}

const PACKAGE = {
  'node_modules/shim/package.json': '{ "name": "shim", "version": "1.0.0", "main": "index.js" }',
  'node_modules/shim/index.js': "module.exports = 'shim';\n",
};

describe('a fold in a program that loads a module the guard does not read is UNANALYZED', () => {
  it('a package loaded by the entry, a fold in a sibling that loads nothing (JSON.parse)', async () => {
    const run = await guardDirectory(project({ ...PACKAGE, 'entry.cjs': "require('shim');\nrequire('./target.cjs');\n", 'target.cjs': "const p = require(JSON.parse('\"node:path\"'));\nmodule.exports = p.sep;\n" }));
    expect(findingKeys(run)).toContain('target.cjs:1 cross-module-capability UNANALYZED');
  });

  it('a relative load nothing resolves, a fold of a process key (toLowerCase)', async () => {
    const run = await guardDirectory(project({ 'entry.cjs': "require('./gone.cjs');\nrequire('./target.cjs');\n", 'target.cjs': "module.exports = process['PID'.toLowerCase()];\n" }));
    expect(findingKeys(run)).toContain('target.cjs:1 cross-module-capability UNANALYZED');
  });

  it('with --deps the package is read, and a package that replaces nothing keeps the fold', async () => {
    const run = await guardDirectory(project({ ...PACKAGE, 'entry.cjs': "require('shim');\nrequire('./target.cjs');\n", 'target.cjs': "const p = require(' node:path '.trim());\nmodule.exports = p.sep;\n" }), { deps: true });
    expect(findingKeys(run).filter((key) => key.includes('UNANALYZED'))).toEqual([]);
  });
});

describe('look-alikes: a program of read modules and builtins keeps the fold', () => {
  it('a local module and node:util loaded, a fold in a sibling', async () => {
    const run = await guardDirectory(project({ 'entry.cjs': "require('node:util');\nrequire('./helper.cjs');\nrequire('./target.cjs');\n", 'helper.cjs': 'module.exports = 1;\n', 'target.cjs': "const p = require(' node:path '.trim());\nmodule.exports = p.sep;\n" }));
    expect(findingKeys(run)).toEqual([]);
  });

  it('a package loaded by a part of the program no edge joins to the folding module', async () => {
    const run = await guardDirectory(project({ ...PACKAGE, 'tool.cjs': "require('shim');\n", 'entry.cjs': "require('./target.cjs');\n", 'target.cjs': "const p = require(' node:path '.trim());\nmodule.exports = p.sep;\n" }));
    expect(findingKeys(run).filter((key) => key.includes('UNANALYZED'))).toEqual([]);
  });

  it('a package loaded but no builtin call folded anywhere', async () => {
    const run = await guardDirectory(project({ ...PACKAGE, 'entry.cjs': "require('shim');\nconst p = require('node:' + 'path');\nmodule.exports = p.sep;\n" }));
    expect(findingKeys(run).filter((key) => key.includes('cross-module-capability'))).toEqual([]);
  });
});
