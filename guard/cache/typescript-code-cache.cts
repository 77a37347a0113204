// CommonJS, required by guard/load/typescript-shim.cts: TypeScript is loaded synchronously, as require() would.
import crypto = require('node:crypto');
import fs = require('node:fs');
import Module = require('node:module');
import path = require('node:path');
import vm = require('node:vm');
import textBytes = require('../load/text-bytes.cjs');
import userCache = require('../load/user-cache.cjs');

/**
 * TypeScript is 9 MB of JavaScript that V8 compiles again in every new process: the largest part
 * of a warm run's start-up on Node 20, which has no `module.enableCompileCache`. This loads it the
 * way require() does (same wrapper, same module record) through a `vm.Script` that takes V8's code
 * cache, and writes that cache at exit of a run that had none, after the run compiled what it uses.
 *
 * The cache is executable code, so it lives where only this user can write it: the user's cache
 * folder (`tki/v8` there: guard/load/user-cache.cts), owned by this user and writable by no
 * one else, never inside the project (a repository under analysis could ship one). V8 rejects
 * data made by another V8, other flags or another source; the file name also binds it to the
 * TypeScript file's path, size and mtime and to this Node. Any failure loads TypeScript the plain
 * way, silently: the result is the same, only slower.
 */
type TypeScriptModule = typeof import('typescript');

const NodeModule = Module as unknown as typeof Module & { _cache: Record<string, Module | undefined>; _nodeModulePaths(directory: string): string[]; wrap(source: string): string };

/** The user's cache folder's `tki/v8` (guard/load/user-cache.cts: the same place and rules as the cache secret's). */
function cacheDirectory(): string | undefined {
  const directory = userCache.tkiUserCacheDirectory('v8');
  return userCache.makePrivateDirectory(directory) ? directory : undefined;
}

/**
 * V8 rejects a code cache made under other V8 flags (`--max-old-space-size`, `--jitless`,
 * `--stack-size`, from the command line or NODE_OPTIONS), and a rejected run writes its own in its
 * place: runs under two flag sets would each compile TypeScript afresh, every time. So the flags
 * Node started with are part of the name: each flag set keeps its own cache.
 */
function startFlags(): string {
  return [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join('\0');
}

function cacheFileFor(file: string, directory: string): string {
  const stats = fs.statSync(file);
  const key = crypto.createHash('sha256').update([file, stats.size, stats.mtimeMs, process.version, process.arch, process.versions.v8, startFlags()].join('\0')).digest('base64url').slice(0, 32);
  return path.join(directory, `typescript-${key}.bin`);
}

function readOwned(file: string): Buffer | undefined {
  try {
    return userCache.isPrivateToMe(file, 'file', 0o022) ? fs.readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

function writeAtExit(script: vm.Script, file: string): void {
  process.once('exit', () => {
    try {
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
      fs.renameSync(temporary, file);
    } catch {
      // No cache this time: the next run compiles TypeScript again and tries once more.
    }
  });
}

function loadTypeScript(): TypeScriptModule {
  const file = require.resolve('typescript');
  const known = NodeModule._cache[file];
  if (known !== undefined) return known.exports as TypeScriptModule;
  const directory = cacheDirectory();
  let cacheFile: string | undefined;
  let script: vm.Script;
  try {
    cacheFile = directory === undefined ? undefined : cacheFileFor(file, directory);
    const cachedData = cacheFile === undefined ? undefined : readOwned(cacheFile);
    script = new vm.Script(NodeModule.wrap(textBytes.readText(file)), { filename: file, ...(cachedData === undefined ? {} : { cachedData }) });
  } catch {
    return require('typescript') as TypeScriptModule;
  }
  const record = new Module(file);
  record.filename = file;
  record.paths = NodeModule._nodeModulePaths(path.dirname(file));
  NodeModule._cache[file] = record;
  try {
    (script.runInThisContext() as (...parameters: unknown[]) => void).call(record.exports, record.exports, Module.createRequire(file), record, file, path.dirname(file));
    record.loaded = true;
  } catch (error) {
    delete NodeModule._cache[file];
    throw error;
  }
  if (cacheFile !== undefined && (script.cachedDataRejected !== false)) writeAtExit(script, cacheFile);
  return record.exports as TypeScriptModule;
}

export = { loadTypeScript };
