import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingKeys, guardDirectory } from '../guard/helpers.js';

/** A project opened through a symlinked folder: every module once, under the path the user gave. */
describe('a project root reached through a symbolic link', () => {
  it('names every module under the given root and analyzes each once', async () => {
    const real = mkdtempSync(path.join(tmpdir(), 'tki-resolve-real-'));
    mkdirSync(path.join(real, 'src'));
    writeFileSync(path.join(real, 'src/app.ts'), "import { open } from './net.js';\nopen();\n");
    writeFileSync(path.join(real, 'src/net.ts'), "import { connect } from 'node:net';\nexport const open = connect;\n");
    const link = path.join(mkdtempSync(path.join(tmpdir(), 'tki-resolve-link-')), 'project');
    symlinkSync(real, link);
    const run = await guardDirectory(link, { depcruise: false });
    expect(findingKeys(run)).toEqual(['src/app.ts:1 transitive-capability NETWORK', 'src/net.ts:1 no-forbidden-capability NETWORK']);
    expect(run.result.stats.files).toBe(2);
  });
});
