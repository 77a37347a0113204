import { afterAll, describe, expect, it } from 'vitest';
import { capabilitiesOf, typedProject } from '../typed-program.js';
import { analyzeSourceFile, parseSourceText } from '../../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../../policy/index.js';
import { entries, followed, untouched } from './entry-facts.js';

// Issue #11, round 9 (res9-*): command lines the reader cannot place into a known program and
// entry, and Node's own env file. Each class has its cases and negative controls.
const CJS = "const path = require('node:path');\nconst cp = require('node:child_process');\n";
const JOB = "path.join(__dirname, 'job.cjs')";

describe('a shell line whose program or entry the reader cannot place', () => {
  const unplaced: Array<[string, string]> = [
    ['a program named by a shell variable', `cp.execSync('N=node; $N ' + ${JOB});`],
    ['a program named by a command substitution', `cp.execSync('$(which node) ' + ${JOB});`],
    ['a program named in backquotes', `cp.execSync('\`which node\` ' + ${JOB});`],
    ['xargs node reading the entry from a pipe', `cp.execSync('echo ' + ${JOB} + ' | xargs node');`],
    ['find -exec node', `cp.execSync('find . -name job.cjs -exec node {} ;');`],
    ['eval of a line the shell expands', `cp.execSync('eval "$RUN ' + ${JOB} + '"');`],
    ['an unknown program with node among its words', `cp.execSync('parallel node ::: ' + ${JOB});`],
    ['a shell reading its lines from a pipe', `cp.execSync('echo node ' + ${JOB} + ' | sh');`],
    ['spawn of a shell with no script', "cp.spawn('bash', [], { stdio: ['pipe', 'inherit', 'inherit'] });"],
  ];
  for (const [name, call] of unplaced) it(`${name} is UNANALYZED`, () => expect(entries(`${CJS}${call}`).unanalyzed).toBe(true));
  const placed: Array<[string, string]> = [
    ['git status', "cp.execSync('git status');"],
    ['echo of a word', "cp.execSync('echo done; ls -la');"],
    ['a variable in an argument, not the program', "cp.execSync('echo $HOME');"],
    ['an assignment before a known program', "cp.execSync('LANG=C git log');"],
  ];
  for (const [name, call] of placed) it(`negative control: ${name} is no Node start`, () => expect(entries(`${CJS}${call}`)).toEqual(untouched));
  it('a shell running its script file: the script is not read (docs/choices.md 86, fail closed)', () => {
    expect(entries(`${CJS}cp.spawnSync('bash', ['scripts/build.sh']);`)).toEqual({ edges: [], unanalyzed: true });
  });
  it('eval of a written node line is read as that line (session 16): followed', () => {
    expect(entries(`${CJS}cp.execSync('eval "node ' + ${JOB} + '"');`)).toEqual(followed('./job.cjs'));
  });
  it('a Node command after a placed one is still followed', () => {
    expect(entries(`${CJS}cp.execSync('echo start; node ' + ${JOB});`)).toEqual(followed('./job.cjs'));
  });
});

// Round 15 (launch15-lookalike-shell-colon-node): `:`, `true` and `false` run none of their words.
describe('a shell builtin that runs none of its words', () => {
  it('look-alikes: `: node x`, `true node x`, `false node x` start nothing', () => {
    for (const program of [':', 'true', 'false']) expect(entries(`${CJS}cp.execSync('${program} node ' + JSON.stringify(${JOB}) + '; echo done');`), program).toEqual(untouched);
  });
  it('the evasions next to them: a substitution among its words, or a Node command after it, still runs Node', () => {
    // Session 16: the substitution is a command of its own, judged as the top-level one is.
    expect(entries(`${CJS}cp.execSync(': $(node ' + ${JOB} + ')');`)).toEqual(followed('./job.cjs'));
    // Followed or failed closed, never nothing.
    expect(entries(`${CJS}cp.execSync('true && node ' + JSON.stringify(${JOB}));`)).not.toEqual(untouched);
    expect(entries(`${CJS}cp.execSync('true; node ' + ${JOB});`)).toEqual(followed('./job.cjs'));
    expect(entries(`${CJS}cp.execFileSync('true', ['&&', 'node', ${JOB}], { shell: true });`)).not.toEqual(untouched);
  });
});

describe('a starter kept in a private field (all its reads are in the class body)', () => {
  const field = (body: string): string => `${CJS}class Shell {\n  #run = cp.fork;\n  ${body}\n}\nnew Shell();`;
  it('called there: the file is followed', () => {
    expect(entries(field(`go() { return this.#run(${JOB}); }`))).toEqual(followed('./job.cjs'));
  });
  it('handed on from there, or written again: UNANALYZED', () => {
    expect(entries(field('get run() { return this.#run; }')).unanalyzed).toBe(true);
    expect(entries(field(`swap(f) { this.#run = f; } go() { return this.#run(${JOB}); }`)).unanalyzed).toBe(true);
  });
  it('negative control: a fixed command through the field is no Node start', () => {
    expect(entries(`${CJS}class Shell {\n  #run = cp.execSync;\n  whoami() { return String(this.#run('whoami')).trim(); }\n}\nnew Shell();`)).toEqual(untouched);
  });
});

describe("Node's --env-file", () => {
  it('a file placed beside the code is an env-file reference the guard reads (choice 87); the entry is still followed', () => {
    const envFiles = (text: string): Array<string | null> => analyzeSourceFile(parseSourceText('src/entry.cjs', text), { policy: RECOMMENDED_POLICY, relativePath: 'src/entry.cjs' }).references.filter((reference) => reference.kind === 'env-file').map((reference) => reference.specifier);
    const text = `${CJS}cp.spawnSync(process.execPath, ['--env-file=' + path.join(__dirname, 'child.env'), ${JOB}]);`;
    expect(entries(text)).toEqual(followed('./job.cjs'));
    expect(envFiles(text)).toEqual(['./child.env']);
    const separate = `${CJS}cp.spawnSync(process.execPath, ['--env-file', path.join(__dirname, 'child.env'), ${JOB}]);`;
    expect(entries(separate)).toEqual(followed('./job.cjs'));
    expect(envFiles(separate)).toEqual(['./child.env']);
  });
  it('a file the syntax cannot place (no working directory proven): UNANALYZED, and the entry is still followed', () => {
    expect(entries(`${CJS}cp.execSync('node --env-file-if-exists=.env ' + ${JOB});`)).toEqual({ edges: ['./job.cjs'], unanalyzed: true });
    expect(entries(`${CJS}cp.spawnSync(process.execPath, ['--env-file=' + process.argv[2], ${JOB}]);`)).toEqual({ edges: ['./job.cjs'], unanalyzed: true });
  });
  it('negative control: the same child without it', () => {
    expect(entries(`${CJS}cp.spawnSync(process.execPath, ['--no-warnings', ${JOB}]);`)).toEqual(followed('./job.cjs'));
  });
});

describe('typed mode follows a starter kept in a slot of its own type to its calls', () => {
  const project = typedProject({
    'jobs/job.cjs': "require('node:net').connect(80, 'example.org');",
    'starters.ts': "import { fork } from 'node:child_process';\nimport { Worker } from 'node:worker_threads';\nexport class Base { protected start = fork; protected Thread = Worker; }\nexport { fork };",
    'derived.ts': "import { Base } from './starters.js';\nexport class Derived extends Base { go(): void { this.start(`${__dirname}/jobs/job.cjs`); } }",
    'fork-field.ts': "import { fork } from 'node:child_process';\nexport class Starter { protected start = fork; }",
    'through-barrel.ts': "import { fork } from './starters.js';\nfork(`${__dirname}/jobs/job.cjs`);",
    'lookalike.ts': "import { Base } from './starters.js';\nexport class Quiet extends Base { go(): string { return typeof this.start; } }",
  });
  afterAll(() => project.dispose());
  it('a Worker kept in a field (its construction the types do not place) is UNANALYZED where handed on', () => {
    expect(capabilitiesOf(project.typed('starters.ts'))).toContain('UNANALYZED');
    expect(capabilitiesOf(project.typed('fork-field.ts'))).toEqual(['EXEC']);
  });
  for (const file of ['derived.ts', 'through-barrel.ts']) {
    it(`${file}: the child's entry is an edge, followed with types and UNANALYZED-free`, () => {
      const typed = project.typed(file);
      expect(typed.references.some((reference) => reference.specifier?.endsWith('jobs/job.cjs'))).toBe(true);
      expect(capabilitiesOf(typed)).not.toContain('UNANALYZED');
    });
  }
  it('negative control: a starter slot only tested is no child', () => {
    expect(project.typed('lookalike.ts').references.some((reference) => reference.specifier?.endsWith('jobs/job.cjs'))).toBe(false);
  });
});
