import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_RULE_PREFIX, actionHoldersOf, capabilitiesOfRule, depcruiseRulesFor, policyRules } from '../../guard/index.js';
import { STRICT_POLICY } from '../../policy/index.js';
import { findingKeys, guardDirectory, guardFixtures, repoRoot } from './helpers.js';

interface LoadedConfig {
  forbidden: Array<{ name: string; from: { path?: string; pathNot?: string | string[] } }>;
}

const loadConfig = (): LoadedConfig => createRequire(import.meta.url)(path.join(repoRoot, '.dependency-cruiser.cjs')) as LoadedConfig;

describe('.dependency-cruiser.cjs', () => {
  it('embeds exactly the rules the policy derives (regenerate: node dist/guard/cli.js --update-depcruise-config)', async () => {
    const derived = await depcruiseRulesFor({ input: { kind: 'project', tsconfig: 'tsconfig.json' }, cwd: repoRoot, cache: false });
    if (!derived.ok) throw new Error(JSON.stringify(derived.error));
    const embedded = loadConfig().forbidden.filter((rule) => rule.name.startsWith(POLICY_RULE_PREFIX));
    expect(embedded).toEqual(JSON.parse(JSON.stringify(derived.value.rules)));
  });

  it('exempts from the inspector fs layering rule exactly the modules that declare actions', async () => {
    const run = await guardDirectory(repoRoot, { input: { kind: 'project', tsconfig: 'tsconfig.json' }, depcruise: false });
    const holders = Object.values(actionHoldersOf(run.result.modules)).flat().filter((file) => file.startsWith('src/'));
    const rule = loadConfig().forbidden.find((candidate) => candidate.name === 'inspector-fs-only-at-edges');
    const exemption = new RegExp(String(rule?.from.pathNot));
    const inspectorFiles = run.result.modules.map((module) => module.file).filter((file) => file.startsWith('src/'));
    expect(inspectorFiles.filter((file) => exemption.test(file)).sort()).toEqual(holders.sort());
  });

  it('names every layering rule with a reason', () => {
    for (const rule of loadConfig().forbidden as Array<{ name: string; comment?: string }>) expect(rule.comment?.length ?? 0).toBeGreaterThan(30);
  });
});

describe('policy-derived rules', () => {
  const rules = policyRules(STRICT_POLICY, { READ_PACKET_ITEM: ['src/io/reader.ts'] });

  it('cover every builtin with a capability, with and without the node: prefix', () => {
    const core = rules.filter((rule) => rule.name.startsWith('from-policy-core-') && !rule.name.endsWith('-in-inspector'));
    const matches = (specifier: string): string[] => core.filter((rule) => new RegExp(String(rule.to['path'])).test(specifier)).map((rule) => rule.name);
    expect(matches('fs')).toEqual(['from-policy-core-files-read+files-write']);
    expect(matches('node:child_process')).toEqual(['from-policy-core-exec']);
    expect(matches('path')).toEqual([]);
  });

  it('map rule names back to capabilities', () => {
    expect(capabilitiesOfRule('from-policy-core-files-read+files-write-in-inspector')).toEqual(['FILES_READ', 'FILES_WRITE']);
    expect(capabilitiesOfRule('from-policy-package-not-allowed')).toEqual(['UNKNOWN_PACKAGE']);
    expect(capabilitiesOfRule('no-circular')).toEqual([]);
  });
});

describe('dependency-cruiser folded into the report', () => {
  it('reports a cycle from the fixture config with its location and path', async () => {
    const run = await guardDirectory(path.join(guardFixtures, 'depcruise-cycle'));
    expect(findingKeys(run)).toEqual(['src/a.ts:1 depcruise/no-circular -']);
    expect(run.result.findings[0]?.witness).toEqual(['src/a.ts', 'src/b.ts', 'src/a.ts']);
  });
});
