import type { Capability } from './capabilities.js';
import { OPEN_MODE_ROWS } from './open-modes.js';

/**
 * Capability map for Node builtins, as rows of data keyed on `node:` specifiers.
 * Bare aliases (`fs` for `node:fs`) are derived in capability-map.ts, never listed.
 * A row with no capabilities is on the pure allow list; a builtin with no row at all is a
 * finding (deny by default), which a test checks against `module.builtinModules`.
 */
export interface ModuleRow {
  readonly specifier: string;
  readonly capabilities: readonly Capability[];
  /** Only reachable with the `node:` prefix (`node:test`, `node:sqlite`, `node:sea`). */
  readonly prefixOnly?: boolean;
  readonly note?: string;
}

export interface MemberRow {
  readonly specifier: string;
  readonly member: string;
  readonly capabilities: readonly Capability[];
}

const NET: readonly Capability[] = ['NETWORK'];
const RW: readonly Capability[] = ['FILES_READ', 'FILES_WRITE'];
const PURE: readonly Capability[] = [];

export const BUILTIN_MODULE_ROWS: readonly ModuleRow[] = [
  // Pure: data structures, formatting, hashing, paths. Nothing here touches the host.
  { specifier: 'node:assert', capabilities: PURE },
  { specifier: 'node:assert/strict', capabilities: PURE },
  { specifier: 'node:buffer', capabilities: PURE },
  { specifier: 'node:constants', capabilities: PURE },
  { specifier: 'node:crypto', capabilities: PURE, note: 'hashing and random bytes; setEngine is NATIVE' },
  { specifier: 'node:events', capabilities: PURE },
  { specifier: 'node:path', capabilities: PURE },
  { specifier: 'node:path/posix', capabilities: PURE },
  { specifier: 'node:path/win32', capabilities: PURE },
  { specifier: 'node:punycode', capabilities: PURE },
  { specifier: 'node:querystring', capabilities: PURE },
  { specifier: 'node:stream', capabilities: PURE },
  { specifier: 'node:stream/consumers', capabilities: PURE },
  { specifier: 'node:stream/promises', capabilities: PURE },
  { specifier: 'node:stream/web', capabilities: PURE },
  { specifier: 'node:_stream_duplex', capabilities: PURE },
  { specifier: 'node:_stream_passthrough', capabilities: PURE },
  { specifier: 'node:_stream_readable', capabilities: PURE },
  { specifier: 'node:_stream_transform', capabilities: PURE },
  { specifier: 'node:_stream_writable', capabilities: PURE },
  { specifier: 'node:string_decoder', capabilities: PURE },
  { specifier: 'node:timers', capabilities: PURE, note: 'string callbacks are DYNAMIC_CODE, caught by no-dynamic-code' },
  { specifier: 'node:timers/promises', capabilities: PURE },
  { specifier: 'node:url', capabilities: PURE },
  { specifier: 'node:util', capabilities: PURE },
  { specifier: 'node:util/types', capabilities: PURE },
  { specifier: 'node:sys', capabilities: PURE, note: 'deprecated alias of util' },
  { specifier: 'node:zlib', capabilities: PURE },
  { specifier: 'node:perf_hooks', capabilities: PURE },
  { specifier: 'node:console', capabilities: PURE },
  // Network.
  { specifier: 'node:http', capabilities: NET },
  { specifier: 'node:https', capabilities: NET },
  { specifier: 'node:http2', capabilities: NET },
  { specifier: 'node:net', capabilities: NET },
  { specifier: 'node:tls', capabilities: NET },
  { specifier: 'node:dgram', capabilities: NET },
  { specifier: 'node:dns', capabilities: NET },
  { specifier: 'node:dns/promises', capabilities: NET },
  { specifier: 'node:_http_agent', capabilities: NET },
  { specifier: 'node:_http_client', capabilities: NET },
  { specifier: 'node:_http_common', capabilities: NET },
  { specifier: 'node:_http_incoming', capabilities: NET },
  { specifier: 'node:_http_outgoing', capabilities: NET },
  { specifier: 'node:_http_server', capabilities: NET },
  { specifier: 'node:_tls_common', capabilities: NET },
  { specifier: 'node:_tls_wrap', capabilities: NET },
  { specifier: 'node:_stream_wrap', capabilities: NET, note: 'wraps a socket handle' },
  // Processes.
  { specifier: 'node:child_process', capabilities: ['EXEC'] },
  { specifier: 'node:cluster', capabilities: ['EXEC'] },
  { specifier: 'node:test', capabilities: ['EXEC'], prefixOnly: true, note: 'the runner spawns test processes' },
  { specifier: 'node:test/reporters', capabilities: ['SYSTEM'], prefixOnly: true },
  // Files.
  { specifier: 'node:fs', capabilities: RW },
  { specifier: 'node:fs/promises', capabilities: RW },
  // Code loading and native code.
  { specifier: 'node:module', capabilities: ['DYNAMIC_CODE'] },
  { specifier: 'node:vm', capabilities: ['DYNAMIC_CODE'] },
  { specifier: 'node:repl', capabilities: ['DYNAMIC_CODE', 'SYSTEM'] },
  { specifier: 'node:wasi', capabilities: ['NATIVE'] },
  { specifier: 'node:inspector', capabilities: ['NETWORK', 'DYNAMIC_CODE'], note: 'opens a debugger port; Runtime.evaluate' },
  { specifier: 'node:inspector/promises', capabilities: ['NETWORK', 'DYNAMIC_CODE'] },
  { specifier: 'node:worker_threads', capabilities: ['WORKER'] },
  // Host and process state.
  { specifier: 'node:process', capabilities: ['SYSTEM'], note: 'members are classified by the process member table' },
  { specifier: 'node:os', capabilities: ['SYSTEM'] },
  // A whole-module value can reach every member: the heap-snapshot and flag members write files.
  { specifier: 'node:v8', capabilities: ['SYSTEM', 'FILES_WRITE', 'DYNAMIC_CODE'] },
  { specifier: 'node:async_hooks', capabilities: ['SYSTEM'] },
  // Every documented member is an in-process event bus (member rows below); an unknown member keeps SYSTEM.
  { specifier: 'node:diagnostics_channel', capabilities: ['SYSTEM'] },
  { specifier: 'node:domain', capabilities: ['SYSTEM'] },
  { specifier: 'node:trace_events', capabilities: ['SYSTEM', 'FILES_WRITE'] },
  // `ReadStream`/`WriteStream` subclass `net.Socket`: their parent class connects anywhere.
  { specifier: 'node:tty', capabilities: ['SYSTEM', 'NETWORK'] },
  // readline only wraps the streams it is given (`process.stdin`/`stdout` are pure members of process).
  { specifier: 'node:readline', capabilities: PURE },
  { specifier: 'node:readline/promises', capabilities: PURE },
  { specifier: 'node:sea', capabilities: ['SYSTEM'], prefixOnly: true },
  { specifier: 'node:sqlite', capabilities: ['DATABASE', 'FILES_READ', 'FILES_WRITE'], prefixOnly: true },
];

const FS_READ = [
  'access', 'exists', 'fstat', 'lstat', 'stat', 'statfs', 'read', 'readv', 'readdir',
  'readlink', 'realpath', 'opendir', 'watch', 'watchFile', 'unwatchFile',
  'openAsBlob', 'glob', 'Dir',
];
const FS_WRITE = [
  'appendFile', 'chmod', 'chown', 'copyFile', 'cp', 'createWriteStream', 'fchmod', 'fchown',
  'fdatasync', 'fsync', 'ftruncate', 'futimes', 'lchmod', 'lchown', 'link', 'lutimes', 'mkdir',
  'mkdtemp', 'rename', 'rm', 'rmdir', 'symlink', 'truncate', 'unlink', 'utimes', 'write', 'writeFile',
  'writev', 'WriteStream',
];

/** `readFile`, `readFileSync` and (for the callback API) the `.native` variants share a row. */
function fsMemberRows(specifier: string, withSync: boolean): MemberRow[] {
  const rows: MemberRow[] = [];
  const add = (names: string[], capabilities: readonly Capability[]): void => {
    for (const name of names) {
      rows.push({ specifier, member: name, capabilities });
      if (withSync && /^[a-z]/.test(name) && !name.startsWith('create') && !name.startsWith('watch') && name !== 'unwatchFile' && name !== 'openAsBlob') {
        rows.push({ specifier, member: `${name}Sync`, capabilities });
      }
    }
  };
  add(FS_READ, ['FILES_READ']);
  add(FS_WRITE, ['FILES_WRITE']);
  rows.push({ specifier, member: 'constants', capabilities: PURE });
  return rows;
}

/**
 * `fs.Stats` and `fs.Dirent` are plain record classes (their constructors only store the numbers
 * and names they are given; `instanceof` reads a prototype); `F_OK`…`X_OK` are numbers. `Dir`
 * stays a read: it wraps a directory handle and reads through it. `close` releases a descriptor
 * that an `open` already reached with its own flags (judged there); it neither reads nor writes.
 */
function fsPureMembers(specifier: string): MemberRow[] {
  return pureMembers(specifier, ['Stats', 'Dirent', 'F_OK', 'R_OK', 'W_OK', 'X_OK', 'close', 'closeSync']);
}

const DNS_ERROR_CODES = [
  'NODATA', 'FORMERR', 'SERVFAIL', 'NOTFOUND', 'NOTIMP', 'REFUSED', 'BADQUERY', 'BADNAME', 'BADFAMILY', 'BADRESP',
  'CONNREFUSED', 'TIMEOUT', 'EOF', 'FILE', 'NOMEM', 'DESTRUCTION', 'BADSTR', 'BADFLAGS', 'NONAME', 'BADHINTS',
  'NOTINITIALIZED', 'LOADIPHLPAPI', 'ADDRGETNETWORKPARAMS', 'CANCELLED',
];

function pureMembers(specifier: string, members: readonly string[]): MemberRow[] {
  return members.map((member) => ({ specifier, member, capabilities: PURE }));
}

/**
 * Members of capability modules that are facts, settings or feature tests: they open, start,
 * query or write nothing (docs/guard.md, "Built-in member table", says why for each). A member
 * not listed keeps its module's row; when unsure, it stays there.
 */
const METADATA_MEMBER_ROWS: readonly MemberRow[] = [
  // Which role this process has, and the primary's scheduling settings (read before `fork`, which stays EXEC).
  ...pureMembers('node:cluster', ['isPrimary', 'isMaster', 'isWorker', 'settings', 'schedulingPolicy', 'SCHED_NONE', 'SCHED_RR']),
  // The order of addresses later lookups return, and error-code constants: no query.
  ...pureMembers('node:dns', ['getDefaultResultOrder', 'setDefaultResultOrder', ...DNS_ERROR_CODES, 'ADDRCONFIG', 'ALL', 'V4MAPPED']),
  ...pureMembers('node:dns/promises', ['getDefaultResultOrder', 'setDefaultResultOrder', ...DNS_ERROR_CODES]),
  // Request and response objects wrap a socket the caller already holds (frameworks extend their
  // prototypes); `ClientRequest`, `Agent`, `globalAgent`, `request`, `get` and servers open sockets.
  ...pureMembers('node:http', ['IncomingMessage', 'OutgoingMessage', 'ServerResponse', 'setMaxIdleHTTPParsers']),
  ...pureMembers('node:http2', ['constants', 'getDefaultSettings', 'getPackedSettings', 'getUnpackedSettings', 'sensitiveHeaders']),
  ...pureMembers('node:net', ['getDefaultAutoSelectFamily', 'setDefaultAutoSelectFamily', 'getDefaultAutoSelectFamilyAttemptTimeout', 'setDefaultAutoSelectFamilyAttemptTimeout']),
  // TLS configuration facts and pure helpers (a certificate/host-name check, ALPN encoding).
  // `createSecureContext`/`SecureContext` keep NETWORK: their engine options load native code.
  ...pureMembers('node:tls', ['rootCertificates', 'getCiphers', 'DEFAULT_CIPHERS', 'DEFAULT_ECDH_CURVE', 'DEFAULT_MIN_VERSION', 'DEFAULT_MAX_VERSION', 'CLIENT_RENEG_LIMIT', 'CLIENT_RENEG_WINDOW', 'checkServerIdentity', 'convertALPNProtocols']),
  // Is a debugger attached (`url()`), and the console that only an attached debugger sees.
  ...pureMembers('node:inspector', ['url', 'console']),
  ...pureMembers('node:inspector/promises', ['url', 'console']),
  // Loader facts: the search paths and the source maps of modules already loaded.
  ...pureMembers('node:module', ['globalPaths', 'findSourceMap', 'SourceMap']),
  ...pureMembers('node:vm', ['isContext', 'constants', 'measureMemory']),
  ...pureMembers('node:repl', ['REPL_MODE_SLOPPY', 'REPL_MODE_STRICT', 'Recoverable', 'builtinModules', 'writer']),
  // A directory path (the kind of fact `process.cwd()` is), not a variable the caller chooses.
  ...pureMembers('node:os', ['tmpdir', 'homedir']),
  // Which trace categories are on; `createTracing` keeps SYSTEM + FILES_WRITE (its `enable()` writes trace files).
  ...pureMembers('node:trace_events', ['getEnabledCategories']),
  // Hands a port to a `vm` context (making the context needs node:vm).
  ...pureMembers('node:worker_threads', ['moveMessagePortToContext']),
];

export const BUILTIN_MEMBER_ROWS: readonly MemberRow[] = [
  ...fsMemberRows('node:fs', true),
  ...fsPureMembers('node:fs'),
  { specifier: 'node:fs', member: 'promises', capabilities: RW },
  ...fsMemberRows('node:fs/promises', false),
  // Members whose flags decide between reading and writing (`readFileSync(p, { flag: 'w' })`
  // truncates): as values they read and write; a direct call is refined by their open-modes row.
  ...OPEN_MODE_ROWS.map((row): MemberRow => ({ specifier: row.specifier, member: row.member, capabilities: RW })),
  { specifier: 'node:module', member: 'builtinModules', capabilities: PURE },
  { specifier: 'node:module', member: 'isBuiltin', capabilities: PURE },
  { specifier: 'node:crypto', member: 'setEngine', capabilities: ['NATIVE'] },
  // Constants of `node:os` describe the platform format, not the host.
  { specifier: 'node:os', member: 'EOL', capabilities: PURE },
  { specifier: 'node:os', member: 'devNull', capabilities: PURE },
  { specifier: 'node:v8', member: 'writeHeapSnapshot', capabilities: ['SYSTEM', 'FILES_WRITE'] },
  // Arms a snapshot file (every string of the heap) written into the working directory near the heap limit.
  { specifier: 'node:v8', member: 'setHeapSnapshotNearHeapLimit', capabilities: ['SYSTEM', 'FILES_WRITE'] },
  // Writes the coverage collected so far into NODE_V8_COVERAGE's directory.
  { specifier: 'node:v8', member: 'takeCoverage', capabilities: ['SYSTEM', 'FILES_WRITE'] },
  // V8 flags can write files (`--prof`, `--logfile`, `--heapsnapshot-near-heap-limit`) and change what code may do.
  { specifier: 'node:v8', member: 'setFlagsFromString', capabilities: ['SYSTEM', 'DYNAMIC_CODE', 'FILES_WRITE'] },
  // Heap contents, coverage state, hooks on every promise and the start-up snapshot: process-wide.
  ...['getHeapSnapshot', 'stopCoverage', 'promiseHooks', 'queryObjects', 'startupSnapshot', 'GCProfiler'].map((member): MemberRow => ({ specifier: 'node:v8', member, capabilities: ['SYSTEM'] })),
  // In-process async context (request-scoped storage in every web framework) observes nothing
  // outside the code that creates it; `createHook` and `executionAsyncResource` see every
  // resource of the process and keep the module's SYSTEM.
  { specifier: 'node:async_hooks', member: 'AsyncLocalStorage', capabilities: PURE },
  { specifier: 'node:async_hooks', member: 'AsyncResource', capabilities: PURE },
  { specifier: 'node:async_hooks', member: 'executionAsyncId', capabilities: PURE },
  { specifier: 'node:async_hooks', member: 'triggerAsyncId', capabilities: PURE },
  { specifier: 'node:async_hooks', member: 'asyncWrapProviders', capabilities: PURE },
  // Facts and formats, not host access: what `process.platform`/`memoryUsage` already give, HTTP's
  // tables, IP parsing, in-process message ports and per-thread data, value serialization, and
  // the declarations of node:test (only its `run` spawns test processes).
  ...pureMembers('node:os', ['platform', 'arch', 'endianness', 'type', 'machine', 'release', 'version', 'availableParallelism', 'cpus', 'totalmem', 'freemem', 'loadavg', 'uptime', 'constants']),
  ...pureMembers('node:http', ['METHODS', 'STATUS_CODES', 'maxHeaderSize', 'validateHeaderName', 'validateHeaderValue']),
  ...pureMembers('node:net', ['BlockList', 'SocketAddress', 'isIP', 'isIPv4', 'isIPv6']),
  ...pureMembers('node:worker_threads', ['getEnvironmentData', 'setEnvironmentData', 'MessageChannel', 'MessagePort', 'BroadcastChannel', 'markAsUntransferable', 'isMarkedAsUntransferable', 'receiveMessageOnPort', 'SHARE_ENV']),
  ...pureMembers('node:v8', ['serialize', 'deserialize', 'Serializer', 'Deserializer', 'DefaultSerializer', 'DefaultDeserializer', 'getHeapStatistics', 'getHeapSpaceStatistics', 'getHeapCodeStatistics', 'cachedDataVersionTag']),
  ...pureMembers('node:test', ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach', 'mock', 'snapshot']),
  { specifier: 'node:worker_threads', member: 'isMainThread', capabilities: PURE },
  { specifier: 'node:worker_threads', member: 'threadId', capabilities: PURE },
  ...METADATA_MEMBER_ROWS,
  // A worker answering its parent: the port to it, the data it was started with, its own limits. Starting a
  // worker (`Worker`) keeps the module's WORKER.
  ...pureMembers('node:worker_threads', ['parentPort', 'workerData', 'resourceLimits', 'isInternalThread', 'postMessageToThread', 'markAsUncloneable']),
  // Methods of a `FileHandle` (fs/promises `open()`) that change the file, whatever mode opened it
  // (fchmod/futimes/fchown need no write access on Linux): judged by the type the typed classifier
  // resolves them to (analysis/typed/declaration-owner.ts). Its other methods read through the handle
  // (the open was judged by its flags) and stay data.
  ...['appendFile', 'chmod', 'chown', 'createWriteStream', 'datasync', 'sync', 'truncate', 'utimes', 'write', 'writeFile', 'writev'].map(
    (method): MemberRow => ({ specifier: 'node:fs/promises', member: `FileHandle.${method}`, capabilities: ['FILES_WRITE'] }),
  ),
  // Whether a descriptor is a terminal is a fact. The tty streams are `net.Socket` subclasses:
  // constructing or extending one, or taking its prototype (`Object.getPrototypeOf(tty.ReadStream)` is
  // `net.Socket`), reaches a socket that connects anywhere.
  { specifier: 'node:tty', member: 'isatty', capabilities: PURE },
  { specifier: 'node:tty', member: 'ReadStream', capabilities: ['SYSTEM', 'NETWORK'] },
  { specifier: 'node:tty', member: 'WriteStream', capabilities: ['SYSTEM', 'NETWORK'] },
  // Node 20's documented diagnostics_channel API publishes and observes named in-process events (the
  // built-in channels report what other code of this process does; they open, start and read nothing).
  ...pureMembers('node:diagnostics_channel', ['channel', 'hasSubscribers', 'subscribe', 'unsubscribe', 'tracingChannel', 'Channel']),
  // A worker's own handle (`cluster.worker`, set in worker processes only: its `id`, `isConnected()`,
  // `isDead()`); forking stays EXEC, and so do `workers` (handles on the forked child processes) and the
  // module's events (IPC messages from workers). The typed classifier sees through the handle: `send` and
  // `disconnect` talk over the IPC channel (as `process.send` does), `process` and `kill` act on a process.
  { specifier: 'node:cluster', member: 'worker', capabilities: PURE },
  ...['send', 'disconnect', 'process', 'kill'].map((method): MemberRow => ({ specifier: 'node:cluster', member: `Worker.${method}`, capabilities: ['EXEC'] })),
];
