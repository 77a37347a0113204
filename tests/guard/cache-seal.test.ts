import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFactsCache } from '../../guard/cache/store.js';
import { createCacheSeal, loadCacheSecret } from '../../guard/cache/seal.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';
import type { ModuleFacts } from '../../guard/types.js';
import { copyFixture, guardDirectory } from './helpers.js';

/**
 * The cache lives where the analyzed change can write; its files are sealed with this user's
 * secret, so facts planted by a change under review are ignored (guard/cache/seal.ts).
 */
const work = mkdtempSync(path.join(tmpdir(), 'tki-cache-seal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CLEAN = { capabilities: [] } as unknown as ModuleFacts;

describe('sealed facts cache', () => {
  it('reads back what the same secret sealed, and nothing another secret or no seal wrote', () => {
    const directory = path.join(work, 'cache');
    const mine = createCacheSeal(Buffer.alloc(32, 1));
    const writer = openFactsCache(work, RECOMMENDED_POLICY, directory, mine);
    writer.set('src/a.ts', 'hash-a', CLEAN, false);
    writer.save();
    expect(openFactsCache(work, RECOMMENDED_POLICY, directory, mine).get('src/a.ts', 'hash-a')).toEqual(CLEAN);
    expect(openFactsCache(work, RECOMMENDED_POLICY, directory, createCacheSeal(Buffer.alloc(32, 2))).get('src/a.ts', 'hash-a')).toBeUndefined();
    // An attacker who knows the format but not the secret: the plain JSON shard is ignored.
    const shards = path.join(directory, 'guard-facts');
    for (const shard of readdirSync(shards)) {
      const sealed = readFileSync(path.join(shards, shard), 'utf8');
      writeFileSync(path.join(shards, shard), sealed.slice(sealed.indexOf('\n') + 1));
    }
    expect(openFactsCache(work, RECOMMENDED_POLICY, directory, mine).get('src/a.ts', 'hash-a')).toBeUndefined();
  });

  it('a planted cache cannot hide a finding in a real run', async () => {
    const directory = copyFixture('planted');
    const cold = await guardDirectory(directory, { cache: true });
    expect(cold.result.findings.length).toBeGreaterThan(0);
    // Replace every cached entry's facts with empty ones, keeping the shape, without the secret.
    const shards = path.join(directory, 'node_modules/.cache/tki/guard-facts');
    for (const shard of readdirSync(shards)) {
      const text = readFileSync(path.join(shards, shard), 'utf8');
      const body = JSON.parse(text.slice(text.indexOf('\n') + 1)) as { key: string; files: Record<string, { hash: string; facts: unknown }> };
      for (const entry of Object.values(body.files)) entry.facts = { ...(entry.facts as object), capabilities: [], uses: [], references: [] };
      writeFileSync(path.join(shards, shard), JSON.stringify(body));
    }
    const planted = await guardDirectory(directory, { cache: true });
    expect(planted.result.stats.parsed).toBe(cold.result.stats.parsed);
    expect(planted.result.findings).toEqual(cold.result.findings);
  });
});

describe("the user's secret", () => {
  it('is made once, 32 bytes, mode 0600, in a directory only the user can write', () => {
    const base = path.join(work, 'user-cache', 'tki');
    const first = loadCacheSecret(base);
    expect(first?.length).toBe(32);
    expect(statSync(path.join(base, 'cache-secret')).mode & 0o777).toBe(0o600);
    expect(loadCacheSecret(base)).toEqual(first);
  });

  it('is refused when others can read it or write its directory (the run is then uncached)', () => {
    const base = path.join(work, 'loose', 'tki');
    mkdirSync(base, { recursive: true });
    expect(loadCacheSecret(base)).toBeDefined();
    chmodSync(path.join(base, 'cache-secret'), 0o644);
    expect(loadCacheSecret(base)).toBeUndefined();
    chmodSync(path.join(base, 'cache-secret'), 0o600);
    chmodSync(base, 0o777);
    expect(loadCacheSecret(base)).toBeUndefined();
  });
});
