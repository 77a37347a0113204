import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';

/**
 * Red team round 6's static findings (fixtures/evasions/red-team-6): the CommonJS loader's writable
 * state, the tty streams' socket parent, SIGUSR1 and `_debugProcess`, and the pure members of
 * `node:cluster` and `node:diagnostics_channel`. Each case has its negative control.
 */
const analyze = (text: string, relativePath = 'lib/entry.cjs') => analyzeSourceFile(parseSourceText(relativePath, text), { policy: RECOMMENDED_POLICY, relativePath });
const capabilities = (text: string, relativePath?: string): string[] => [...new Set(analyze(text, relativePath).findings.map((finding) => finding.capability ?? finding.ruleId))].sort();
const requires = (text: string): Array<string | null> => analyze(text).references.filter((reference) => reference.kind === 'require').map((reference) => reference.specifier);

describe('the CommonJS loader\'s writable state', () => {
  it.each([
    ["module.paths.unshift(require('node:path').join(__dirname, 'vendor'));", 'module.paths.unshift(…)'],
    ["module.paths.push('/opt/vendor');", 'module.paths.push(…)'],
    ["module.paths[0] = '/opt/vendor';", 'module.paths'],
    ['module.paths.length = 0;', 'module.paths'],
    ["module.paths = ['/opt/vendor'];", 'module.paths'],
    ["Array.prototype.unshift.call(module.paths, '/opt');", 'module.paths'],
    ["module.filename = '/elsewhere/index.cjs';", 'module.filename'],
    ["module.filename = process.argv[2];", 'module.filename'],
    ["function f(p) { module.filename = p; }", 'module.filename'],
    ["module.id = '';", 'module.id'],
    ["if (require.main) require.main.filename = __dirname + '/lib/index.cjs';", 'require.main.filename'],
    ["require.main.paths.unshift('/opt');", 'require.main.paths.unshift(…)'],
    ["module.parent.filename = '/x/y.cjs';", 'module.parent.filename'],
    ["process.mainModule.paths.push('/opt');", 'process.mainModule.paths.push(…)'],
  ])('%s is UNANALYZED, saying why', (text, name) => {
    const findings = analyze(text).findings.filter((finding) => finding.capability === 'UNANALYZED');
    const finding = findings.find((candidate) => candidate.data.name === name);
    expect(finding, JSON.stringify(findings.map((candidate) => candidate.data))).toBeDefined();
    expect(finding?.message).toContain('changes which files they load');
  });

  it.each([
    'if (require.main === module) main();',
    'console.log(module.filename, __filename, __dirname);',
    'const here = module.filename;',
    "const found = module.paths.includes('/opt');",
    "console.log(module.paths.join(':'), module.paths.length);",
    "module.exports = { a: 1 }; module.exports.b = 2; exports.c = 3;",
    'const mainFile = require.main && require.main.filename;',
  ])('a read stays clean: %s', (text) => {
    expect(analyze(text).findings).toEqual([]);
  });

  it.each(["require.main.require('./x.cjs');", "module.parent.require('../y.cjs');", "process.mainModule.require('./x.cjs');"])(
    "%s resolves against another module's folder: UNANALYZED",
    (text) => {
      expect(capabilities(text)).toContain('UNANALYZED');
    },
  );

  it('a bare name through another record, and this module\'s own `module.require`, stay followed edges', () => {
    expect(capabilities("module.require('./x.cjs');")).toEqual([]);
    expect(analyze("require.main.require('kit');").findings.filter((finding) => finding.capability === 'UNANALYZED')).toEqual([]);
  });

  it('follows one provable top-level `module.filename` rebase: later relative requires load from the new folder', () => {
    const text = [
      "const path = require('node:path');",
      "require('./before.cjs');",
      "module.filename = path.join(__dirname, 'lib', 'index.cjs');",
      "require('./tool.cjs');",
      "require('kit');",
      "function later() { return require('./late.cjs'); }",
    ].join('\n');
    expect(analyze(text).findings).toEqual([]);
    expect(requires(text)).toEqual(['node:path', './before.cjs', './lib/tool.cjs', 'kit', './late.cjs', './lib/late.cjs']);
  });

  it('does not follow a rebase that is written twice, or not at the top level: UNANALYZED, names unchanged', () => {
    const twice = ["module.filename = __dirname + '/a/x.cjs';", "module.filename = __dirname + '/b/x.cjs';", "require('./tool.cjs');"].join('\n');
    expect(capabilities(twice)).toEqual(['UNANALYZED']);
    expect(requires(twice)).toEqual(['./tool.cjs']);
    const nested = ["if (process.env.X) { module.filename = __dirname + '/a/x.cjs'; }", "require('./tool.cjs');"].join('\n');
    expect(capabilities(nested)).toContain('UNANALYZED');
    expect(requires(nested)).toEqual(['./tool.cjs']);
  });
});

describe('member tables: tty, process signals, cluster, diagnostics_channel', () => {
  it('the tty streams are net.Socket subclasses: NETWORK; isatty stays clean', () => {
    expect(capabilities("const tty = require('node:tty');\nconst Socket = Object.getPrototypeOf(tty.ReadStream);\nnew Socket().connect(1, 'h');")).toContain('NETWORK');
    expect(capabilities("import { WriteStream } from 'node:tty';\nclass S extends WriteStream {}", 'lib/a.ts')).toContain('NETWORK');
    expect(analyze("import tty from 'node:tty';\nconsole.log(tty.isatty(1) ? process.stdout.columns : 80);", 'lib/a.ts').findings).toEqual([]);
  });

  it.each([
    "process.kill(process.pid, 'SIGUSR1');",
    'process.kill(pid, 10);',
    'process.kill(pid, signal);',
    "process.kill.call(process, pid, 'SIGUSR1');",
    'process.kill.apply(process, args);',
    "const { kill } = require('node:process');\nkill(pid, 'SIGUSR1');",
    'process._debugProcess(process.pid);',
  ])('%s opens the inspector: NETWORK and DYNAMIC_CODE', (text) => {
    expect(capabilities(text)).toEqual(expect.arrayContaining(['NETWORK', 'DYNAMIC_CODE']));
  });

  it.each(["process.kill(pid, 'SIGTERM');", 'process.kill(pid);', 'process.kill(pid, 0);', "process.kill(pid, 'SIGKILL');"])('%s is a signal: SYSTEM only', (text) => {
    expect(capabilities(text)).toEqual(['SYSTEM']);
  });

  it('reads of the worker handle are clean; forking stays EXEC', () => {
    expect(analyze("import cluster from 'node:cluster';\nconsole.log(`worker ${cluster.worker?.id ?? 'primary'}`);\nif (cluster.worker?.isDead()) process.exitCode = 1;", 'lib/a.ts').findings).toEqual([]);
    expect(capabilities("import cluster from 'node:cluster';\ncluster.fork();", 'lib/a.ts')).toEqual(['EXEC']);
    expect(capabilities("import cluster from 'node:cluster';\ncluster.setupPrimary({ exec: 'x.js' });", 'lib/a.ts')).toContain('EXEC');
    expect(capabilities("import cluster from 'node:cluster';\nfor (const w of Object.values(cluster.workers ?? {})) w?.send('x');", 'lib/a.ts')).toEqual(['EXEC']);
  });

  it('diagnostics_channel is an in-process event bus: every documented member is clean', () => {
    const text = [
      "import dc from 'node:diagnostics_channel';",
      "const ch = dc.channel('app:req');",
      'ch.subscribe((m) => console.log(m));',
      'if (ch.hasSubscribers) ch.publish({ id: 1 });',
      "dc.subscribe('app:req', () => {}); dc.unsubscribe('app:req', () => {}); dc.hasSubscribers('app:req');",
      "const tc = dc.tracingChannel('app'); tc.traceSync(() => 1);",
      'console.log(dc.Channel);',
    ].join('\n');
    expect(analyze(text, 'lib/a.ts').findings).toEqual([]);
    // The control: the same bus carrying the environment.
    expect(capabilities("import dc from 'node:diagnostics_channel';\ndc.channel('x').publish({ env: process.env.HOME });", 'lib/a.ts')).toEqual(['ENV']);
  });
});
