import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORTERS, escapeControlCharacters, plainVerdict, ruleMetadata, type GuardResult } from '../../guard/index.js';
import { guardDirectory, repoRoot } from './helpers.js';

const laundering = path.join(repoRoot, 'fixtures/evasions/cross-module/laundering-barrel');

describe('reporters', async () => {
  const run = await guardDirectory(laundering);
  const options = { rootUri: run.rootUri };

  it('JSON has the SPEC §9 shape', () => {
    const report = REPORTERS.json(plainVerdict(run.result), options);
    const parsed = JSON.parse(report.output) as { findings: Array<Record<string, unknown>>; modules: Array<Record<string, unknown>> };
    expect(report.exitCode).toBe(1);
    for (const finding of parsed.findings) {
      expect(Object.keys(finding)).toEqual(expect.arrayContaining(['file', 'line', 'column', 'ruleId', 'capability', 'message']));
    }
    expect(parsed.modules.find((module) => module.file === 'lib/sockets.ts')).toMatchObject({ allowedActions: [], capabilities: ['NETWORK'] });
    expect(parsed.modules.find((module) => module.file === 'lib/math.ts')).toMatchObject({ capabilities: [] });
  });

  it('SARIF 2.1.0 has stable rule ids, partial fingerprints and the witness as a code flow', () => {
    const sarif = JSON.parse(REPORTERS.sarif(plainVerdict(run.result), options).output) as {
      version: string;
      runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<Record<string, any>> }>;
    };
    expect(sarif.version).toBe('2.1.0');
    const [first] = sarif.runs;
    expect(first?.tool.driver.rules.map((rule) => rule.id)).toEqual(expect.arrayContaining(['no-forbidden-capability', 'transitive-capability', 'no-exit-zero', 'unresolved-module']));
    const entry = first?.results.find((result) => result.locations[0].physicalLocation.artifactLocation.uri === 'entry.ts');
    expect(entry?.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
    expect(entry?.partialFingerprints['tkiGuardFinding/v1']).toMatch(/^[0-9a-f]{32}$/);
    // One location per module on `entry.ts → lib/index.ts → lib/sockets.ts → node:net`, each with
    // the region of the import that leads on; the sink is named in the last one's message.
    const steps = entry?.codeFlows[0].threadFlows[0].locations as Array<{ location: { message: { text: string }; physicalLocation: { artifactLocation: { uri: string }; region?: object } } }>;
    expect(steps.map((step) => step.location.physicalLocation.artifactLocation.uri)).toEqual(['entry.ts', 'lib/index.ts', 'lib/sockets.ts']);
    for (const step of steps) expect(step.location.physicalLocation.region).toMatchObject({ startLine: expect.any(Number), startColumn: expect.any(Number) });
    expect(steps[2]?.location.message.text).toBe('reaches NETWORK here: node:net');
    expect(first?.tool.driver.rules[entry?.ruleIndex]?.id).toBe('transitive-capability');
  });

  it('fingerprints ignore line moves but not the witness', () => {
    const moved: GuardResult = { ...run.result, findings: run.result.findings.map((finding) => ({ ...finding, line: finding.line + 10 })) };
    const fingerprints = (result: GuardResult): string[] =>
      (JSON.parse(REPORTERS.sarif(plainVerdict(result), options).output) as { runs: Array<{ results: Array<{ partialFingerprints: Record<string, string> }> }> }).runs[0]!.results.map((result) => result.partialFingerprints['tkiGuardFinding/v1']!);
    expect(fingerprints(moved)).toEqual(fingerprints(run.result));
    expect(new Set(fingerprints(run.result)).size).toBe(run.result.findings.length);
  });

  it('keeps identical findings in one file apart by their order', () => {
    const first = run.result.findings[0]!;
    const twice: GuardResult = { ...run.result, findings: [first, { ...first, line: first.line + 5 }] };
    const sarif = JSON.parse(REPORTERS.sarif(plainVerdict(twice), options).output) as { runs: Array<{ results: Array<{ partialFingerprints: Record<string, string> }> }> };
    const [a, b] = sarif.runs[0]!.results.map((result) => result.partialFingerprints['tkiGuardFinding/v1']);
    expect(a).not.toBe(b);
  });

  it('text escapes control characters that came from scanned files', () => {
    expect(escapeControlCharacters('a\u001b[2Jb\rc')).toBe('a\\u{1b}[2Jb\\u{d}c');
    expect(escapeControlCharacters('x\u202ey')).toBe('x\\u{202e}y');
    const hostile: GuardResult = { ...run.result, findings: [{ ...run.result.findings[0]!, message: 'x\u001b[31my' }] };
    expect(REPORTERS.text(plainVerdict(hostile), options).output).not.toContain('\u001b');
  });

  it('exit code 0 for no findings', () => {
    expect(REPORTERS.text(plainVerdict({ ...run.result, findings: [] }), options)).toMatchObject({ exitCode: 0 });
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
      const { doc } = ruleMetadata(id);
      const [page, anchor] = doc.split('#');
      expect(existsSync(path.join(repoRoot, page!)), doc).toBe(true);
      if (anchor !== undefined) expect(headingAnchors(guardDoc), doc).toContain(anchor);
    }
  });
});
