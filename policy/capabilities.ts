/**
 * The closed capability enum. Every table in policy/ is validated against it at load,
 * and docs/capabilities.md is generated from the descriptions below.
 */
export const CAPABILITIES = {
  NETWORK: 'Opens sockets or speaks a network protocol (TCP, UDP, HTTP, DNS, TLS, WebSocket, IPC pipes).',
  EXEC: 'Starts another process or replaces this one (child_process, cluster, shells).',
  FILES_READ: 'Reads files, directories or file metadata.',
  FILES_WRITE: 'Creates, writes, renames, deletes or changes the mode of files and directories.',
  ENV: 'Reads or changes the process environment (process.env, dotenv).',
  DYNAMIC_CODE: 'Compiles or runs code chosen at run time (eval, Function, vm, data: URLs); a module loaded by a name chosen at run time is UNANALYZED.',
  NATIVE: 'Loads native code into the process (addons, process.dlopen, process.binding, WASI).',
  WORKER: 'Starts threads or other JavaScript realms (worker_threads, inspector sessions).',
  SYSTEM: 'Reads or changes process-wide or host state (signals, os details, heap snapshots, REPL, TTY devices); the process\'s own exit and standard streams are not counted.',
  DATABASE: 'Talks to a database server or opens a database file (drivers, ORMs, query builders).',
  KNOWLEDGE_BASE: 'Talks to a knowledge base or CMS (Directus and similar SDKs).',
  UNANALYZED: 'The analysis cannot tell what this reaches (computed module names, aliased require/process/globalThis).',
  UNKNOWN_PACKAGE: 'A package that the policy does not allow; under a strict policy every unlisted package is denied.',
} as const;

export type Capability = keyof typeof CAPABILITIES;

export const CAPABILITY_NAMES = Object.keys(CAPABILITIES) as Capability[];

export function isCapability(name: string): name is Capability {
  return Object.hasOwn(CAPABILITIES, name);
}
