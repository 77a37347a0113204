import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTypedDetector } from '../../guard/facts/typed.js';

describe('the typed detector finds a program file listed through a symbolic link', () => {
  it('by the real path the guard names the module by (it fell back to the syntactic detector)', () => {
    const directory = realpathSync(mkdtempSync(path.join(tmpdir(), 'tki-typed-link-')));
    mkdirSync(path.join(directory, 'real'));
    writeFileSync(path.join(directory, 'real/tool.ts'), "import { execSync } from 'node:child_process';\nexecSync('true');\n");
    symlinkSync('real', path.join(directory, 'link'));
    writeFileSync(path.join(directory, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, types: [] }, files: ['link/tool.ts'] }));
    const detector = createTypedDetector(path.join(directory, 'tsconfig.json'));
    const found = detector.sourceFileOf?.(path.join(directory, 'real/tool.ts'));
    expect(found?.fileName).toBe(path.join(directory, 'link/tool.ts'));
    // A file the program does not hold under any name stays outside it.
    expect(detector.sourceFileOf?.(path.join(directory, 'real/other.ts'))).toBeUndefined();
  });
});
