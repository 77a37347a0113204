import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, findingKeys, guardDirectory } from '../guard/helpers.js';

/** A warm run does not re-cruise when the dependency structure is what it was. */
describe('dependency-cruiser result cache', () => {
  it('reuses the violations while the structure is unchanged, located in the current text, and cruises again when an edge changes', async () => {
    const directory = copyFixture('depcruise-cycle');
    const cold = await guardDirectory(directory, { cache: true });
    expect(findingKeys(cold)).toEqual(['src/a.ts:1 depcruise/no-circular -']);
    const stored = path.join(directory, 'node_modules/.cache/tki/depcruise-violations.json');
    const record = JSON.parse(readFileSync(stored, 'utf8')) as { key: string; violations: Array<{ rule: { name: string } }> };
    // A marker only the cache can produce: proof that the second run did not cruise.
    for (const violation of record.violations) violation.rule.name = 'cached-marker';
    writeFileSync(stored, JSON.stringify(record));

    writeFileSync(path.join(directory, 'src/a.ts'), `// a comment moves the import down\n${readFileSync(path.join(directory, 'src/a.ts'), 'utf8')}`);
    const warm = await guardDirectory(directory, { cache: true });
    expect(findingKeys(warm)).toEqual(['src/a.ts:2 depcruise/cached-marker -']);

    appendFileSync(path.join(directory, 'src/b.ts'), "\nimport './c.js';\n");
    writeFileSync(path.join(directory, 'src/c.ts'), 'export const c = 1;\n');
    const changed = await guardDirectory(directory, { cache: true });
    expect(findingKeys(changed)).toEqual(['src/a.ts:2 depcruise/no-circular -']);
  });
});
