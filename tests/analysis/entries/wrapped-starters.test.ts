import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entries, failsClosed, followed, untouched } from './entry-facts.js';

const CJS = "const path = require('node:path');\nconst cp = require('node:child_process');\n";
const JOB = "path.join(__dirname, 'job.cjs')";

describe('command lines built with +, .concat and .join read as templates do', () => {
  const cases: Array<[string, string]> = [
    ["'node ' + path.join(…)", `cp.execSync('node ' + ${JOB});`],
    ["'node ' + __dirname + '/job.cjs'", "cp.execSync('node ' + __dirname + '/job.cjs');"],
    ["'node '.concat(…)", `cp.execSync('node '.concat(${JOB}));`],
    ["['node', file].join(' ')", `cp.execSync(['node', ${JOB}].join(' '));`],
    ["execFileSync('node ' + f, { shell: true })", `cp.execFileSync('node ' + ${JOB}, { shell: true });`],
  ];
  for (const [name, text] of cases) it(`follows ${name}`, () => expect(entries(CJS + text)).toEqual(followed('./job.cjs')));
  it("follows NODE_OPTIONS '--import ' + pathToFileURL(pre).href", () => {
    const text = `${CJS}const { pathToFileURL } = require('node:url');\ncp.spawnSync(process.execPath, [path.join(__dirname, 'clean.cjs')], { env: { NODE_OPTIONS: '--import ' + pathToFileURL(path.join(__dirname, 'pre.cjs')).href } });`;
    expect(entries(text)).toEqual(followed('./clean.cjs', './pre.cjs'));
  });
  it('a number added to a string is no command word of its own', () => {
    expect(entries(`${CJS}cp.execSync('git log -n ' + (1 + 2));`)).toEqual(untouched);
  });
});

describe('a program in front of node', () => {
  const cases: Array<[string, string]> = [
    ["spawnSync('env', ['node', f])", `cp.spawnSync('env', ['node', ${JOB}]);`],
    ["spawnSync('env', ['-i', 'A=1', 'node', f])", `cp.spawnSync('env', ['-i', 'A=1', 'node', ${JOB}]);`],
    ['env VAR=1 node f (shell)', `cp.execSync(\`env RT7=1 node \${${JOB}}\`);`],
    ['VAR=1 node f (shell)', `cp.execSync(\`RT7=1 node \${${JOB}}\`);`],
    ['exec node f (shell)', `cp.execSync(\`exec node \${${JOB}}\`);`],
    ['nohup node f (shell)', `cp.execSync(\`nohup node \${${JOB}}\`);`],
    ["spawnSync('sh', ['-c', `node ${f}`])", `cp.spawnSync('sh', ['-c', \`node \${${JOB}}\`]);`],
    ['bash -c "exec node f" (shell)', `cp.execSync(\`bash -c "exec node \${${JOB}}"\`);`],
    ['spawnSync(process.title, [f])', `cp.spawnSync(process.title, [${JOB}]);`],
  ];
  for (const [name, text] of cases) it(`follows ${name}`, () => expect(entries(CJS + text)).toEqual(followed('./job.cjs')));
  it('env NODE_OPTIONS=… node f: the preload is followed too', () => {
    expect(entries(`${CJS}cp.spawnSync('env', [\`NODE_OPTIONS=--require \${path.join(__dirname, 'pre.cjs')}\`, 'node', ${JOB}]);`)).toEqual(followed('./pre.cjs', './job.cjs'));
  });
  it('wrappers of other programs stay EXEC alone', () => {
    expect(entries(`${CJS}cp.spawnSync('env', ['git', 'status']);`)).toEqual(untouched);
    expect(entries(`${CJS}cp.spawnSync('sh', ['-c', 'ls -la']);`)).toEqual(untouched);
    expect(entries(`${CJS}cp.execSync('exec git status');`)).toEqual(untouched);
  });
  it('a wrapped node whose file is not placed fails closed', () => {
    expect(entries(`${CJS}cp.spawnSync('env', ['node', './job.cjs']);`)).toEqual(failsClosed);
    expect(entries(`${CJS}module.exports = (line) => cp.spawnSync('sh', ['-c', line]);`).unanalyzed).toBe(false);
  });
});

describe('other ways to start node', () => {
  it('node -e code is UNANALYZED (the code is not parsed)', () => {
    expect(entries(`${CJS}cp.spawnSync(process.execPath, ['-e', 'require(process.argv[1])', ${JOB}]);`)).toEqual(failsClosed);
    expect(entries(`${CJS}cp.execSync('node --eval="require(\\'./x\\')"');`)).toEqual(failsClosed);
  });
  it('npm run / npm test / yarn: package scripts are UNANALYZED; inert npm commands are not', () => {
    expect(entries(`${CJS}cp.spawnSync('npm', ['run', '--silent', 'job'], { cwd: __dirname });`)).toEqual(failsClosed);
    expect(entries(`${CJS}cp.execSync('npm test');`)).toEqual(failsClosed);
    expect(entries(`${CJS}cp.execSync('yarn job');`)).toEqual(failsClosed);
    expect(entries(`${CJS}cp.execSync('npm --version');`)).toEqual(untouched);
    expect(entries(`${CJS}cp.spawnSync('npm', ['view', 'tki']);`)).toEqual(untouched);
  });
  const CLUSTER = "const path = require('node:path');\nconst cluster = require('node:cluster');\n";
  it('cluster.settings.exec = file is the file cluster.fork() runs', () => {
    expect(entries(`${CLUSTER}cluster.settings.exec = path.join(__dirname, 'job.cjs');\ncluster.fork();`)).toEqual(followed('./job.cjs'));
    expect(entries(`${CLUSTER}cluster.settings['exec'] = path.join(__dirname, 'job.cjs');`)).toEqual(followed('./job.cjs'));
    expect(entries(`${CLUSTER}cluster.settings = { exec: path.join(__dirname, 'job.cjs') };`)).toEqual(followed('./job.cjs'));
    expect(entries(`${CLUSTER}cluster.settings.execArgv = ['--require', path.join(__dirname, 'pre.cjs')];`)).toEqual(followed('./pre.cjs'));
  });
  it('cluster.settings written from a value it cannot place fails closed', () => {
    expect(entries(`${CLUSTER}module.exports = (file) => { cluster.settings.exec = file; };`)).toEqual(failsClosed);
    expect(entries(`${CLUSTER}cluster.settings.silent = true;`)).toEqual(untouched);
  });
});

describe('Node itself runs the wrapped forms (the cases above are what Node does)', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'tki-wrapped-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const run = (name: string, starter: string): boolean => {
    const marker = path.join(root, `${name}.ran`);
    // A cluster worker keeps its IPC channel open: it leaves it, so the primary sees it exit.
    writeFileSync(path.join(root, 'job.cjs'), `require('node:fs').writeFileSync(process.env.MARK ?? ${JSON.stringify(marker)}, 'x');\nprocess.disconnect?.();`);
    writeFileSync(path.join(root, `${name}.cjs`), `${CJS}${starter}`);
    const result = spawnSync(process.execPath, [path.join(root, `${name}.cjs`)], { env: { ...process.env, MARK: marker }, encoding: 'utf8', timeout: 30_000 });
    if (result.status !== 0) throw new Error(`${name}: ${result.stderr}`);
    return existsSync(marker);
  };
  it("env node f, sh -c 'node f', exec node f, 'node ' + f, process.title, cluster.settings.exec", () => {
    expect(run('env', `cp.spawnSync('env', ['node', ${JOB}], { stdio: 'inherit' });`)).toBe(true);
    expect(run('shc', `cp.spawnSync('sh', ['-c', 'node ' + ${JOB}], { stdio: 'inherit' });`)).toBe(true);
    expect(run('exec', `cp.execSync('exec node ' + ${JOB}, { stdio: 'inherit' });`)).toBe(true);
    expect(run('title', `cp.spawnSync(process.title, [${JOB}], { stdio: 'inherit' });`)).toBe(true);
    expect(run('cluster', `const cluster = require('node:cluster');\ncluster.settings.exec = ${JOB};\ncluster.fork().on('exit', () => process.exit(0));`)).toBe(true);
  });
});
