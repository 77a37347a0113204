import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PLUGIN_NAME, PLUGIN_VERSION } from '../../eslint-plugin-tki/version.js';

const root = path.resolve(import.meta.dirname, '../..');
const pluginDir = path.join(root, 'eslint-plugin-tki');
const work = mkdtempSync(path.join(tmpdir(), 'tki-plugin-pack-'));
const installedVersion = (name: string): string => (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('eslint-plugin-tki as a published package', () => {
  it('keeps version.ts equal to its package.json', () => {
    const manifest = JSON.parse(readFileSync(path.join(pluginDir, 'package.json'), 'utf8')) as { name: string; version: string };
    expect([manifest.name, manifest.version]).toEqual([PLUGIN_NAME, PLUGIN_VERSION]);
  });

  it('packs into a self-contained tarball that a throwaway project lints with', { timeout: 300_000 }, () => {
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], pluginDir)) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const [tarball] = packed;
    expect(tarball).toBeDefined();
    const shipped = tarball!.files.map((file) => file.path);
    // The policy the rules need travels with the plugin; no TypeScript sources do.
    expect(shipped).toContain('dist/eslint-plugin-tki/index.js');
    expect(shipped).toContain('dist/policy/index.js');
    expect(shipped.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);

    const project = path.join(work, 'consumer');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(work, tarball!.filename), `eslint@${installedVersion('eslint')}`, `typescript@${installedVersion('typescript')}`], project);
    writeFileSync(
      path.join(project, 'eslint.config.js'),
      "import tki from 'eslint-plugin-tki';\n\nexport default [{ files: ['**/*.js'], ...tki.configs.recommended }];\n",
    );
    writeFileSync(path.join(project, 'bad.js'), "import { exec } from 'node:child_process';\n\nexec('id');\n");
    writeFileSync(path.join(project, 'good.js'), "import path from 'node:path';\n\nexport const file = path.join('a', 'b');\n");

    // Once in-process and once with worker threads: settings and rule options must survive cloning.
    for (const extra of [[], ['--concurrency=2']]) {
      let output = '';
      try {
        output = run(path.join(project, 'node_modules/.bin/eslint'), ['--format', 'json', ...extra, 'bad.js', 'good.js'], project);
      } catch (error) {
        // ESLint exits 1 when it reports errors; its JSON is still on stdout.
        output = (error as { stdout: string }).stdout;
      }
      const results = JSON.parse(output) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number; message: string }> }>;
      const byFile = new Map(results.map((result) => [path.basename(result.filePath), result.messages]));
      expect(byFile.get('good.js')).toEqual([]);
      const messages = byFile.get('bad.js') ?? [];
      expect(messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([['tki/no-forbidden-capability', 1, 22]]);
      expect(messages[0]?.message).toContain('EXEC');
    }
  });
});
