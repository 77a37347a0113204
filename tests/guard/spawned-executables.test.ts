import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { interpreterOf } from '../../guard/resolve/spawned-executable.js';
import { findingKeys, guardDirectory } from './helpers.js';

const NET_SCRIPT = "require('node:net').connect(59999, '127.0.0.1');\n";
/** The starter holds EXEC: only what the started program is judged. */
const POLICY = JSON.stringify({ grants: [{ files: ['entry.cjs'], capabilities: ['EXEC'], reason: 'starts a tool on purpose' }] });

/** A project whose `entry.cjs` starts `tool` (executable, with `toolText`) by `start`. */
function project(start: string, toolText: string | Buffer | null, toolName = 'tool'): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tki-spawned-'));
  writeFileSync(path.join(root, 'tki.policy.json'), POLICY);
  writeFileSync(path.join(root, 'entry.cjs'), `const path = require('node:path');\nconst cp = require('node:child_process');\n${start}\n`);
  if (toolText !== null) {
    mkdirSync(path.dirname(path.join(root, toolName)), { recursive: true });
    writeFileSync(path.join(root, toolName), toolText);
    chmodSync(path.join(root, toolName), 0o755);
  }
  return root;
}

const NODE_LINES = ['#!/usr/bin/env node', '#!/usr/bin/node', '#!/usr/local/bin/nodejs', '#!/usr/bin/env -S node --no-warnings', '#! /usr/bin/env node', '#!/usr/bin/env -i node', '#!/usr/bin/env -Snode --enable-source-maps'];

describe('the first line of a program started by its path', () => {
  it.each(NODE_LINES)('%s is Node', (line) => expect(interpreterOf(`${line}\nconsole.log(1)\n`)).toBe('node'));
  it.each(['#!/opt/nodejs-tools/run', '#!/usr/bin/env deno', '\u007fELF\u0002\u0001', 'MZ\u0000\u0000'])('%s is another program', (head) => expect(interpreterOf(head)).toBe('other'));
  // Choice 90: a shell or script interpreter runs the file's commands, which the guard does not read (as `sh FILE`, choice 86).
  it.each(['#!/bin/sh', '#!/usr/bin/env python3', '#!/usr/bin/env bash', '#!/bin/dash -e', '#!/usr/bin/make -f', "console.log('no #! line: the OS runs it with /bin/sh')"])('%s is a script whose commands are not read', (head) => expect(interpreterOf(head)).toBe('script'));
  it.each(['#!/usr/bin/env -S node --require ./pre.cjs', '#!/usr/bin/env NODE_OPTIONS=--require=./pre.cjs node', '#!/usr/bin/node --import=./pre.mjs', '#!/usr/bin/env -S node --inspect'])('%s is Node with settings the guard does not follow', (line) => expect(interpreterOf(`${line}\n`)).toBe('node-unplaced'));
});

describe('a spawned program whose #! line names Node is a Node child (issue #11)', () => {
  const escapes: Array<[string, string]> = [
    ['spawnSync(path.join(__dirname, …))', "cp.spawnSync(path.join(__dirname, 'tool'), [], { stdio: 'inherit' });"],
    ['execFileSync', "cp.execFileSync(path.join(__dirname, 'tool'));"],
    ['spawn.call', "cp.spawn.call(cp, path.join(__dirname, 'tool'), ['--x']);"],
    ['a shell line with cwd', "cp.execSync('./tool', { cwd: __dirname, stdio: 'inherit' });"],
    ['spawn with shell: true', "cp.spawn('./tool --x', { shell: true, cwd: __dirname });"],
    ['a shell line that is a quoted path (JSON.stringify)', "cp.execSync(JSON.stringify(path.join(__dirname, 'tool')), { stdio: 'inherit' });"],
  ];
  for (const typed of [false, true]) {
    for (const [name, start] of escapes) {
      it(`${name} reaches the script's NET (${typed ? 'typed' : 'fast'})`, async () => {
        const run = await guardDirectory(project(start, `#!/usr/bin/env node\n${NET_SCRIPT}`), { typed });
        expect(findingKeys(run)).toContain('entry.cjs:3 transitive-capability NETWORK');
      });
    }
  }

  it('catches a Node script whatever its name (tool.sh) and every #! form', async () => {
    for (const line of NODE_LINES) {
      const run = await guardDirectory(project("cp.spawnSync(path.join(__dirname, 'bin', 'tool.sh'));", `${line}\n${NET_SCRIPT}`, 'bin/tool.sh'));
      expect(findingKeys(run), line).toContain('entry.cjs:3 transitive-capability NETWORK');
    }
  });

  it('fails closed on a Node line with settings it does not follow, and on a path that is no file', async () => {
    const preload = await guardDirectory(project("cp.spawnSync(path.join(__dirname, 'tool'));", `#!/usr/bin/env -S node --require ./pre.cjs\nconsole.log(1);\n`));
    expect(findingKeys(preload)).toEqual(['entry.cjs:3 unresolved-module UNANALYZED']);
    const missing = await guardDirectory(project("cp.spawnSync(path.join(__dirname, 'tool'));", null));
    expect(findingKeys(missing)).toEqual(['entry.cjs:3 unresolved-module UNANALYZED']);
  });

  it('leaves other programs to the EXEC grant: a binary; a #!/bin/sh script and a text file without a #! line (the OS runs it with /bin/sh) fail closed (choice 90)', async () => {
    const starts = ["cp.spawnSync(path.join(__dirname, 'tool'));", "cp.execSync('./tool', { cwd: __dirname });"];
    for (const start of starts) {
      expect(findingKeys(await guardDirectory(project(start, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]))))).toEqual([]);
      for (const tool of [`#!/bin/sh\necho ok\n`, NET_SCRIPT]) expect(findingKeys(await guardDirectory(project(start, tool)))).toEqual([`entry.cjs:3 unresolved-module UNANALYZED`]);
    }
    // `tool.js` is a source file of the project (its own finding); started by its path with no #! line, /bin/sh runs it as a script (choice 90).
    const js = await guardDirectory(project("cp.spawnSync(path.join(__dirname, 'tool.js'));", NET_SCRIPT, 'tool.js'));
    expect(findingKeys(js)).toEqual(['entry.cjs:3 unresolved-module UNANALYZED', 'tool.js:1 no-forbidden-capability NETWORK']);
  });

  it('decides again on a warm run when the #! line changes (the first bytes are a recorded observation)', async () => {
    const root = project("cp.spawnSync(path.join(__dirname, 'tool'));", `#!/usr/bin/env deno\n`);
    mkdirSync(path.join(root, 'node_modules'));
    expect(findingKeys(await guardDirectory(root, { cache: true }))).toEqual([]);
    expect(findingKeys(await guardDirectory(root, { cache: true }))).toEqual([]);
    writeFileSync(path.join(root, 'tool'), `#!/usr/bin/env node\n${NET_SCRIPT}`);
    expect(findingKeys(await guardDirectory(root, { cache: true }))).toContain('entry.cjs:3 transitive-capability NETWORK');
    writeFileSync(path.join(root, 'tool'), `#!/usr/bin/env deno\n`);
    expect(findingKeys(await guardDirectory(root, { cache: true }))).toEqual([]);
  });
});

// Round 14 (shebang14-*): interpreters that are Node under another name, behind a wrapper, or a file.
const WRAPPED_NODE_LINES = ['#!/proc/self/exe', '#!/proc/thread-self/exe', '#!/proc/4242/exe', '#!/usr/bin/nohup node', '#!/usr/bin/setsid node', '#!/usr/bin/env -S nice node', '#!/usr/bin/env -S env node', '#!/usr/bin/env -S nice -n 5 nohup node', '#!/usr/bin/timeout 10 node', '#!/usr/bin/env -S stdbuf -o0 node', '#!/usr/bin/env -S ionice -c 3 node', '#!/usr/bin/env -S taskset 0x1 node', '#!/usr/bin/env -S chrt 5 node', '#!/usr/bin/time node'];

describe('a #! line whose interpreter is Node under a wrapper or another name (round 14)', () => {
  it.each(WRAPPED_NODE_LINES)('%s is Node', (line) => expect(interpreterOf(`${line}\n`)).toBe('node'));
  it.each(['#!/usr/bin/nohup sh', '#!/usr/bin/env -S nice python3', '#!/usr/bin/setsid /bin/sh'])('%s is a script whose commands are not read', (line) => expect(interpreterOf(`${line}\n`)).toBe('script'));
  it.each(['#!/usr/bin/nohup deno', '#!/usr/bin/env -S nice cat'])('%s is another program', (line) => expect(interpreterOf(`${line}\n`)).toBe('other'));
  it.each(['#!/usr/bin/env -S nohup env NODE_OPTIONS=--require=./pre.cjs node', '#!/usr/bin/nohup node --require ./pre.cjs', '#!/proc/self/exe --import ./pre.mjs'])('%s is Node with settings the guard does not follow', (line) => expect(interpreterOf(`${line}\n`)).toBe('node-unplaced'));
  it('a relative interpreter (resolved from the child\'s working directory) and a line of wrappers past the limit are unknown', () => {
    expect(interpreterOf('#!./launcher\n')).toBe('unknown');
    expect(interpreterOf(`#!/usr/bin/env -S ${'nice '.repeat(12)}node\n`)).toBe('unknown');
  });
});

describe('an interpreter or program that is a file the guard follows (round 14)', () => {
  const START = "cp.spawnSync(path.join(__dirname, 'tool'), [], { stdio: 'inherit' });";
  /** A project whose `tool` names `interpreter(root)` on its #! line, with more files beside it. */
  function chained(interpreter: (root: string) => string, files: Record<string, string>): string {
    const root = project(START, null);
    writeFileSync(path.join(root, 'tool'), `#!${interpreter(root)}\n${NET_SCRIPT}`);
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
    return root;
  }

  it('an interpreter script whose own #! names Node: the script and the interpreter are Node entries', async () => {
    const root = chained((at) => path.join(at, 'launcher'), { launcher: "#!/usr/bin/env node\nconsole.log('launcher');\n" });
    expect(findingKeys(await guardDirectory(root))).toContain('entry.cjs:3 transitive-capability NETWORK');
  });
  it('an interpreter that is a link to the Node executable is Node', async () => {
    const root = chained((at) => path.join(at, 'runtime'), {});
    symlinkSync(process.execPath, path.join(root, 'runtime'));
    expect(findingKeys(await guardDirectory(root))).toContain('entry.cjs:3 transitive-capability NETWORK');
  });
  it('a relative interpreter, a cycle of interpreter scripts and a chain past the limit fail closed', async () => {
    expect(findingKeys(await guardDirectory(chained(() => './launcher', { launcher: '#!/usr/bin/env node\n' })))).toEqual(['entry.cjs:3 unresolved-module UNANALYZED']);
    const cycle = chained((at) => path.join(at, 'a'), {});
    writeFileSync(path.join(cycle, 'a'), `#!${path.join(cycle, 'b')}\n`);
    writeFileSync(path.join(cycle, 'b'), `#!${path.join(cycle, 'a')}\n`);
    expect(findingKeys(await guardDirectory(cycle))).toEqual(['entry.cjs:3 unresolved-module UNANALYZED']);
    const deep = chained((at) => path.join(at, 's0'), {});
    for (let level = 0; level < 6; level++) writeFileSync(path.join(deep, `s${level}`), level === 5 ? '#!/usr/bin/env node\n' : `#!${path.join(deep, `s${level + 1}`)}\n`);
    expect(findingKeys(await guardDirectory(deep))).toEqual(['entry.cjs:3 unresolved-module UNANALYZED']);
  });
  it('an interpreter script that leads to another program leaves the tool to the EXEC grant; one run by a shell fails closed (choice 90)', async () => {
    const root = chained((at) => path.join(at, 'launcher'), { launcher: '#!/usr/bin/env deno\n' });
    expect(findingKeys(await guardDirectory(root))).toEqual([]);
    const shell = chained((at) => path.join(at, 'launcher'), { launcher: '#!/bin/sh\necho ok\n' });
    expect(findingKeys(await guardDirectory(shell))).toEqual(['entry.cjs:3 unresolved-module UNANALYZED']);
  });
  it('a spawned path that is a link to the Node executable (or /proc/self/exe) fails closed; a link to another binary is EXEC', async () => {
    for (const target of [process.execPath, '/proc/self/exe']) {
      const root = project("cp.spawnSync(path.join(__dirname, 'runtime'), [path.join(__dirname, 'job.cjs')]);", null);
      symlinkSync(target, path.join(root, 'runtime'));
      expect(findingKeys(await guardDirectory(root)), target).toEqual(['entry.cjs:3 unresolved-module UNANALYZED']);
    }
    const echo = project("cp.spawnSync(path.join(__dirname, 'runtime'), ['hello']);", null);
    symlinkSync('/bin/echo', path.join(echo, 'runtime'));
    expect(findingKeys(await guardDirectory(echo))).toEqual([]);
  });
});

// Round 15 (shebang15-env-split-*): env's `-S` string read by GNU env's own quoting rules (env-split-string.ts).
const SPLIT_NODE_LINES = ['#!/usr/bin/env -S "node"', "#!/usr/bin/env -S 'node'", '#!/usr/bin/env -S no"de"', '#!/usr/bin/env --split-string=node', '#!/usr/bin/env --sp=node', '#!/usr/bin/env -vS node', '#!/usr/bin/env -S node\\c --require ./pre.cjs', '#!/usr/bin/env -S node # --require ./pre.cjs', '#!/usr/bin/env -S"node" --no-warnings', '#!/usr/bin/env -S -i "nohup" node'];

describe('a #! line whose env -S string is quoted, escaped or a long option (round 15)', () => {
  it.each(SPLIT_NODE_LINES)('%s is Node', (line) => expect(interpreterOf(`${line}\n`)).toBe('node'));
  it.each(['#!/usr/bin/env -S "node" --require ./pre.cjs', '#!/usr/bin/env --split-string=node -r ./pre.cjs', "#!/usr/bin/env -S 'node' --check --require ./pre.cjs"])('%s is Node with settings the guard does not follow', (line) => expect(interpreterOf(`${line}\n`)).toBe('node-unplaced'));
  it('a string whose words come from the environment is unknown', () => expect(interpreterOf('#!/usr/bin/env -S ${RUNNER} x\n')).toBe('unknown'));
  // Look-alikes: a syntax check runs none of the file; a string env refuses starts nothing.
  it.each(['#!/usr/bin/env -S node --check', '#!/usr/bin/env -S "node" -c', '#!/usr/bin/node --check', '#!/usr/bin/env -S "node', '#!/usr/bin/env -S node\\q'])('%s runs none of the file as Node', (line) => expect(interpreterOf(`${line}\n`)).toBe('other'));
  it('still reaches the script behind a quoted interpreter, and leaves a syntax-checked one to the EXEC grant', async () => {
    const start = "cp.spawnSync(path.join(__dirname, 'tool'));";
    expect(findingKeys(await guardDirectory(project(start, `#!/usr/bin/env -S no"de"\n${NET_SCRIPT}`)))).toContain('entry.cjs:3 transitive-capability NETWORK');
    expect(findingKeys(await guardDirectory(project(start, `#!/usr/bin/env -S node --check\n${NET_SCRIPT}`)))).toEqual([]);
  });
});
