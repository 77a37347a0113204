import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
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
    { ...(plugin.configs.strict as Linter.Config), files: ['**/*.ts'], settings: { tki } },
  ];
  return linter.verify(code, config, path.join(work, filename));
}

describe('settings.tki', () => {
  it('defaults to the recommended policy', () => {
    expect(resolveSettings({}, work)).toMatchObject({ ok: true, policy: RECOMMENDED_POLICY });
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
    expect(resolveSettings({ tki: { policyFile: file } }, work)).toMatchObject({ ok: true, policy: { packages: { deny: 'known' } } });
    writeFileSync(file, JSON.stringify({ packages: { deny: 'unlisted' } }));
    utimesSync(file, new Date(2_000_000), new Date(2_000_000));
    expect(resolveSettings({ tki: { policyFile: file } }, work)).toMatchObject({ ok: true, policy: { packages: { deny: 'unlisted' } } });
  });

  it('reports a broken policy file as one lint message per problem at file:line:col, never a crash', () => {
    const file = path.join(work, 'broken.policy.json');
    writeFileSync(file, '{\n  "packages": { "deny": "known" },\n  "grants": [{ "files": ["a/**"], "capabilities": ["TELEPORT"], "reason": "short" }]\n}\n');
    const messages = lint('export const x = 1;', 'a.ts', { policyFile: file });
    expect(messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([
      ['tki/no-forbidden-capability', 1, 1],
      ['tki/no-forbidden-capability', 1, 1],
    ]);
    expect(messages[0]?.message).toContain(`${file}:3:52: invalid tki policy: grants.0.capabilities.0`);
    expect(messages[1]?.message).toContain(`${file}:3:75: invalid tki policy: grants.0.reason`);
    const missing = lint('export const x = 1;', 'a.ts', { policyFile: path.join(work, 'missing.json') });
    expect(missing.map((message) => message.message)).toEqual([expect.stringMatching(/missing\.json:1:1: invalid tki policy: cannot read the policy file: it does not exist.*tki\.configure\(import\.meta\.url\)/)]);
  });

  it('names the setting when an inline policy or the settings are invalid', () => {
    expect(lint('export const x = 1;', 'a.ts', { policy: { packages: { deny: 'everything' } } })[0]?.message).toMatch(/settings\.tki\.policy: packages\.deny/);
    expect(lint('export const x = 1;', 'a.ts', { polciy: {} })[0]?.message).toMatch(/invalid settings\.tki/);
  });

  it('configure() resolves the policy file and grant globs against the config file, wherever ESLint runs', () => {
    const project = path.join(work, 'configured');
    mkdirSync(path.join(project, 'server'), { recursive: true });
    writeFileSync(path.join(project, 'tki.policy.json'), JSON.stringify({ grants: [{ files: ['server/http/**'], capabilities: ['NETWORK'], reason: 'the HTTP edge of the service' }] }));
    const config = plugin.configure(pathToFileURL(path.join(project, 'eslint.config.js')).href);
    expect(config.settings.tki).toEqual({ policyFile: path.join(project, 'tki.policy.json'), root: project });
    const linter = new Linter({ cwd: path.join(project, 'server') });
    const code = "import net from 'node:net';\nnet.connect(80);\n";
    // ESLint runs in server/: the grant glob still matches from the config's directory.
    expect(linter.verify(code, [config as Linter.Config], path.join(project, 'server/http/listen.ts'))).toEqual([]);
    expect(linter.verify(code, [config as Linter.Config], path.join(project, 'server/jobs/poll.ts')).map((message) => message.ruleId)).toEqual(['tki/no-forbidden-capability']);
    expect(plugin.configure(path.join(project, 'eslint.config.cjs'), { level: 'strict', policyFile: 'policy/tki.json' }).settings.tki.policyFile).toBe(path.join(project, 'policy/tki.json'));
  });

  it('skips files the policy ignores', () => {
    expect(lint("import cp from 'node:child_process';\ncp.exec('ls');", 'generated/a.ts', { policy: { ignore: ['generated/**'] } })).toEqual([]);
    expect(lint("import cp from 'node:child_process';\ncp.exec('ls');", 'src/a.ts', { policy: { ignore: ['generated/**'] } })).toHaveLength(1);
  });

  it('makes paths relative to root with / separators', () => {
    expect(relativePathOf('src/a.ts', '/repo', '/repo')).toBe('src/a.ts');
    expect(relativePathOf('/repo/pkg/src/a.ts', '/elsewhere', '/repo/pkg')).toBe('src/a.ts');
  });
});
