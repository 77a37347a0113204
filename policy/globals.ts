import type { Capability } from './capabilities.js';

/**
 * Ambient authority: globals that reach a capability without any import, and the members of
 * `process` (the global and `node:process`). `process` is deny-by-default per member: a member
 * not listed as pure below is SYSTEM.
 */
export interface GlobalRow {
  readonly global: string;
  readonly member?: string;
  readonly capabilities: readonly Capability[];
}

const STORAGE_READ: readonly Capability[] = ['FILES_READ'];
const STORAGE_WRITE: readonly Capability[] = ['FILES_WRITE'];
const STORAGE_ANY: readonly Capability[] = ['FILES_READ', 'FILES_WRITE'];
/** Other runtimes' ambient APIs: each opens processes, sockets, files and the environment. */
const RUNTIME: readonly Capability[] = ['EXEC', 'NETWORK', 'FILES_READ', 'FILES_WRITE', 'ENV'];

/**
 * Browser storage persists on the host's disk, so it is file access, by operation: reads
 * (`getItem`, `key`, `length`) are FILES_READ, changes (`setItem`, `removeItem`, `clear`) are
 * FILES_WRITE, and anything else (the object passed on, an unknown member) is both.
 */
function storageRows(global: string): GlobalRow[] {
  return [
    { global, capabilities: STORAGE_ANY },
    ...['getItem', 'key', 'length'].map((member) => ({ global, member, capabilities: STORAGE_READ })),
    ...['setItem', 'removeItem', 'clear'].map((member) => ({ global, member, capabilities: STORAGE_WRITE })),
  ];
}

/** A row with `member` refines its global's whole row (member row > whole row > pure). */
export const GLOBAL_ROWS: readonly GlobalRow[] = [
  { global: 'fetch', capabilities: ['NETWORK'] },
  { global: 'WebSocket', capabilities: ['NETWORK'] },
  { global: 'WebSocketStream', capabilities: ['NETWORK'] },
  { global: 'EventSource', capabilities: ['NETWORK'] },
  { global: 'XMLHttpRequest', capabilities: ['NETWORK'] },
  { global: 'WebTransport', capabilities: ['NETWORK'] },
  { global: 'RTCPeerConnection', capabilities: ['NETWORK'] },
  { global: 'webkitRTCPeerConnection', capabilities: ['NETWORK'] },
  { global: 'RTCDataChannel', capabilities: ['NETWORK'] },
  { global: 'navigator', member: 'sendBeacon', capabilities: ['NETWORK'] },
  // Registering a service worker fetches a script and runs it for every page of the origin.
  { global: 'navigator', member: 'serviceWorker', capabilities: ['NETWORK', 'DYNAMIC_CODE'] },
  // The origin private file system (`navigator.storage.getDirectory()`).
  { global: 'navigator', member: 'storage', capabilities: STORAGE_ANY },
  // `BroadcastChannel` (like `postMessage`) only talks to same-origin contexts that already run: no capability.
  { global: 'Worker', capabilities: ['WORKER'] },
  { global: 'SharedWorker', capabilities: ['WORKER'] },
  ...storageRows('localStorage'),
  ...storageRows('sessionStorage'),
  { global: 'indexedDB', capabilities: STORAGE_ANY },
  { global: 'indexedDB', member: 'databases', capabilities: STORAGE_READ },
  { global: 'indexedDB', member: 'deleteDatabase', capabilities: STORAGE_WRITE },
  { global: 'indexedDB', member: 'cmp', capabilities: [] },
  { global: 'caches', capabilities: STORAGE_ANY },
  { global: 'showOpenFilePicker', capabilities: STORAGE_READ },
  { global: 'showDirectoryPicker', capabilities: STORAGE_ANY },
  { global: 'showSaveFilePicker', capabilities: STORAGE_WRITE },
  { global: 'eval', capabilities: ['DYNAMIC_CODE'] },
  { global: 'Function', capabilities: ['DYNAMIC_CODE'] },
  // Reading what every function inherits compiles nothing (`Function.prototype.toString.call(f)`).
  { global: 'Function', member: 'prototype', capabilities: [] },
  { global: 'Function', member: 'name', capabilities: [] },
  { global: 'Function', member: 'length', capabilities: [] },
  { global: 'WebAssembly', capabilities: ['DYNAMIC_CODE', 'NATIVE'] },
  { global: 'require', member: 'cache', capabilities: ['DYNAMIC_CODE'] },
  { global: 'require', member: 'extensions', capabilities: ['DYNAMIC_CODE'] },
  // `require.main.require(...)` and `module.parent.require(...)` load modules past the caller's view.
  { global: 'require', member: 'main', capabilities: ['DYNAMIC_CODE'] },
  { global: 'module', member: 'require', capabilities: ['DYNAMIC_CODE'] },
  { global: 'module', member: 'constructor', capabilities: ['DYNAMIC_CODE'] },
  { global: 'module', member: 'parent', capabilities: ['DYNAMIC_CODE'] },
  { global: 'module', member: 'children', capabilities: ['DYNAMIC_CODE'] },
  { global: 'importScripts', capabilities: ['DYNAMIC_CODE', 'NETWORK'] },
  { global: 'Bun', capabilities: RUNTIME },
  { global: 'Deno', capabilities: RUNTIME },
  // Their plain facts are not host access; `env` is the environment.
  ...['version', 'revision', 'argv', 'main'].map((member) => ({ global: 'Bun', member, capabilities: [] })),
  ...['args', 'version', 'build', 'noColor', 'pid', 'ppid', 'mainModule', 'inspect'].map((member) => ({ global: 'Deno', member, capabilities: [] })),
  { global: 'Bun', member: 'env', capabilities: ['ENV'] },
  { global: 'Deno', member: 'env', capabilities: ['ENV'] },
  { global: 'Deno', member: 'exit', capabilities: ['SYSTEM'] },
];

/**
 * The loader's bookkeeping: members of `require` and `module` that read or publish facts and
 * load nothing. Every other member (`bind`, `call`, `__proto__`, `constructor`, …) hands the
 * loader on, so it is UNANALYZED unless a row above says more.
 */
export const LOADER_BOOKKEEPING_MEMBERS: Readonly<Record<'require' | 'module', readonly string[]>> = {
  require: ['resolve'],
  module: ['exports', 'id', 'filename', 'loaded', 'path', 'paths', 'isPreloading'],
};

/**
 * The loader's writable state. Node resolves a module's later `require()` calls through its
 * record's live fields: relative names against `path.dirname(filename)` (and against the working
 * directory once `id` or `filename` is empty), bare names through `paths`. Reading them is
 * bookkeeping (above); writing any member of a module record but `exports` (`module.filename = …`,
 * `require.main.paths = …`) or changing a `paths` array in place (`module.paths.unshift(dir)`)
 * changes what later loads find: judged like the loader handed on (analysis/syntax/loader-state.ts).
 */
export const LOADER_RECORD_WRITABLE_MEMBERS: readonly string[] = ['exports'];
/** Members of a module record that are arrays the loader searches. */
export const LOADER_SEARCH_ARRAYS: readonly string[] = ['paths'];
/** Array methods that read an array and leave it as it was (any other call on a search array may change it). */
export const NON_MUTATING_ARRAY_METHODS: readonly string[] = [
  'at', 'concat', 'entries', 'every', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flat', 'flatMap', 'forEach',
  'includes', 'indexOf', 'join', 'keys', 'lastIndexOf', 'map', 'reduce', 'reduceRight', 'slice', 'some', 'toLocaleString',
  'toReversed', 'toSorted', 'toSpliced', 'toString', 'values', 'with',
];

/** The CommonJS wrapper's own parameters: the loader, handed in as values. */
export const LOADER_NAMES: readonly string[] = ['require', 'module'];


/** Members of `process` whose write is data, not a replacement of shared behaviour (capability-map.ts#processMemberWriteCapabilities). */
export const PROCESS_DATA_WRITES: readonly string[] = ['exitCode'];

/** Members of `process` that touch nothing outside the process's own, already-granted streams. */
export const PROCESS_PURE_MEMBERS: readonly string[] = [
  'argv', 'argv0', 'arch', 'platform', 'version', 'versions', 'release', 'features', 'config',
  'stdout', 'stderr', 'stdin', 'exitCode', 'exit', 'nextTick', 'hrtime', 'memoryUsage', 'cpuUsage',
  'resourceUsage', 'uptime', 'cwd', 'pid', 'ppid', 'title', 'on', 'once', 'off', 'addListener',
  'removeListener', 'removeAllListeners', 'emit', 'emitWarning', 'listeners', 'listenerCount',
  'execArgv', 'execPath', 'allowedNodeEnvironmentFlags', 'permission', 'setUncaughtExceptionCaptureCallback',
  'hasUncaughtExceptionCaptureCallback', 'sourceMapsEnabled', 'setSourceMapsEnabled',
];

/** A member of a member of `process`, read or written by name (`process.report.compact`). */
export interface ProcessSubmemberRow {
  readonly member: string;
  readonly submember: string;
  readonly capabilities: readonly Capability[];
}

/**
 * `process.report` writes a report (files, the environment, the system) only through
 * `writeReport`/`getReport` or the report-on-signal/fatal-error/exception settings. The format
 * settings `compact`, `excludeEnv` and `excludeNetwork` and the trigger `signal` change nothing until one of those
 * runs, which is judged where it is written; reading or setting them is clean. `getReport()`
 * returns the report (the environment and host details) and writes no file. `directory` and
 * `filename` (where a report lands) and any other member keep the whole row, as does the
 * object itself handed on.
 */
export const PROCESS_SUBMEMBER_ROWS: readonly ProcessSubmemberRow[] = [
  { member: 'report', submember: 'compact', capabilities: [] },
  { member: 'report', submember: 'excludeEnv', capabilities: [] },
  { member: 'report', submember: 'signal', capabilities: [] },
  { member: 'report', submember: 'excludeNetwork', capabilities: [] },
  { member: 'report', submember: 'getReport', capabilities: ['SYSTEM', 'ENV'] },
];

/** Members of `process` with a capability of their own; any other unlisted member is SYSTEM. */
export const PROCESS_MEMBER_ROWS: readonly GlobalRow[] = [
  { global: 'process', member: 'env', capabilities: ['ENV'] },
  { global: 'process', member: 'loadEnvFile', capabilities: ['ENV', 'FILES_READ'] },
  { global: 'process', member: 'binding', capabilities: ['NATIVE'] },
  { global: 'process', member: '_linkedBinding', capabilities: ['NATIVE'] },
  { global: 'process', member: 'dlopen', capabilities: ['NATIVE'] },
  { global: 'process', member: 'getBuiltinModule', capabilities: ['UNANALYZED'] },
  { global: 'process', member: 'mainModule', capabilities: ['DYNAMIC_CODE'] },
  // `process.report.getReport()` returns the environment variables (`environmentVariables`) too.
  // Its format settings alone touch nothing (PROCESS_SUBMEMBER_ROWS).
  { global: 'process', member: 'report', capabilities: ['SYSTEM', 'FILES_WRITE', 'ENV'] },
  { global: 'process', member: 'send', capabilities: ['EXEC'] },
  { global: 'process', member: 'channel', capabilities: ['EXEC'] },
  { global: 'process', member: 'disconnect', capabilities: ['EXEC'] },
  { global: 'process', member: 'execve', capabilities: ['EXEC'] },
  // A signal to a process; SIGUSR1 to a Node process (this one included) opens its inspector, so a call
  // whose signal may be SIGUSR1 is judged at the call (analysis/syntax/inspector-signals.ts).
  { global: 'process', member: 'kill', capabilities: ['SYSTEM'] },
  // The private member behind `node --inspect -p pid`: opens the inspector port (127.0.0.1:9229), which evaluates code.
  { global: 'process', member: '_debugProcess', capabilities: ['SYSTEM', 'NETWORK', 'DYNAMIC_CODE'] },
  { global: 'process', member: 'chdir', capabilities: ['SYSTEM'] },
  { global: 'process', member: 'abort', capabilities: ['SYSTEM'] },
  { global: 'process', member: 'umask', capabilities: ['SYSTEM'] },
];

/**
 * Names that all denote the global object (the window's own aliases included); computed access
 * on them is UNANALYZED. `document.defaultView` is the window too (see GLOBAL_OBJECT_MEMBERS).
 */
export const GLOBAL_OBJECT_NAMES: readonly string[] = ['globalThis', 'global', 'window', 'self', 'frames', 'top', 'parent'];

/** `global.member` pairs that denote the global object as well. */
export const GLOBAL_OBJECT_MEMBERS: ReadonlyArray<readonly [global: string, member: string]> = [['document', 'defaultView']];

/**
 * The types through which a global is reached, for the typed classifier (analysis/typed): a
 * member declared in one of these types is that global's member (`p.env` with `p: NodeJS.Process`
 * is `process.env`), and a row with `member` pins it (`r(id)` with
 * `r: NodeJS.RequireResolve` is `require.resolve`). `globalThis` rows make a member
 * of the window a global of that name. Types not listed here (`Function`, `Console`, …) carry
 * no capability through their members.
 *
 * Only the host's own objects are listed: the process, the loader, `Function`, the navigator
 * and the global object, which no code makes for itself. Handles obtained through them
 * (`Storage`, `IDBFactory`, `CacheStorage`, `StorageManager`, `FileSystemDirectoryHandle`,
 * `ServiceWorkerContainer`) are not: like a socket from `net.connect`, the capability is
 * reported where the handle is obtained (`localStorage`, `navigator.storage`, handed on as a
 * value or read as a member), and a parameter of such a type may as well hold an in-memory
 * implementation (a `Storage` for tests or server rendering, fake-indexeddb's `IDBFactory`).
 */
export interface GlobalTypeRow {
  /** Qualified as the declaration files write it: `NodeJS.Process`. */
  readonly type: string;
  readonly global: string;
  readonly member?: string;
}

export const GLOBAL_TYPE_ROWS: readonly GlobalTypeRow[] = [
  { type: 'NodeJS.Process', global: 'process' },
  { type: 'NodeJS.Require', global: 'require' },
  { type: 'NodeRequire', global: 'require' },
  { type: 'NodeJS.RequireResolve', global: 'require', member: 'resolve' },
  { type: 'NodeJS.Module', global: 'module' },
  { type: 'NodeModule', global: 'module' },
  { type: 'FunctionConstructor', global: 'Function' },
  { type: 'Navigator', global: 'navigator' },
  { type: 'Window', global: 'globalThis' },
  { type: 'WindowOrWorkerGlobalScope', global: 'globalThis' },
  { type: 'WorkerGlobalScope', global: 'globalThis' },
  { type: 'DedicatedWorkerGlobalScope', global: 'globalThis' },
  { type: 'ServiceWorkerGlobalScope', global: 'globalThis' },
];

/**
 * A script element the page makes runs whatever source text or URL it is given once it is inserted
 * (`script.text = code`, `script.src = url`, `textContent`, an appended text node): its creation is
 * DYNAMIC_CODE, like a handle judged where it is obtained. Known by the tag a `createElement`/
 * `createElementNS` call names (a constant) on the global `document`, or, with types, by the element
 * type the call returns (any document: an iframe's, `ownerDocument`).
 */
export const SCRIPT_ELEMENT = {
  tag: 'script',
  factories: ['createElement', 'createElementNS'],
  types: ['HTMLScriptElement', 'SVGScriptElement'],
  capabilities: ['DYNAMIC_CODE'],
} as const satisfies { readonly tag: string; readonly factories: readonly string[]; readonly types: readonly string[]; readonly capabilities: readonly Capability[] };
