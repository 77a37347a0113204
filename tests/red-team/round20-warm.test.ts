/**
 * Red team round 20, the warm path (docs/choices.md 88): the guard keeps its cross-module search results
 * between --fast runs, each with the modules it read. Each scenario builds a small project in a temporary
 * folder, runs the built CLI once (cold, cache written), edits one file the first run's results may have
 * depended on without reading it as a module (a sibling that now loads a withdrawn signal list, an env
 * file, the tsconfig's JSX factory, an .npmrc), runs it again on the same cache (warm) and once more with
 * --no-cache. The warm run must report what the uncached run reports. Written without reading the
 * implementation; every scenario's edited side was run with Node 20 (fixtures/evasions/red-team-20/README.md).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { guardSyntacticFlag, repoRoot } from './enforcers.js';

const guardCli = path.join(repoRoot, 'dist/guard/cli.js');
const PRE = "require('node:net').connect(59999, '127.0.0.1').on('error', (error) => console.log('rt20-net-attempted', error.code));\n";
const CLEAN = "console.log('rt20-clean');\n";

interface Scenario {
  readonly id: string;
  readonly description: string;
  /** Files of the project before the edit (relative path → text). */
  readonly files: Readonly<Record<string, string>>;
  /** The files named on the command line. */
  readonly entries: readonly string[];
  /** The files named on the command line after the edit, when they differ. */
  readonly entriesAfter?: readonly string[];
  /** The edit between the two runs (relative path → new text). */
  readonly edit: Readonly<Record<string, string>>;
  /** The file whose verdict the edit changes, and the capabilities the uncached run must give it after the edit. */
  readonly changed: { readonly file: string; readonly accept: readonly string[] };
}

const SCENARIOS: readonly Scenario[] = [
  {
    id: 'withdrawn-list-loaded-by-edited-sibling',
    description: 'the re-raiser\'s withdrawn NETWORK+DYNAMIC_CODE (choice 79) rests on no other module loading signals.js; an edit to a sibling makes it push SIGUSR1',
    files: {
      'signals.js': "module.exports = ['SIGABRT', 'SIGALRM', 'SIGHUP'];\n",
      'reraise.cjs': "const signals = require('./signals.js');\nsignals.forEach(function (sig) {\n  process.kill(process.pid, sig);\n});\n",
      'helper.cjs': "module.exports = 'rt20-helper';\n",
      'entry.cjs': "require('./helper.cjs');\nprocess.on('SIGABRT', () => {});\nprocess.on('SIGALRM', () => {});\nprocess.on('SIGHUP', () => {});\nrequire('./reraise.cjs');\n",
    },
    entries: ['entry.cjs'],
    edit: { 'helper.cjs': "require('./signals.js').push('SIGUSR1');\nmodule.exports = 'rt20-helper';\n" },
    changed: { file: 'reraise.cjs', accept: ['NETWORK', 'DYNAMIC_CODE', 'UNANALYZED'] },
  },
  {
    id: 'env-file-edited',
    description: '`node --env-file=child.env clean.cjs` (choice 87 reads a placed env file); the env file gains NODE_OPTIONS',
    files: {
      'entry.cjs': "require('node:child_process').execSync('node --env-file=child.env clean.cjs', { cwd: __dirname, stdio: 'inherit' });\n",
      'child.env': 'RT20_MODE=quiet\n',
      'pre.cjs': PRE,
      'clean.cjs': CLEAN,
    },
    entries: ['entry.cjs'],
    edit: { 'child.env': 'NODE_OPTIONS=--require ./pre.cjs\n' },
    changed: { file: 'entry.cjs', accept: ['NETWORK', 'UNANALYZED'] },
  },
  {
    id: 'npmrc-edited',
    description: '`npm run rt20` whose script is `node clean.cjs`; the project .npmrc gains `node-options=--require ./pre.cjs`',
    files: {
      'package.json': '{ "name": "rt20-warm", "version": "1.0.0", "private": true, "scripts": { "rt20": "node clean.cjs" } }\n',
      '.npmrc': 'fund=false\n',
      'entry.cjs': "require('node:child_process').execSync('npm run --silent rt20', { cwd: __dirname, stdio: 'inherit' });\n",
      'pre.cjs': PRE,
      'clean.cjs': CLEAN,
    },
    entries: ['entry.cjs'],
    edit: { '.npmrc': 'node-options=--require ./pre.cjs\n' },
    changed: { file: 'entry.cjs', accept: ['NETWORK', 'UNANALYZED'] },
  },
  {
    id: 'tsconfig-jsx-factory-edited',
    description: 'tsconfig.json\'s jsxFactory goes from a local `h` to `fetch` (choice 83: part of the facts cache key); `<u.url />` becomes a fetch',
    files: {
      'tsconfig.json': '{ "compilerOptions": { "jsx": "react", "jsxFactory": "h", "strict": true, "module": "commonjs" } }\n',
      'app.tsx': "const h = (..._parts: unknown[]): null => null;\nconst u = { url: 'http://127.0.0.1:59999/' };\nexport const made = <u.url />;\nvoid h;\n",
    },
    entries: ['app.tsx'],
    edit: { 'tsconfig.json': '{ "compilerOptions": { "jsx": "react", "jsxFactory": "fetch", "strict": true, "module": "commonjs" } }\n' },
    changed: { file: 'app.tsx', accept: ['NETWORK', 'UNANALYZED'] },
  },
  {
    id: 'withdrawn-list-loaded-by-new-entry',
    description: 'no file is edited: a second file named on the command line of the warm run loads signals.js and pushes SIGUSR1, so the re-raiser\'s withdrawal (choice 79) no longer holds',
    files: {
      'signals.js': "module.exports = ['SIGABRT', 'SIGALRM', 'SIGHUP'];\n",
      'reraise.cjs': "const signals = require('./signals.js');\nsignals.forEach(function (sig) {\n  process.kill(process.pid, sig);\n});\n",
      'entry.cjs': "process.on('SIGABRT', () => {});\nprocess.on('SIGALRM', () => {});\nprocess.on('SIGHUP', () => {});\nrequire('./reraise.cjs');\n",
    },
    entries: ['entry.cjs'],
    edit: { 'boot.cjs': "require('./signals.js').push('SIGUSR1');\nrequire('./entry.cjs');\n" },
    entriesAfter: ['entry.cjs', 'boot.cjs'],
    changed: { file: 'reraise.cjs', accept: ['NETWORK', 'DYNAMIC_CODE', 'UNANALYZED'] },
  },
];

/** Scenarios whose warm run differs from the uncached one today (recorded; remove a key when it passes). */
const WARM_EXPECTED_TO_FAIL: readonly string[] = [];

interface Finding { readonly file: string; readonly ruleId: string; readonly capability: string | null }

function runGuard(cwd: string, args: readonly string[]): Promise<Finding[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [guardCli, '--format', 'json', '--no-depcruise', ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      if (code !== 0 && code !== 1) return reject(new Error(`exit ${code}: ${stderr.split('\n')[0] ?? ''}`));
      try {
        resolve((JSON.parse(stdout) as { findings: Finding[] }).findings.map(({ file, ruleId, capability }) => ({ file: path.basename(file), ruleId, capability })));
      } catch {
        reject(new Error(`exit ${code} without a JSON report`));
      }
    });
  });
}

const keyOf = (findings: readonly Finding[]): string[] => [...new Set(findings.map((f) => `${f.file} ${f.ruleId} ${f.capability ?? '-'}`))].sort();
const write = (root: string, files: Readonly<Record<string, string>>): void => {
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  }
};

describe('red-team round 20, warm runs of tki-guard --fast (cross-module results kept between runs, choice 88)', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'tki-rt20-warm-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.each(SCENARIOS.map((scenario) => [scenario.id, scenario] as const))('%s', async (_id, scenario) => {
    const root = path.join(scratch, scenario.id);
    const cache = path.join(scratch, `${scenario.id}.cache`);
    write(root, scenario.files);
    const fast = await guardSyntacticFlag();
    const cached = [...fast, '--cache-location', cache, ...scenario.entries];
    const before = await runGuard(root, cached);
    write(root, scenario.edit);
    const after = scenario.entriesAfter ?? scenario.entries;
    const warm = await runGuard(root, [...fast, '--cache-location', cache, ...after]);
    const cold = await runGuard(root, [...fast, '--no-cache', ...after]);
    // The edit must matter: the uncached run after it judges the changed file as the scenario says.
    expect(cold.some((f) => f.file === scenario.changed.file && f.capability !== null && scenario.changed.accept.includes(f.capability))).toBe(true);
    const same = JSON.stringify(keyOf(warm)) === JSON.stringify(keyOf(cold));
    const listed = WARM_EXPECTED_TO_FAIL.includes(scenario.id);
    expect({ id: scenario.id, same, listed, before: keyOf(before), warm: keyOf(warm), cold: keyOf(cold) }).toMatchObject({ same: !listed });
  }, 300_000);
});
