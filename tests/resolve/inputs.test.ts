import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../policy/zod-jitless.js';
import { formatGuardError, runGuard } from '../../guard/index.js';
import { findingKeys } from '../guard/helpers.js';

function directoryWith(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tki-resolve-inputs-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  return root;
}

describe('files named on the command line', () => {
  const root = directoryWith({
    cli: "#!/usr/bin/env node\nrequire('node:child_process').execSync('id');\n",
    'addon.node': 'binary',
    'data.json': '{}',
  });
  chmodSync(path.join(root, 'cli'), 0o755);
  const run = (paths: string[]): ReturnType<typeof runGuard> => runGuard({ input: { kind: 'paths', paths }, cwd: root, cache: false, depcruise: false });

  it('analyzes an extensionless shebang script as JavaScript', async () => {
    const result = await run(['cli']);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(findingKeys(result.value)).toEqual(['cli:2 no-forbidden-capability EXEC']);
    expect(result.value.result.stats.files).toBe(1);
  });

  it('finds the same script in a directory walk', async () => {
    const result = await run(['.']);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(findingKeys(result.value)).toEqual(['cli:2 no-forbidden-capability EXEC']);
  });

  it('refuses a native addon or a JSON file with exit 2 and a reason, never "no findings in 0 modules"', async () => {
    for (const [name, reason] of [['addon.node', 'native code'], ['data.json', 'no code']] as const) {
      const result = await run([name]);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(formatGuardError(result.error)).toContain(reason);
    }
  });
});
