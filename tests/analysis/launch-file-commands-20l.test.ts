import { describe, expect, it } from 'vitest';
import { entries } from './entries/entry-facts.js';

const CJS = "const cp = require('node:child_process');\n";
const shell = (line: string, options = ''): string => `${CJS}cp.execSync(${JSON.stringify(line)}, { cwd: __dirname }${options});`;

describe('scratch', () => {
  it('prints', () => {
    for (const line of [". /dev/stdin <<'EOF'\nnode --require ./pre.cjs clean.cjs\nEOF", "exec 3<<'EOF'\nnode --require ./pre.cjs clean.cjs\nEOF\n. /dev/fd/3", ". /dev/stdin <<EOF\nnode --require ./pre.cjs clean.cjs\nEOF", ". ./x.sh", ". /dev/null", "make -s rt19", "make -n rt19", "make -s -f rt19.mk", "make -s", "GIT_CONFIG_GLOBAL=rt19.gitconfig GIT_CONFIG_NOSYSTEM=1 git rt19", "HOME=. GIT_CONFIG_NOSYSTEM=1 git rt19", "git status", "git -c user.name=x commit -m node", "git -c core.pager=less log", "export HOME=.; git log"]) console.log(JSON.stringify(line), JSON.stringify(entries(shell(line))));
    console.log(JSON.stringify(entries(`${CJS}cp.execFileSync('bash', ['-c', "source /dev/stdin <<< 'node --require ./pre.cjs clean.cjs'"], { cwd: __dirname });`)));
    console.log(JSON.stringify(entries(`${CJS}cp.execFileSync('bash', ['-c', "source <(printf '%s\\\\n' 'node --require ./pre.cjs clean.cjs')"], { cwd: __dirname });`)));
    expect(1).toBe(1);
  });
});
