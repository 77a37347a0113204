import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin-tki/index.js';
import { relativePathOf, resolveSettings } from '../../eslint-plugin-tki/util/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

const work = mkdtempSync(path.join(tmpdir(), 'tki-settings-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function lint(code: string, filename: string, tki: unknown): Linter.LintMessage[] {
  const linter = new Linter({ cwd: work });
  const config: Linter.Config[] = [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
    { files: ['**/*.ts'], ...(plugin.configs.strict as Linter.Config), settings: { tki } },
  ];
  return linter.verify(code, config, path.join(work, filename));
}

describe('settings.tki', () => {
  it('defaults to the recommended policy', () => {
    expect(resolveSettings({}, work).policy).toBe(RECOMMENDED_POLICY);
  });

  it('reads policyFile relative to root, and applies its grants relative to root', () => {
    const project = path.join(work, 'project');
    mkdirSync(project);
    writeFileSync(
      path.join(project, 'tki.policy.json'),
      JSON.stringify({ grants: [{ files: ['server/**'], capabilities: ['NETWORK'], reason: 'the HTTP edge of the service' }] }),
    );
    const code = "import net from 'node:net';\nnet.connect(80);\n";
    const settings = { policyFile: 'tki.policy.json', root: 'project' };
    expect(lint(code, 'project/server/listen.ts', settings)).toEqual([]);
    expect(lint(code, 'project/client/connect.ts', settings).map((message) => message.ruleId)).toEqual(['tki/no-forbidden-capability']);
  });

  it('rereads the policy file when it changes', () => {
    const file = path.join(work, 'changing.policy.json');
    writeFileSync(file, JSON.stringify({ packages: { deny: 'known' } }));
    utimesSync(file, new Date(1_000_000), new Date(1_000_000));
    expect(resolveSettings({ tki: { policyFile: file } }, work).policy.packages.deny).toBe('known');
    writeFileSync(file, JSON.stringify({ packages: { deny: 'unlisted' } }));
    utimesSync(file, new Date(2_000_000), new Date(2_000_000));
    expect(resolveSettings({ tki: { policyFile: file } }, work).policy.packages.deny).toBe('unlisted');
  });

  it('stops with file:line:col when the policy file is broken', () => {
    const file = path.join(work, 'broken.policy.json');
    writeFileSync(file, '{\n  "packages": { "deny": "known" },\n  "grants": [{ "files": ["a/**"], "capabilities": ["TELEPORT"], "reason": "a long enough reason" }]\n}\n');
    expect(() => lint('export const x = 1;', 'a.ts', { policyFile: file })).toThrow(`${file}:3:`);
    expect(() => lint('export const x = 1;', 'a.ts', { policyFile: path.join(work, 'missing.json') })).toThrow(/missing\.json:1:1: invalid tki policy: cannot read the policy file \(ENOENT\)/);
  });

  it('names the setting when an inline policy or the settings are invalid', () => {
    expect(() => lint('export const x = 1;', 'a.ts', { policy: { packages: { deny: 'everything' } } })).toThrow(/settings\.tki\.policy: packages\.deny/);
    expect(() => lint('export const x = 1;', 'a.ts', { polciy: {} })).toThrow(/invalid settings\.tki/);
  });

  it('skips files the policy ignores', () => {
    expect(lint("import cp from 'node:child_process';", 'generated/a.ts', { policy: { ignore: ['generated/**'] } })).toEqual([]);
    expect(lint("import cp from 'node:child_process';", 'src/a.ts', { policy: { ignore: ['generated/**'] } })).toHaveLength(1);
  });

  it('makes paths relative to root with / separators', () => {
    expect(relativePathOf('src/a.ts', '/repo', '/repo')).toBe('src/a.ts');
    expect(relativePathOf('/repo/pkg/src/a.ts', '/elsewhere', '/repo/pkg')).toBe('src/a.ts');
  });
});
