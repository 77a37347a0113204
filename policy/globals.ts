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

export const GLOBAL_ROWS: readonly GlobalRow[] = [
  { global: 'fetch', capabilities: ['NETWORK'] },
  { global: 'WebSocket', capabilities: ['NETWORK'] },
  { global: 'EventSource', capabilities: ['NETWORK'] },
  { global: 'XMLHttpRequest', capabilities: ['NETWORK'] },
  { global: 'navigator', member: 'sendBeacon', capabilities: ['NETWORK'] },
  { global: 'BroadcastChannel', capabilities: ['WORKER'] },
  { global: 'Worker', capabilities: ['WORKER'] },
  { global: 'SharedWorker', capabilities: ['WORKER'] },
  { global: 'localStorage', capabilities: ['FILES_WRITE'] },
  { global: 'sessionStorage', capabilities: ['FILES_WRITE'] },
  { global: 'eval', capabilities: ['DYNAMIC_CODE'] },
  { global: 'Function', capabilities: ['DYNAMIC_CODE'] },
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
  { global: 'indexedDB', capabilities: ['FILES_WRITE'] },
  // Other runtimes' ambient APIs: each opens processes, sockets, files and the environment.
  { global: 'Bun', capabilities: ['EXEC', 'NETWORK', 'FILES_READ', 'FILES_WRITE', 'ENV'] },
  { global: 'Deno', capabilities: ['EXEC', 'NETWORK', 'FILES_READ', 'FILES_WRITE', 'ENV'] },
];

/** Members of `process` that touch nothing outside the process's own, already-granted streams. */
export const PROCESS_PURE_MEMBERS: readonly string[] = [
  'argv', 'argv0', 'arch', 'platform', 'version', 'versions', 'release', 'features', 'config',
  'stdout', 'stderr', 'stdin', 'exitCode', 'exit', 'nextTick', 'hrtime', 'memoryUsage', 'cpuUsage',
  'resourceUsage', 'uptime', 'cwd', 'pid', 'ppid', 'title', 'on', 'once', 'off', 'addListener',
  'removeListener', 'removeAllListeners', 'emit', 'emitWarning', 'listeners', 'listenerCount',
  'execArgv', 'execPath', 'allowedNodeEnvironmentFlags', 'permission', 'setUncaughtExceptionCaptureCallback',
  'hasUncaughtExceptionCaptureCallback', 'sourceMapsEnabled', 'setSourceMapsEnabled',
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
  { global: 'process', member: 'report', capabilities: ['SYSTEM', 'FILES_WRITE'] },
  { global: 'process', member: 'send', capabilities: ['EXEC'] },
  { global: 'process', member: 'channel', capabilities: ['EXEC'] },
  { global: 'process', member: 'disconnect', capabilities: ['EXEC'] },
  { global: 'process', member: 'execve', capabilities: ['EXEC'] },
  { global: 'process', member: 'kill', capabilities: ['SYSTEM'] },
  { global: 'process', member: 'chdir', capabilities: ['SYSTEM'] },
  { global: 'process', member: 'abort', capabilities: ['SYSTEM'] },
  { global: 'process', member: 'umask', capabilities: ['SYSTEM'] },
];

/** Names that all denote the global object; computed access on them is UNANALYZED. */
export const GLOBAL_OBJECT_NAMES: readonly string[] = ['globalThis', 'global', 'window', 'self'];
