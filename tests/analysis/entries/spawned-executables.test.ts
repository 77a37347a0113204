import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../../policy/index.js';

/** The `spawned-executable` edges of a file (the guard decides them by the file's first line) and whether anything was UNANALYZED. */
function spawned(text: string, relativePath = 'src/entry.cjs'): { edges: Array<string | null>; unanalyzed: boolean } {
  const facts = analyzeSourceFile(parseSourceText(relativePath, text), { policy: RECOMMENDED_POLICY, relativePath });
  return {
    edges: facts.references.filter((reference) => reference.kind === 'spawned-executable').map((reference) => reference.specifier),
    unanalyzed: facts.findings.some((finding) => finding.capability === 'UNANALYZED'),
  };
}

const CJS = "const cp = require('node:child_process');\nconst path = require('node:path');\n";
const ESM = "import { spawnSync, execFile } from 'node:child_process';\nimport path from 'node:path';\n";

describe('a program started by its path is a spawned-executable edge: the syntax reads no file', () => {
  const placed: Array<[string, string, string]> = [
    ['spawnSync(path.join(__dirname, …))', `${CJS}cp.spawnSync(path.join(__dirname, 'tool'), [], { stdio: 'inherit' });`, './tool'],
    ['spawn with arguments', `${CJS}cp.spawn(path.join(__dirname, 'bin', 'tool.sh'), ['--x']);`, './bin/tool.sh'],
    ['execFileSync of a template', `${CJS}cp.execFileSync(\`\${__dirname}/tool\`);`, './tool'],
    ['execFile.call', `${CJS}cp.execFile.call(cp, path.join(__dirname, '..', 'tool'));`, '../tool'],
    ['a shell line with cwd', `${CJS}cp.execSync('./tool', { cwd: __dirname, stdio: 'inherit' });`, './tool'],
    ['a shell line behind a wrapper and another command', `${CJS}cp.exec('echo start && env A=1 ./tools/run --x', { cwd: __dirname });`, './tools/run'],
    ['spawn with shell: true', `${CJS}cp.spawn('./tool', { shell: true, cwd: path.join(__dirname, 'bin') });`, './bin/tool'],
    ['a relative path against a placed cwd', `${CJS}cp.spawnSync('bin/tool', [], { cwd: __dirname });`, './bin/tool'],
    ['an absolute path', `${CJS}cp.spawnSync('/opt/tools/tool');`, '/opt/tools/tool'],
  ];
  for (const [name, text, edge] of placed) {
    it(`places ${name}`, () => expect(spawned(text)).toEqual({ edges: [edge], unanalyzed: false }));
  }

  it('places import.meta.dirname in an ES module', () => {
    expect(spawned(`${ESM}spawnSync(path.join(import.meta.dirname, 'tool'));\nexecFile(path.join(import.meta.dirname, 'other'));`, 'src/entry.mjs')).toEqual({ edges: ['./tool', './other'], unanalyzed: false });
  });

  it('fails closed on a path it cannot place: the working directory of the process, a path from process.cwd()', () => {
    expect(spawned(`${CJS}cp.spawnSync('./tool');`)).toEqual({ edges: [], unanalyzed: true });
    expect(spawned(`${CJS}cp.execSync('./tool --x');`)).toEqual({ edges: [], unanalyzed: true });
    expect(spawned(`${CJS}cp.spawnSync(path.join(process.cwd(), 'tool'));`).unanalyzed).toBe(true);
  });

  it('leaves a bare command name to PATH (the EXEC grant): no edge, nothing unanalyzed', () => {
    expect(spawned(`${CJS}cp.spawnSync('git', ['status']);\ncp.execSync('git status && echo ok');`)).toEqual({ edges: [], unanalyzed: false });
  });

  it('judges by content, never by name: a `.sh` or `.py` path is an edge like any other', () => {
    expect(spawned(`${CJS}cp.spawnSync(path.join(__dirname, 'tool.sh'));\ncp.spawnSync(path.join(__dirname, 'tool.py'));`).edges).toEqual(['./tool.sh', './tool.py']);
  });

  it('keeps Node starts as Node entries, not spawned executables', () => {
    expect(spawned(`${CJS}cp.spawnSync(process.execPath, [path.join(__dirname, 'x.cjs')]);\ncp.execSync('node ./x.cjs', { cwd: __dirname });`).edges).toEqual([]);
  });
});
