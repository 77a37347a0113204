import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPPORTED_TYPESCRIPT } from '../../eslint-plugin-tki/typescript-support.js';

/**
 * The TypeScript range the packages claim is the range that works: the packed tarballs installed
 * into a fresh project outside the repository next to the LOWEST supported TypeScript (the highest
 * is the repository's own, which every other test runs on). Both tools must flag the same
 * `node:child_process` import in every mode: a TypeScript copy mixed into the analysis made the
 * typed guard report nothing (exit 0), and older scanners crashed the plugin.
 */
const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'tki-ts-range-'));
const project = path.join(work, 'app');
const rootManifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string>; dependencies: Record<string, string> };
let tarballs: { plugin: string; guard: string };

interface Ran {
  readonly status: number | null;
  readonly output: string;
}

function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_prefer_offline: 'true' };
  for (const name of Object.keys(env)) if (name.startsWith('npm_package_') || name === 'npm_config_local_prefix' || name === 'INIT_CWD') delete env[name];
  return env;
}

function shell(command: string): Ran {
  const result = spawnSync('bash', ['-c', command], { cwd: project, env: userEnv(), encoding: 'utf8', timeout: 300_000 });
  return { status: result.status, output: result.stdout + result.stderr };
}

function installedVersion(directory: string): string {
  return (JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as { version: string }).version;
}

const FILES: Readonly<Record<string, string>> = {
  'src/deploy.ts': "import { execFile } from 'node:child_process';\n\nexport function deploy(): void {\n  execFile('rsync', ['-a', 'dist/', 'backup:/srv/app']);\n}\n",
  // Every extension the typed program holds, so an API one TypeScript lacks shows up somewhere.
  'src/view.tsx': "export const View = (props: { name: string }) => props.name;\n",
  'src/esm.mts': "export const answer: number = 42;\n",
  'src/common.cts': "export const common = 'cjs';\n",
  'src/plain.js': "/** @param {string} a */\nexport const shout = (a) => a.toUpperCase();\n",
  'eslint.config.mjs': "import tki from 'eslint-plugin-tki';\n\nexport default [tki.configs.recommended];\n",
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', target: 'es2022', jsx: 'preserve', allowJs: true, noEmit: true, skipLibCheck: true }, include: ['src'] }),
};

const FINDING = /deploy\.ts:1:10\s+no-forbidden-capability\s+EXEC/;

beforeAll(() => {
  const packed = execFileSync(process.execPath, [path.join(root, 'dist/scripts/pack/main.js'), '--out', path.join(work, 'packages')], { cwd: root, encoding: 'utf8' }).trim().split('\n');
  const find = (name: string): string => packed.find((file) => path.basename(file).startsWith(`${name}-`) && /-\d/.test(path.basename(file).slice(name.length))) ?? '';
  tarballs = { plugin: find('eslint-plugin-tki'), guard: find('tki-guard') };
  mkdirSync(project, { recursive: true });
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    writeFileSync(path.join(project, file), text);
  }
  expect(shell('npm init -y >/dev/null && npm pkg set type=module').status).toBe(0);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe(`the packed plugin and guard with the lowest supported TypeScript (${SUPPORTED_TYPESCRIPT.lowest})`, () => {
  it('ESLint, tki-guard (typed, the default with a tsconfig) and tki-guard --fast all flag node:child_process', { timeout: 600_000 }, () => {
    const install = shell(`npm i -D typescript@${SUPPORTED_TYPESCRIPT.lowest} eslint@${rootManifest.devDependencies['eslint'] ?? ''} ${tarballs.plugin} ${tarballs.guard}`);
    expect({ status: install.status, output: install.status === 0 ? '' : install.output }).toEqual({ status: 0, output: '' });
    // npm was not asked to override a peer range: the lowest is inside it.
    expect(install.output).not.toContain('ERESOLVE');
    expect(installedVersion(path.join(project, 'node_modules/typescript'))).toBe(SUPPORTED_TYPESCRIPT.lowest);

    const lint = shell('npx eslint src');
    expect({ status: lint.status, trace: /\n\s+at \S+ \(/.test(lint.output) }).toEqual({ status: 1, trace: false });
    expect(lint.output).toMatch(/deploy\.ts\n\s+1:10\s+error\s+`execFile` reaches EXEC.*tki\/no-forbidden-capability/);
    expect(lint.output).toContain('1 problem (1 error, 0 warnings)');

    // With the tsconfig (`include: ["src"]`), the project's other sources are inputs too, as `eslint .`
    // lints them (eslint.config.mjs: 6 modules); naming `src` analyzes src's 5.
    for (const [command, modules] of [['npx tki-guard', 6], ['npx tki-guard --fast', 6], ['npx tki-guard src', 5]] as const) {
      const guard = shell(command);
      expect({ command, status: guard.status, found: FINDING.test(guard.output), output: guard.status === 1 ? '' : guard.output }).toEqual({ command, status: 1, found: true, output: '' });
      expect(guard.output).toContain(`tki-guard: 1 finding in ${modules} modules`);
    }
  });

  it('below the range: the plugin says so in one lint message per file, the guard still works on its own TypeScript', { timeout: 600_000 }, () => {
    // --force: what a user gets by overriding npm's peer check (or by an older hoisted copy).
    const install = shell('npm i -D typescript@5.8 --force');
    expect({ status: install.status, output: install.status === 0 ? '' : install.output }).toEqual({ status: 0, output: '' });
    const older = installedVersion(path.join(project, 'node_modules/typescript'));
    expect(older).toMatch(/^5\.8\./);

    const lint = shell('npx eslint src/deploy.ts');
    expect({ status: lint.status, trace: /\n\s+at \S+ \(/.test(lint.output) }).toEqual({ status: 1, trace: false });
    expect(lint.output).toContain(`1:1  error  tki cannot check this file: eslint-plugin-tki needs TypeScript >=${SUPPORTED_TYPESCRIPT.lowest} <${SUPPORTED_TYPESCRIPT.below} and found ${older}`);
    expect(lint.output).toContain('1 problem (1 error, 0 warnings)');

    // tki-guard brings its own TypeScript (ts-morph's minor), so the project's copy does not matter to it.
    const guardTypeScript = installedVersion(path.join(project, 'node_modules/tki-guard/node_modules/typescript'));
    expect(guardTypeScript.split('.').slice(0, 2)).toEqual((rootManifest.dependencies['typescript'] ?? '').replace(/^[~^]/, '').split('.').slice(0, 2));
    for (const command of ['npx tki-guard', 'npx tki-guard --fast']) {
      const guard = shell(command);
      expect({ command, status: guard.status, found: FINDING.test(guard.output), output: guard.status === 1 ? '' : guard.output }).toEqual({ command, status: 1, found: true, output: '' });
    }
  });
});
