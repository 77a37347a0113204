import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPEN_TODAY } from './open-today.js';
import { STACK_LINE, bin, freshProject, packOnce, repoRoot, shell, write } from './project.js';

/**
 * Red team 5: a brand-new user follows the README in a fresh CommonJS project outside the
 * repository, with the packed packages. Each check asserts the CORRECT behaviour; a check whose
 * key is in open-today.ts must still fail (the list can only shrink).
 */
function check(key: string, assertion: () => void): void {
  it(key, () => {
    if (!(key in OPEN_TODAY)) return assertion();
    expect(assertion, `${key} is fixed: delete it from open-today.ts`).toThrow();
  });
}

const DEPLOY = `import { execFile } from 'node:child_process';

export function deploy(): void {
  execFile('rsync', ['-a', 'dist/', 'backup:/srv/app']);
}
`;
const GRANT = { grants: [{ files: ['src/deploy.ts'], capabilities: ['EXEC'], reason: 'deploys the build with rsync, from CI only' }] };

let project = '';
let pluginReadme = '';

beforeAll(() => {
  const tarballs = packOnce();
  project = freshProject([tarballs.plugin, tarballs.guard, tarballs.tki]);
  pluginReadme = readFileSync(path.join(project, 'node_modules/eslint-plugin-tki/README.md'), 'utf8');
  write(project, 'eslint.config.cjs', "const tki = require('eslint-plugin-tki');\n\nmodule.exports = [tki.configure(__filename)];\n");
  write(project, 'src/deploy.ts', DEPLOY);
}, 600_000);

function withPolicy(text: string | null, assertion: () => void): void {
  const file = path.join(project, 'tki.policy.json');
  rmSync(file, { recursive: true, force: true });
  if (text === null) mkdirSync(file);
  else writeFileSync(file, text);
  try {
    assertion();
  } finally {
    rmSync(file, { recursive: true, force: true });
  }
}

describe('red team 5: a new user, from the README, in a fresh CommonJS project', () => {
  check('readme-eslint-and-guard-agree', () => {
    const eslint = bin(project, 'eslint', ['.']);
    expect(eslint.status).toBe(1);
    expect(eslint.stdout).toMatch(/1:10\s+error\s+`execFile` reaches EXEC/);
    const guard = bin(project, 'tki-guard', ['src']);
    expect(guard.status).toBe(1);
    expect(guard.stdout).toMatch(/src\/deploy\.ts:1:10\s+no-forbidden-capability\s+EXEC/);
  });

  check('sarif-valid-with-help-and-severity', () => {
    const sarifFile = path.join(project, 'tki.sarif');
    expect(bin(project, 'tki-guard', ['src', '--format', 'sarif', '--output', sarifFile]).status).toBe(1);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { runs: { tool: { driver: { rules: Record<string, unknown>[] } } }[] };
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'tests/guard/sarif-schema/sarif-schema-2.1.0.json'), 'utf8')) as object;
    const validate = new AjvDraft04.default({ strict: false, allErrors: true }).compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    for (const rule of sarif.runs[0]?.tool.driver.rules ?? []) {
      expect(rule).toMatchObject({ help: { markdown: expect.any(String) }, fullDescription: { text: expect.any(String) } });
      expect(rule).toHaveProperty(['properties', 'security-severity']);
    }
  });

  check('policy-bom', () => {
    withPolicy(`\uFEFF${JSON.stringify(GRANT)}`, () => {
      const guard = bin(project, 'tki-guard', ['src']);
      const accepted = guard.status === 0;
      const named = /byte.order mark|\bBOM\b/i.test(guard.stderr) && !guard.stderr.includes('\uFEFF');
      expect({ accepted, named, stderr: guard.stderr }).toMatchObject({ accepted: true });
      expect(accepted || named).toBe(true);
    });
  });

  check('policy-directory-eslint', () => {
    withPolicy(null, () => {
      const eslint = bin(project, 'eslint', ['src/deploy.ts']);
      expect(`${eslint.stdout}${eslint.stderr}`).not.toMatch(STACK_LINE);
      expect(eslint.stdout).toContain('tki.policy.json');
    });
  });

  check('policy-directory-guard', () => {
    withPolicy(null, () => {
      const guard = bin(project, 'tki-guard', ['src']);
      expect(guard.status).toBe(2);
      expect(guard.stderr).toContain('tki.policy.json');
      expect(guard.stderr).not.toContain('internal error');
    });
  });

  check('monorepo-root-policy', () => {
    // The project root becomes a workspaces root; packages/app is a workspace with its own package.json.
    withPolicy(JSON.stringify({ grants: [{ ...GRANT.grants[0], files: ['packages/app/src/deploy.ts'] }] }), () => {
      const app = path.join(project, 'packages/app');
      write(app, 'package.json', '{ "name": "app", "version": "1.0.0" }\n');
      write(app, 'src/deploy.ts', DEPLOY);
      const eslint = bin(project, 'eslint', ['.'], app);
      expect(eslint.status).toBe(0);
      const guard = bin(project, 'tki-guard', ['src'], app);
      const named = bin(project, 'tki-guard', ['src', '--policy', '../../tki.policy.json'], app);
      expect({ walked: guard.status, named: named.status }).toSatisfy(
        (statuses: { walked: number | null; named: number | null }) => statuses.walked === 0 || statuses.named === 0,
      );
    });
  });

  check('plugin-readme-typescript', () => {
    const install = pluginReadme.split('\n').find((line) => line.startsWith('npm i -D') && line.includes('eslint-plugin-tki'));
    expect(install).toMatch(/typescript@(6|"?>=5\.9)/);
  });

  check('diff-help-version', () => {
    const help = bin(project, 'tki-guard', ['diff', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--version');
  });

  // `| true` closes the pipe before the first write: deterministic, unlike `| head -1`.
  check('tki-epipe', () => {
    const run = shell(`node_modules/.bin/tki run node_modules/tki/examples/fix7-a --out ${path.join(project, 'report-epipe')} | true`, project);
    expect(run.stderr).toBe('');
  });

  check('guard-epipe', () => {
    const run = shell('node_modules/.bin/tki-guard src | true', project);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).not.toContain('EPIPE');
  });
});

// The tarball-installed bins run with the project's own node; keep a trace of the versions in a failure.
it('the fresh project uses the packed packages, not the clone', () => {
  const lock = readFileSync(path.join(project, 'package-lock.json'), 'utf8');
  expect(lock).toContain('eslint-plugin-tki-');
  expect(spawnSync('node', ['-e', "require.resolve('eslint-plugin-tki')"], { cwd: project }).status).toBe(0);
});
