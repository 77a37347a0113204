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
