import { appendFileSync, existsSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, findingKeys, guardDirectory } from './helpers.js';

/** The content cache: a warm run parses nothing, an edit re-parses exactly the edited file. */
describe('content cache (node_modules/.cache/tki/)', () => {
  it('parses every file cold, none warm, one after an edit, and keeps the findings identical', async () => {
    const directory = copyFixture('planted');
    const cold = await guardDirectory(directory, { cache: true });
    expect(cold.result.stats).toMatchObject({ files: 6, parsed: 6, cached: 0 });
    expect(existsSync(path.join(directory, 'node_modules/.cache/tki/guard-facts'))).toBe(true);

    const warm = await guardDirectory(directory, { cache: true });
    expect(warm.result.stats).toMatchObject({ parsed: 0, cached: 6 });
    expect(findingKeys(warm)).toEqual(findingKeys(cold));

    appendFileSync(path.join(directory, 'src/row31-raw-sql.ts'), "export const more = 'DELETE FROM packet_items';\n");
    const edited = await guardDirectory(directory, { cache: true });
    expect(edited.result.stats).toMatchObject({ parsed: 1, cached: 5 });
    expect(findingKeys(edited)).toContain('src/row31-raw-sql.ts:3 no-raw-sql DATABASE');
  });

  it('is invalidated by a policy change', async () => {
    const directory = copyFixture('planted');
    await guardDirectory(directory, { cache: true });
    const policyFile = path.join(directory, 'tki.policy.json');
    const policy = JSON.parse(readFileSync(policyFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(policyFile, JSON.stringify({ ...policy, inspectorFiles: [] }));
    const run = await guardDirectory(directory, { cache: true });
    expect(run.result.stats).toMatchObject({ parsed: 6, cached: 0 });
    expect(run.result.findings.some((finding) => finding.ruleId === 'no-raw-sql')).toBe(false);
  });

  it('writes where --cache-location says, and nothing in the default place', async () => {
    const directory = copyFixture('planted');
    const location = path.join(directory, 'elsewhere/cache');
    await guardDirectory(directory, { cache: true, cacheLocation: location });
    expect(existsSync(path.join(location, 'guard-facts'))).toBe(true);
    expect(existsSync(path.join(directory, 'node_modules/.cache/tki'))).toBe(false);
    const warm = await guardDirectory(directory, { cache: true, cacheLocation: location });
    expect(warm.result.stats).toMatchObject({ parsed: 0, cached: 6 });
  });

  it('survives a damaged cache file', async () => {
    const directory = copyFixture('planted');
    await guardDirectory(directory, { cache: true });
    const shards = path.join(directory, 'node_modules/.cache/tki/guard-facts');
    for (const shard of readdirSync(shards)) writeFileSync(path.join(shards, shard), '{ not json');
    const run = await guardDirectory(directory, { cache: true });
    expect(run.result.stats.parsed).toBe(6);
  });

  it('skips reading files whose stat stamp is unchanged, and still sees a same-size edit with the old mtime restored', async () => {
    const directory = copyFixture('planted');
    const file = path.join(directory, 'src/row31-raw-sql.ts');
    const past = new Date(Date.now() - 60_000);
    for (const name of readdirSync(path.join(directory, 'src'))) utimesSync(path.join(directory, 'src', name), past, past);
    await guardDirectory(directory, { cache: true });
    const stamped = await guardDirectory(directory, { cache: true });
    expect(stamped.result.stats).toMatchObject({ parsed: 0, cached: 6 });
    const text = readFileSync(file, 'utf8');
    const edit = text.replace('SELECT', 'DELETE');
    expect(edit.length).toBe(text.length);
    expect(edit).not.toBe(text);
    writeFileSync(file, edit);
    utimesSync(file, past, past);
    const edited = await guardDirectory(directory, { cache: true });
    expect(edited.result.stats).toMatchObject({ parsed: 1, cached: 5 });
  });
});
