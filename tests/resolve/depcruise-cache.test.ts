import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealOfThisUser } from '../../guard/cache/seal.js';
import { copyFixture, findingKeys, guardDirectory } from '../guard/helpers.js';

/** A warm run does not re-cruise when the dependency structure is what it was. */
describe('dependency-cruiser result cache', () => {
  it('reuses the violations while the structure is unchanged, located in the current text, and cruises again when an edge changes', async () => {
    const directory = copyFixture('depcruise-cycle');
    const cold = await guardDirectory(directory, { cache: true });
    expect(findingKeys(cold)).toEqual(['src/a.ts:1 depcruise/no-circular -']);
    const stored = path.join(directory, 'node_modules/.cache/tki/depcruise-violations.json');
    const seal = sealOfThisUser();
    if (seal === undefined) throw new Error('this user has no private cache secret: the cache under test cannot run');
    const record = JSON.parse(seal.openFile(stored) ?? 'null') as { key: string; violations: Array<{ rule: { name: string } }> };
    // A marker only the cache can produce, sealed with this user's secret: proof that the second run did not cruise.
    for (const violation of record.violations) violation.rule.name = 'cached-marker';
    writeFileSync(stored, seal.seal(JSON.stringify(record)));

    writeFileSync(path.join(directory, 'src/a.ts'), `// a comment moves the import down\n${readFileSync(path.join(directory, 'src/a.ts'), 'utf8')}`);
    const warm = await guardDirectory(directory, { cache: true });
    expect(findingKeys(warm)).toEqual(['src/a.ts:2 depcruise/cached-marker -']);

    appendFileSync(path.join(directory, 'src/b.ts'), "\nimport './c.js';\n");
    writeFileSync(path.join(directory, 'src/c.ts'), 'export const c = 1;\n');
    const changed = await guardDirectory(directory, { cache: true });
    expect(findingKeys(changed)).toEqual(['src/a.ts:2 depcruise/no-circular -']);
  });

  it('ignores a record the project planted: the key is a hash anyone can compute, the seal is not', async () => {
    const directory = copyFixture('depcruise-cycle');
    await guardDirectory(directory, { cache: true });
    const stored = path.join(directory, 'node_modules/.cache/tki/depcruise-violations.json');
    const sealed = readFileSync(stored, 'utf8');
    const body = JSON.parse(sealed.slice(sealed.indexOf('\n') + 1)) as { key: string; violations: unknown[] };
    for (const planted of [JSON.stringify({ key: body.key, violations: [] }), `tki-sealed-1 forged\n${JSON.stringify({ key: body.key, violations: [] })}`]) {
      writeFileSync(stored, planted);
      expect(findingKeys(await guardDirectory(directory, { cache: true }))).toEqual(['src/a.ts:1 depcruise/no-circular -']);
    }
    // dependency-cruiser's own cache is not in the project either.
    expect(existsSync(path.join(directory, 'node_modules/.cache/tki/depcruise'))).toBe(false);
  });
});
