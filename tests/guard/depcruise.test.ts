import path from 'node:path';
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';
import { describe, expect, it } from 'vitest';
import { POLICY_RULE_PREFIX, actionHoldersOf, capabilitiesOfRule, policyRules } from '../../guard/index.js';
import { STRICT_POLICY } from '../../policy/index.js';
import { parsePolicyText } from '../../policy/parse.js';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { findingKeys, guardDirectory, guardFixtures, repoRoot } from './helpers.js';

interface LoadedConfig {
  forbidden: Array<{ name: string; comment?: string; from: { path?: string; pathNot?: string | string[] } }>;
}

/** The config as dependency-cruiser itself loads it (it needs dist/: npm test builds first). */
const loadConfig = async (): Promise<LoadedConfig> => (await extractDepcruiseConfig(path.join(repoRoot, '.dependency-cruiser.cjs'))) as unknown as LoadedConfig;

describe('.dependency-cruiser.cjs', () => {
  it('carries exactly the rules tki.policy.json derives, after the hand-written layers', async () => {
    const parsed = parsePolicyText(readFileSync(path.join(repoRoot, 'tki.policy.json'), 'utf8'), 'tki.policy.json');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const config = await loadConfig();
    const generated = config.forbidden.filter((rule) => rule.name.startsWith(POLICY_RULE_PREFIX));
    expect(generated).toEqual(JSON.parse(JSON.stringify(policyRules(parsed.policy))));
    expect(config.forbidden.slice(0, config.forbidden.length - generated.length).map((rule) => rule.name)).toEqual([
      'inspector-not-to-harness',
      'inspector-fs-only-at-edges',
      'policy-is-plain-data',
      'no-circular',
    ]);
  });

  it('exempts from the inspector fs layering rule exactly the modules that declare actions', async () => {
    // Module summaries only: the syntactic detector (`--fast`) finds the same declared actions.
    const run = await guardDirectory(repoRoot, { input: { kind: 'project', tsconfig: 'tsconfig.json' }, depcruise: false, typed: false });
    const holders = Object.values(actionHoldersOf(run.result.modules)).flat().filter((file) => file.startsWith('src/'));
    const rule = (await loadConfig()).forbidden.find((candidate) => candidate.name === 'inspector-fs-only-at-edges');
    const exemption = new RegExp(String(rule?.from.pathNot));
    const inspectorFiles = run.result.modules.map((module) => module.file).filter((file) => file.startsWith('src/'));
    expect(holders.length).toBeGreaterThan(0);
    expect(inspectorFiles.filter((file) => exemption.test(file)).sort()).toEqual(holders.sort());
  });

  it('names every rule with a reason', async () => {
    for (const rule of (await loadConfig()).forbidden) expect(rule.comment?.length ?? 0).toBeGreaterThan(30);
  });
});

describe('policy-derived rules', () => {
  const rules = policyRules({ ...STRICT_POLICY, inspectorFiles: ['src/**'] });

  it('cover every builtin with a capability, with and without the node: prefix', () => {
    const core = rules.filter((rule) => rule.name.startsWith('from-policy-core-') && !rule.name.endsWith('-in-inspector'));
    const matches = (specifier: string): string[] => core.filter((rule) => new RegExp(String(rule.to['path'])).test(specifier)).map((rule) => rule.name);
    expect(matches('node:child_process')).toEqual(['from-policy-core-exec']);
    expect(matches('dgram')).toEqual(['from-policy-core-network']);
    expect(matches('path')).toEqual([]);
  });

  it('leave builtins with pure members to the member-precise detector', () => {
    const covers = (specifier: string): boolean => rules.some((rule) => new RegExp(String(rule.to['path'])).test(specifier));
    // http (STATUS_CODES, METHODS), net (isIP, BlockList) and os (EOL, platform) have pure members too.
    for (const specifier of ['fs', 'node:fs/promises', 'module', 'worker_threads', 'http', 'node:net', 'os']) expect(covers(specifier)).toBe(false);
  });

  it('forbid non-file capabilities inside the inspector outright, and leave file access to the layering rule', () => {
    const inside = rules.filter((rule) => rule.name.endsWith('-in-inspector')).map((rule) => rule.name);
    expect(inside).toContain('from-policy-core-network-in-inspector');
    expect(inside.some((name) => name.includes('package-files-read+files-write'))).toBe(false);
    for (const rule of rules.filter((candidate) => candidate.name.endsWith('-in-inspector'))) expect(rule.from).toEqual({ path: [String.raw`^src\/.*$`] });
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

describe('this project\'s layering rules', () => {
  it('reject inspector code that reaches the harness, at the import, through the guard', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'tki-guard-layers-'));
    mkdirSync(path.join(directory, 'src'));
    mkdirSync(path.join(directory, 'sandbox'));
    writeFileSync(path.join(directory, 'src/stage.ts'), "export const pure = 1;\nimport { launch } from '../sandbox/launch.js';\nexport const run = launch;\n");
    writeFileSync(path.join(directory, 'sandbox/launch.ts'), 'export const launch = (): number => 1;\n');
    writeFileSync(path.join(directory, '.dependency-cruiser.cjs'), `module.exports = require(${JSON.stringify(path.join(repoRoot, '.dependency-cruiser.cjs'))});\n`);
    writeFileSync(path.join(directory, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true }, include: ['src', 'sandbox'] }));
    // The config file is a source of the project too (what `eslint .` lints): left out here, as a project would.
    writeFileSync(path.join(directory, 'tki.policy.json'), JSON.stringify({ inspectorFiles: ['src/**'], ignore: ['.dependency-cruiser.cjs'] }));
    const run = await guardDirectory(directory, { input: { kind: 'project', tsconfig: 'tsconfig.json' } });
    expect(findingKeys(run)).toEqual(['src/stage.ts:2 depcruise/inspector-not-to-harness -']);
  });
});
