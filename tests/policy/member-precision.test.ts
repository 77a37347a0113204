import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { BUILTIN_MEMBER_ROWS, RECOMMENDED_POLICY, builtinRow, memberCapabilities } from '../../policy/index.js';

const capabilitiesOf = (text: string, file = 'lib/a.ts'): string[] =>
  [...new Set(analyzeSourceFile(parseSourceText(file, text), { policy: RECOMMENDED_POLICY, relativePath: file }).findings.map((finding) => finding.capability ?? finding.ruleId))].sort();

/** The keys each builtin exports, asked of a child Node (this test loads no capability module itself). */
function exportsOf(specifiers: readonly string[]): Record<string, string[]> {
  const script = 'const out = {}; for (const s of JSON.parse(process.argv[1])) out[s] = Object.keys(require(s)); process.stdout.write(JSON.stringify(out));';
  return JSON.parse(execFileSync(process.execPath, ['--no-warnings', '-e', script, JSON.stringify(specifiers)], { encoding: 'utf8' })) as Record<string, string[]>;
}

describe('builtin member rows: table invariants', () => {
  it('has one row per member', () => {
    const keys = BUILTIN_MEMBER_ROWS.map((row) => `${row.specifier}.${row.member}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it('names only members this Node exports (or that a newer Node adds)', () => {
    // Members added after the Node this runs on are listed, not asserted. fs/promises rows share
    // the callback API's list (fsMemberRows), so members only fs has are expected to be absent there.
    const newer = new Set(['node:fs.glob', 'node:fs.globSync', 'node:test.suite', 'node:test.snapshot', 'node:worker_threads.postMessageToThread', 'node:worker_threads.isMarkedAsUntransferable', 'node:worker_threads.isInternalThread', 'node:worker_threads.markAsUncloneable']);
    // `cluster.worker` exists in worker processes only; `Class.method` rows name members of objects a module hands out.
    const rows = BUILTIN_MEMBER_ROWS.filter((candidate) => candidate.specifier !== 'node:fs/promises' && !candidate.member.includes('.') && `${candidate.specifier}.${candidate.member}` !== 'node:cluster.worker');
    const exported = exportsOf([...new Set(rows.map((row) => row.specifier))]);
    const missing = rows.filter((row) => !exported[row.specifier]?.includes(row.member) && !newer.has(`${row.specifier}.${row.member}`)).map((row) => `${row.specifier}.${row.member}`);
    expect(missing).toEqual([]);
  });

  it('gives a whole-module value at least what any member with a row reaches', () => {
    const gaps: string[] = [];
    for (const row of BUILTIN_MEMBER_ROWS) {
      const whole = builtinRow(row.specifier)?.capabilities ?? [];
      const missing = row.capabilities.filter((capability) => !whole.includes(capability));
      // crypto.setEngine is NATIVE under a pure module: `crypto` as a value is judged by its members only.
      if (missing.length > 0 && !(row.specifier === 'node:crypto' && row.member === 'setEngine')) gaps.push(`${row.specifier}.${row.member}: ${missing.join(',')}`);
    }
    expect(gaps).toEqual([]);
  });
});

describe('members that are facts, settings or feature tests reach nothing', () => {
  it.each([
    ['node:cluster', ['isPrimary', 'isMaster', 'isWorker', 'settings', 'schedulingPolicy', 'SCHED_RR', 'worker']],
    ['node:dns', ['getDefaultResultOrder', 'setDefaultResultOrder', 'NOTFOUND', 'ADDRCONFIG']],
    ['node:dns/promises', ['setDefaultResultOrder', 'TIMEOUT']],
    ['node:fs', ['Stats', 'Dirent', 'F_OK', 'X_OK', 'constants']],
    ['node:http', ['IncomingMessage', 'ServerResponse', 'OutgoingMessage', 'METHODS', 'setMaxIdleHTTPParsers']],
    ['node:http2', ['constants', 'getPackedSettings', 'sensitiveHeaders']],
    ['node:net', ['isIP', 'setDefaultAutoSelectFamily', 'getDefaultAutoSelectFamilyAttemptTimeout']],
    ['node:tls', ['rootCertificates', 'getCiphers', 'DEFAULT_MIN_VERSION', 'DEFAULT_CIPHERS', 'checkServerIdentity']],
    ['node:inspector', ['url', 'console']],
    ['node:module', ['globalPaths', 'findSourceMap', 'SourceMap', 'isBuiltin']],
    ['node:os', ['tmpdir', 'homedir', 'EOL', 'platform']],
    ['node:trace_events', ['getEnabledCategories']],
    ['node:tty', ['isatty']],
    ['node:diagnostics_channel', ['channel', 'hasSubscribers', 'subscribe', 'unsubscribe', 'tracingChannel', 'Channel']],
    ['node:vm', ['isContext', 'constants', 'measureMemory']],
    ['node:repl', ['REPL_MODE_STRICT', 'Recoverable', 'builtinModules']],
    ['node:worker_threads', ['parentPort', 'workerData', 'isMainThread']],
  ] as const)('%s', (specifier, members) => {
    for (const member of members) expect([member, memberCapabilities(specifier, member, RECOMMENDED_POLICY)]).toEqual([member, []]);
  });
});

describe('members that act keep (or gain) their capability: the negative controls', () => {
  it.each([
    ['node:cluster', 'fork', ['EXEC']],
    ['node:cluster', 'workers', ['EXEC']],
    ['node:dns', 'lookup', ['NETWORK']],
    ['node:dns', 'setServers', ['NETWORK']],
    ['node:fs', 'Dir', ['FILES_READ']],
    ['node:fs', 'WriteStream', ['FILES_WRITE']],
    ['node:http', 'ClientRequest', ['NETWORK']],
    ['node:http', 'globalAgent', ['NETWORK']],
    ['node:tls', 'connect', ['NETWORK']],
    ['node:tls', 'createSecureContext', ['NETWORK']],
    ['node:inspector', 'open', ['NETWORK', 'DYNAMIC_CODE']],
    ['node:inspector', 'Session', ['NETWORK', 'DYNAMIC_CODE']],
    ['node:module', 'createRequire', ['DYNAMIC_CODE']],
    ['node:os', 'userInfo', ['SYSTEM']],
    ['node:os', 'hostname', ['SYSTEM']],
    ['node:os', 'networkInterfaces', ['SYSTEM']],
    ['node:trace_events', 'createTracing', ['SYSTEM', 'FILES_WRITE']],
    // net.Socket subclasses (red team round 6).
    ['node:tty', 'WriteStream', ['SYSTEM', 'NETWORK']],
    ['node:tty', 'ReadStream', ['SYSTEM', 'NETWORK']],
    ['node:vm', 'runInThisContext', ['DYNAMIC_CODE']],
    ['node:worker_threads', 'Worker', ['WORKER']],
    // Members that write files under a module that looks like host state.
    ['node:v8', 'setHeapSnapshotNearHeapLimit', ['SYSTEM', 'FILES_WRITE']],
    ['node:v8', 'writeHeapSnapshot', ['SYSTEM', 'FILES_WRITE']],
    ['node:v8', 'takeCoverage', ['SYSTEM', 'FILES_WRITE']],
    ['node:v8', 'setFlagsFromString', ['SYSTEM', 'DYNAMIC_CODE', 'FILES_WRITE']],
    ['node:v8', 'getHeapSnapshot', ['SYSTEM']],
    ['node:v8', 'someFutureApi', ['SYSTEM', 'FILES_WRITE', 'DYNAMIC_CODE']],
  ] as const)('%s.%s', (specifier, member, expected) => {
    expect(memberCapabilities(specifier, member, RECOMMENDED_POLICY)).toEqual(expected);
  });
});

describe('the detector uses the member rows (same code, trick removed → finding)', () => {
  it.each([
    ['cluster role', "import cluster from 'node:cluster';\nexport const role = cluster.isPrimary ? 'p' : 'w';", [], "import cluster from 'node:cluster';\ncluster.fork();", ['EXEC']],
    ['dns order', "import dns from 'node:dns';\ndns.setDefaultResultOrder('ipv4first');", [], "import dns from 'node:dns';\ndns.lookup('x', () => {});", ['NETWORK']],
    ['fs instanceof', "import fs from 'node:fs';\nexport const s = (v: unknown) => v instanceof fs.Stats || v instanceof fs.Dirent;", [], "import fs from 'node:fs';\nexport const s = fs.Dir;", ['FILES_READ']],
    ['inspector url', "import inspector from 'node:inspector';\nexport const on = inspector.url() !== undefined;", [], "import inspector from 'node:inspector';\ninspector.open(0);", ['DYNAMIC_CODE', 'NETWORK']],
    ['os paths', "import { tmpdir, homedir } from 'node:os';\nexport const d = [tmpdir(), homedir()];", [], "import { userInfo } from 'node:os';\nexport const u = userInfo();", ['SYSTEM']],
    ['tls facts', "import tls from 'node:tls';\nexport const n = tls.rootCertificates.length + tls.getCiphers().length;", [], "import tls from 'node:tls';\ntls.connect(9);", ['NETWORK']],
    ['trace categories', "import { getEnabledCategories } from 'node:trace_events';\nexport const c = getEnabledCategories();", [], "import { createTracing } from 'node:trace_events';\ncreateTracing({ categories: ['v8'] }).enable();", ['FILES_WRITE', 'SYSTEM']],
    ['tty check', "import tty from 'node:tty';\nexport const colour = tty.isatty(1);", [], "import tty from 'node:tty';\nnew tty.WriteStream(1);", ['NETWORK', 'SYSTEM']],
    ['v8 statistics', "import v8 from 'node:v8';\nexport const h = v8.getHeapStatistics();", [], "import v8 from 'node:v8';\nv8.setHeapSnapshotNearHeapLimit(1);", ['FILES_WRITE', 'SYSTEM']],
  ] as const)('%s', (_name, benign, benignExpected, control, controlExpected) => {
    expect(capabilitiesOf(benign)).toEqual([...benignExpected].sort());
    expect(capabilitiesOf(control)).toEqual([...controlExpected].sort());
  });
});
