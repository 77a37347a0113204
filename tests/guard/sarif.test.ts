import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORTERS, composeVerdict, ruleMetadata } from '../../guard/index.js';
import { sarifForToolError } from '../../guard/report/index.js';
import { docAddress, repositoryWebRoot } from '../../guard/report/repository.js';
import { baselineFor } from '../../guard/baseline/index.js';
import { guardDirectory, guardFixtures, repoRoot } from './helpers.js';
import { sarifRuleProblems, sarifSchemaErrors } from './sarif-check.js';

function expectValid(log: unknown): void {
  expect(sarifSchemaErrors(log)).toEqual([]);
}

interface Rule {
  id: string;
  helpUri?: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  properties: { tags: string[]; 'security-severity': string };
}

describe('SARIF output', async () => {
  const run = await guardDirectory(path.join(guardFixtures, 'suppressed'), { depcruise: false });
  const plain = composeVerdict(run.result, { level: 'strict' });
  // Half of the findings known to a baseline, so every kind of result appears.
  const baseline = { file: 'tki-baseline.json', entries: baselineFor(plain.result.findings.slice(0, 2)) };
  const verdict = composeVerdict(run.result, { level: 'strict', baseline });
  const log = JSON.parse(REPORTERS.sarif(verdict, { rootUri: run.rootUri }).output) as { runs: Array<{ tool: { driver: { rules: Rule[] } }; results: Array<Record<string, any>>; invocations: Array<Record<string, any>> }> };
  const [first] = log.runs;

  it('validates against the SARIF 2.1.0 schema', () => expectValid(log));

  it('carries help in markdown, a full description, tags and security-severity for every rule', () => {
    const ids = first!.tool.driver.rules.map((rule) => rule.id);
    expect(ids).toEqual(expect.arrayContaining(['no-forbidden-capability', 'allowed-actions', 'no-dynamic-code', 'no-exit-zero', 'no-positive-verdict-token', 'no-raw-sql', 'no-global-denial-wording', 'transitive-capability', 'cross-module-capability', 'unresolved-module']));
    for (const rule of first!.tool.driver.rules) {
      expect(rule.fullDescription.text.length, rule.id).toBeGreaterThan(40);
      expect(rule.help.markdown, rule.id).toContain('**How to fix.**');
      expect(rule.help.markdown, rule.id).toContain(`tki-allow-next-line ${rule.id} -- <reason>`);
      expect(Number(rule.properties['security-severity']), rule.id).toBeGreaterThan(0);
      expect(rule.properties.tags.length, rule.id).toBeGreaterThan(0);
    }
    expect(sarifRuleProblems(log)).toEqual([]);
  });

  it('marks suppressed findings inSource and baselined ones external, with baseline states', () => {
    const suppressions = first!.results.map((result) => result['suppressions']?.[0]?.kind ?? 'none');
    expect(suppressions.filter((kind) => kind === 'inSource')).toHaveLength(3);
    expect(suppressions.filter((kind) => kind === 'external')).toHaveLength(2);
    expect(suppressions.filter((kind) => kind === 'none')).toHaveLength(3);
    expect(first!.results.filter((result) => result['baselineState'] === 'unchanged')).toHaveLength(2);
    const transport = first!.results.find((result) => result['locations'][0].physicalLocation.artifactLocation.uri === 'src/transport.ts');
    expect(transport?.['suppressions'][0].justification).toBe('the one module that sends metrics; reviewed with the platform team');
  });

  it('gives the witness path as a code flow with a region per step, also when a step is suppressed', () => {
    const app = first!.results.find((result) => result['ruleId'] === 'transitive-capability');
    const steps = app?.['codeFlows'][0].threadFlows[0].locations as Array<{ location: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } } }>;
    expect(steps.map((step) => [step.location.physicalLocation.artifactLocation.uri, step.location.physicalLocation.region?.startLine])).toEqual([
      ['src/app.ts', 1],
      ['src/transport.ts', 2],
    ]);
  });

  it('lists stale and malformed suppressions as tool execution notifications', () => {
    const notes = first!.invocations[0]!['toolExecutionNotifications'] as Array<{ level: string; message: { text: string } }>;
    expect(notes.map((note) => note.message.text).sort()).toEqual([expect.stringMatching(/^malformed suppression/), 'unused suppression: no no-raw-sql finding on line 2']);
  });

  it('points helpUri at the address package.json#repository gives, at a doc that exists', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { repository?: unknown };
    const webRoot = repositoryWebRoot(manifest.repository);
    for (const rule of first!.tool.driver.rules) {
      const { doc } = ruleMetadata(rule.id as 'no-raw-sql');
      expect(existsSync(path.join(repoRoot, doc.split('#')[0]!)), doc).toBe(true);
      // Without a repository field there is no address to derive, and none is invented.
      expect(rule.helpUri).toBe(webRoot === null ? undefined : docAddress(webRoot, doc));
    }
  });

  it('derives the web address from every common repository shape', () => {
    for (const shape of ['github:acme/tki', 'acme/tki', 'https://github.com/acme/tki', 'git+https://github.com/acme/tki.git', 'git@github.com:acme/tki.git', { type: 'git', url: 'git+ssh://git@github.com/acme/tki.git' }]) {
      expect(repositoryWebRoot(shape), JSON.stringify(shape)).toBe('https://github.com/acme/tki');
    }
    expect(repositoryWebRoot(undefined)).toBeNull();
    expect(docAddress('https://github.com/acme/tki', 'docs/guard.md#baselines')).toBe('https://github.com/acme/tki/blob/HEAD/docs/guard.md#baselines');
  });

  it('is written on a tool error too (exit 2), valid, with the error as a notification', () => {
    expectValid(JSON.parse(sarifForToolError('source/unparsable', 'tki-guard: src/broken.ts:3:1: cannot parse')));
    const output = path.join(mkdtempSync(path.join(tmpdir(), 'tki-sarif-')), 'out/tki.sarif');
    const cli = spawnSync(process.execPath, [path.join(repoRoot, 'dist/guard/cli.js'), '--no-cache', '.', '--format', 'sarif', '--output', output], { cwd: path.join(guardFixtures, 'unparsable'), encoding: 'utf8' });
    expect(cli.status).toBe(2);
    const written = JSON.parse(readFileSync(output, 'utf8')) as { runs: Array<{ invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ message: { text: string } }> }> }> };
    expectValid(written);
    expect(written.runs[0]?.invocations[0]?.executionSuccessful).toBe(false);
    expect(written.runs[0]?.invocations[0]?.toolExecutionNotifications[0]?.message.text).toMatch(/src\/broken\.ts:3:1: cannot parse/);
  });
});
