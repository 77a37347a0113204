/**
 * Session 18 (choice 79): `node:process` handed to another module was only the module's SYSTEM row,
 * so what the receiving module read through its parameter (`x.env`, `x.dlopen`) reached nothing in
 * either module. Handed on whole it is now UNANALYZED where it is handed, as the global is.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guardDirectory } from './helpers.js';

async function capabilitiesOf(files: Record<string, string>, file: string): Promise<string[]> {
  const directory = mkdtempSync(path.join(tmpdir(), 'tki-process-values-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(directory, name), text);
  const run = await guardDirectory(directory);
  return [...(run.result.modules.find((module) => module.file === file)?.capabilities ?? [])];
}

const RECEIVER = "export function use(host) { host.dlopen({}, '/tmp/x.node'); return host.env.HOME; }\n";

describe('node:process handed to another module', () => {
  it.each([
    ['a default import', "import p from 'node:process';\nimport { use } from './use.mjs';\nuse(p);\n"],
    ['a namespace import', "import * as p from 'node:process';\nimport { use } from './use.mjs';\nuse(p);\n"],
    ['an alias of the import', "import p from 'node:process';\nimport { use } from './use.mjs';\nconst host = p;\nuse(host);\n"],
  ])('%s is UNANALYZED where it is handed on', async (_name, text) => {
    expect(await capabilitiesOf({ 'main.mjs': text, 'use.mjs': RECEIVER }, 'main.mjs')).toContain('UNANALYZED');
  });
});
