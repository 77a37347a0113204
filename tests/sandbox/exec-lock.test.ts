import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers/cli.js';

/**
 * The in-process lock on its own, in a throwaway node process on the host: a worker thread
 * started *before* the lock must be unable to exec afterwards (that is what TSYNC is for), and so
 * must the main thread; a process started before the lock keeps running untouched.
 */
const LOCK_MODULE = join(PROJECT_ROOT, 'dist', 'sandbox', 'lock.js');

const SCRIPT = `
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
const { applyExecLock } = await import(${JSON.stringify(LOCK_MODULE)});
const before = spawnSync('/bin/true').error?.code ?? 'started';
const worker = new Worker(\`
  const { parentPort } = require('node:worker_threads');
  const { spawnSync } = require('node:child_process');
  parentPort.on('message', () => parentPort.postMessage(spawnSync('/bin/true').error?.code ?? 'started'));
\`, { eval: true, execArgv: [] });
await new Promise((resolve) => worker.once('online', resolve));
const lock = applyExecLock();
const fromWorker = await new Promise((resolve) => { worker.once('message', resolve); worker.postMessage('go'); });
const fromMain = spawnSync('/bin/true').error?.code ?? 'started';
await worker.terminate();
process.stdout.write(JSON.stringify({ before, lock, fromWorker, fromMain }));
`;

describe('the in-process exec lock (TSYNC)', () => {
  it('stops exec on every thread, including a worker that existed before the lock', () => {
    if (!existsSync(LOCK_MODULE)) throw new Error(`${LOCK_MODULE} is missing: run \`npm run build\` first`);
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ before: 'started', lock: { ok: true }, fromWorker: 'EPERM', fromMain: 'EPERM' });
  });
});

const REFUSED_MODULE = join(PROJECT_ROOT, 'dist', 'sandbox', 'seccomp', 'refused-calls.js');
const ADDON_MODULE = join(PROJECT_ROOT, 'dist', 'sandbox', 'native', 'addon.js');

/** Unlisted calls, from the main thread and from a worker started before the lock, then the operator's line. */
const UNLISTED_SCRIPT = `
import { Worker } from 'node:worker_threads';
import { openSync } from 'node:fs';
const { applyExecLock } = await import(${JSON.stringify(LOCK_MODULE)});
const { refusedCallsLine } = await import(${JSON.stringify(REFUSED_MODULE)});
const { loadSeccompAddon } = await import(${JSON.stringify(ADDON_MODULE)});
const worker = new Worker(\`
  const { parentPort } = require('node:worker_threads');
  parentPort.on('message', (path) => { const holder = { exports: {} }; process.dlopen(holder, path); parentPort.postMessage(holder.exports.attemptSyscall('memfd_secret')); });
\`, { eval: true, execArgv: [] });
await new Promise((resolve) => worker.once('online', resolve));
const before = refusedCallsLine('test');
const lock = applyExecLock();
const addon = loadSeccompAddon().addon;
const mbind = addon.attemptSyscall('mbind');
const fromWorker = await new Promise((resolve) => { worker.once('message', resolve); worker.postMessage(${JSON.stringify(join(PROJECT_ROOT, 'sandbox', 'native', 'build', 'Release', 'tki_seccomp.node'))}); });
let writeOpen;
try { openSync('/dev/null', 'w'); writeOpen = 'opened'; } catch (error) { writeOpen = error.code; }
await worker.terminate();
process.stdout.write(JSON.stringify({ before, lock, mbind, fromWorker, writeOpen, line: refusedCallsLine('test') }));
`;

describe('the named diagnostic for unlisted calls (SIGSYS handler)', () => {
  it('answers ENOSYS, records each call (on any thread) and names it in one line; opens for writing are EPERM', () => {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', UNLISTED_SCRIPT], { encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('');
    const observed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(observed).toMatchObject({ lock: { ok: true }, mbind: 38, fromWorker: 38, writeOpen: 'EPERM' });
    expect(observed.before).toBeUndefined();
    expect(observed.line).toMatch(/^test: note: the sandbox answered ENOSYS to \d+ system call\(s\) on no seccomp list: 237 \(mbind\), 447 \(memfd_secret\);/);
  });
});
