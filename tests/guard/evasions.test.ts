import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyConfigSchema } from '../../policy/schema.js';
import { CROSS_MODULE_TABLE } from '../../fixtures/evasions/cross-module/table.js';
import { EVASION_POLICY, EVASION_TABLE, EVASION_TSCONFIG, typedExpectation } from '../../fixtures/evasions/table.js';
import { createTypedDetector } from '../../guard/facts/typed.js';
import { runGuard } from '../../guard/index.js';
import { findingKeys, guardDirectory, repoRoot } from './helpers.js';

const DETECTOR_RULES = new Set(['no-forbidden-capability', 'allowed-actions', 'no-dynamic-code', 'no-exit-zero', 'no-positive-verdict-token', 'no-raw-sql', 'no-global-denial-wording']);

describe('fixtures/evasions through tki-guard (the guard column)', async () => {
  const evasions = path.join(repoRoot, 'fixtures/evasions');
  const run = await runGuard({
    input: { kind: 'paths', paths: EVASION_TABLE.map((row) => path.join(evasions, row.file)) },
    cwd: repoRoot,
    cache: false,
    depcruise: false,
    policy: policyConfigSchema.parse(EVASION_POLICY),
  });
  if (!run.ok) throw new Error(JSON.stringify(run.error));

  it.each(EVASION_TABLE.map((row) => [row.file, row] as const))('%s', (file, row) => {
    const ruleIds = new Set(run.value.result.findings.filter((finding) => finding.file === `fixtures/evasions/${file}`).map((finding) => finding.ruleId));
    expect([...ruleIds].sort()).toEqual([...new Set(row.expected.guard)].sort());
  });
});

describe('fixtures/evasions through tki-guard, typed (the default whenever a tsconfig exists)', async () => {
  const evasions = path.join(repoRoot, 'fixtures/evasions');
  const run = await runGuard({
    input: { kind: 'paths', paths: EVASION_TABLE.map((row) => path.join(evasions, row.file)) },
    cwd: repoRoot,
    cache: false,
    depcruise: false,
    policy: policyConfigSchema.parse(EVASION_POLICY),
    detect: createTypedDetector(path.join(repoRoot, EVASION_TSCONFIG)),
  });
  if (!run.ok) throw new Error(JSON.stringify(run.error));

  it.each(EVASION_TABLE.map((row) => [row.file, row] as const))('%s', (file, row) => {
    const ruleIds = new Set(run.value.result.findings.filter((finding) => finding.file === `fixtures/evasions/${file}`).map((finding) => finding.ruleId));
    expect([...ruleIds].sort()).toEqual([...new Set(typedExpectation(row).guard)].sort());
  });
}, 300_000);

describe('fixtures/evasions/cross-module through tki-guard', () => {
  it.each(CROSS_MODULE_TABLE.map((row) => [row.directory, row] as const))('%s', async (directory, row) => {
    const run = await guardDirectory(path.join(repoRoot, 'fixtures/evasions/cross-module', directory), { depcruise: false });
    expect(findingKeys(run)).toEqual([...row.expected.guard].sort());
    const perFile = new Set(run.result.findings.filter((finding) => DETECTOR_RULES.has(finding.ruleId)).map((finding) => finding.ruleId));
    expect([...perFile].sort()).toEqual([...row.expected.plugin].sort());
  });

  it('gives every transitive finding its shortest witness path', async () => {
    const run = await guardDirectory(path.join(repoRoot, 'fixtures/evasions/cross-module/laundering-barrel'));
    const entry = run.result.findings.find((finding) => finding.file === 'entry.ts');
    expect(entry?.witness).toEqual(['entry.ts', 'lib/index.ts', 'lib/sockets.ts', 'node:net']);
  });

  it('keeps every look-alike clean and finds something in every evasion', () => {
    const lookalikes = CROSS_MODULE_TABLE.filter((row) => row.description.startsWith('look-alike'));
    expect(lookalikes.length).toBeGreaterThanOrEqual(4);
    for (const row of CROSS_MODULE_TABLE) expect(row.expected.guard.length === 0).toBe(lookalikes.includes(row));
  });
});

describe('fixtures/evasions/cross-module through tki-guard, typed', () => {
  const detect = createTypedDetector(path.join(repoRoot, EVASION_TSCONFIG));

  // Types may see directly what the syntax saw only across modules, so files and capabilities are compared, not rules.
  const fileAndCapability = (key: string): string => `${key.slice(0, key.indexOf(':'))} ${key.slice(key.lastIndexOf(' ') + 1)}`;

  it.each(CROSS_MODULE_TABLE.map((row) => [row.directory, row] as const))('%s: everything the syntactic run finds, and look-alikes stay clean', async (directory, row) => {
    const run = await guardDirectory(path.join(repoRoot, 'fixtures/evasions/cross-module', directory), { depcruise: false, detect });
    const typed = new Set(findingKeys(run).map(fileAndCapability));
    for (const key of row.expected.guard) expect(typed).toContain(fileAndCapability(key));
    if (row.description.startsWith('look-alike')) expect([...typed]).toEqual([]);
  });
}, 300_000);
