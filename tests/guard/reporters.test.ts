import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS_ROOT } from '../../guard/report/rules.js';
import { REPORTERS, describeRule, escapeControlCharacters, type GuardResult } from '../../guard/index.js';
import { guardDirectory, repoRoot } from './helpers.js';

const laundering = path.join(repoRoot, 'fixtures/evasions/cross-module/laundering-barrel');

describe('reporters', async () => {
  const run = await guardDirectory(laundering);
  const options = { rootUri: run.rootUri };

  it('JSON has the SPEC §9 shape', () => {
    const report = REPORTERS.json(run.result, options);
    const parsed = JSON.parse(report.output) as { findings: Array<Record<string, unknown>>; modules: Array<Record<string, unknown>> };
    expect(report.exitCode).toBe(1);
    for (const finding of parsed.findings) {
      expect(Object.keys(finding)).toEqual(expect.arrayContaining(['file', 'line', 'column', 'ruleId', 'capability', 'message']));
    }
    expect(parsed.modules.find((module) => module.file === 'lib/sockets.ts')).toMatchObject({ allowedActions: [], capabilities: ['NETWORK'] });
    expect(parsed.modules.find((module) => module.file === 'lib/math.ts')).toMatchObject({ capabilities: [] });
  });

  it('SARIF 2.1.0 has stable rule ids, help URIs, partial fingerprints and the witness as a code flow', () => {
    const sarif = JSON.parse(REPORTERS.sarif(run.result, options).output) as {
      version: string;
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri: string }> } }; results: Array<Record<string, any>> }>;
    };
    expect(sarif.version).toBe('2.1.0');
    const [first] = sarif.runs;
    expect(first?.tool.driver.rules.map((rule) => rule.id)).toEqual(['no-forbidden-capability', 'transitive-capability']);
    for (const rule of first?.tool.driver.rules ?? []) expect(rule.helpUri).toMatch(/^https:\/\//);
    const entry = first?.results.find((result) => result.locations[0].physicalLocation.artifactLocation.uri === 'entry.ts');
    expect(entry?.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
    expect(entry?.partialFingerprints['tkiGuardFinding/v1']).toMatch(/^[0-9a-f]{32}$/);
    expect(entry?.codeFlows[0].threadFlows[0].locations).toHaveLength(4);
    expect(first?.results[entry?.ruleIndex]).toBeDefined();
  });

  it('fingerprints ignore line moves but not the witness', () => {
    const moved: GuardResult = { ...run.result, findings: run.result.findings.map((finding) => ({ ...finding, line: finding.line + 10 })) };
    const fingerprints = (result: GuardResult): string[] =>
      (JSON.parse(REPORTERS.sarif(result, options).output) as { runs: Array<{ results: Array<{ partialFingerprints: Record<string, string> }> }> }).runs[0]!.results.map((result) => result.partialFingerprints['tkiGuardFinding/v1']!);
    expect(fingerprints(moved)).toEqual(fingerprints(run.result));
    expect(new Set(fingerprints(run.result)).size).toBe(run.result.findings.length);
  });

  it('keeps identical findings in one file apart by their order', () => {
    const first = run.result.findings[0]!;
    const twice: GuardResult = { ...run.result, findings: [first, { ...first, line: first.line + 5 }] };
    const sarif = JSON.parse(REPORTERS.sarif(twice, options).output) as { runs: Array<{ results: Array<{ partialFingerprints: Record<string, string> }> }> };
    const [a, b] = sarif.runs[0]!.results.map((result) => result.partialFingerprints['tkiGuardFinding/v1']);
    expect(a).not.toBe(b);
  });

  it('text escapes control characters that came from scanned files', () => {
    expect(escapeControlCharacters('a\u001b[2Jb\rc')).toBe('a\\u{1b}[2Jb\\u{d}c');
    expect(escapeControlCharacters('x\u202ey')).toBe('x\\u{202e}y');
    const hostile: GuardResult = { ...run.result, findings: [{ ...run.result.findings[0]!, message: 'x\u001b[31my' }] };
    expect(REPORTERS.text(hostile, options).output).not.toContain('\u001b');
  });

  it('exit code 0 for no findings', () => {
    expect(REPORTERS.text({ ...run.result, findings: [] }, options)).toMatchObject({ exitCode: 0 });
  });
});

/** The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces as `-`. */
const headingAnchors = (markdown: string): string[] =>
  [...markdown.matchAll(/^#+ (.+)$/gm)].map((match) => (match[1] ?? '').toLowerCase().replace(/[^a-z0-9 -]/g, '').replaceAll(' ', '-'));

describe('rule help pages', () => {
  it('exist for every rule id a report can carry', () => {
    const guardDoc = readFileSync(path.join(repoRoot, 'docs/guard.md'), 'utf8');
    const ids = ['no-forbidden-capability', 'allowed-actions', 'no-dynamic-code', 'no-exit-zero', 'no-positive-verdict-token', 'no-raw-sql', 'no-global-denial-wording', 'transitive-capability', 'cross-module-capability', 'unresolved-module', 'depcruise/no-circular'] as const;
    for (const id of ids) {
      const { helpUri } = describeRule(id);
      const [page, anchor] = helpUri.slice(DOCS_ROOT.length + 1).split('#');
      expect(existsSync(path.join(repoRoot, 'docs', page!)), helpUri).toBe(true);
      if (anchor !== undefined) expect(headingAnchors(guardDoc), helpUri).toContain(anchor);
    }
  });
});
