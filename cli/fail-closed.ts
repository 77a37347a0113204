/**
 * Imported first by the `tki` entry: the process starts failing (exit 3) and cannot end with 0,
 * whatever happens later. Node exits 0 when nothing sets a code, so 3 is set before anything
 * else runs, and an `exit` listener turns any 0 (an explicit exit(0), a stray `exitCode = 0`)
 * back into 3. An uncaught error is one line on stderr, never a stack trace.
 */
import { url as debuggerUrl } from 'node:inspector';

const FAIL_CLOSED = 3;

process.exitCode = FAIL_CLOSED;

process.on('exit', (code) => {
  if (code === 0 || process.exitCode === 0 || process.exitCode === undefined) process.exitCode = FAIL_CLOSED;
});

function internalError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`tki: internal error: ${message.split('\n')[0] ?? ''}\n`);
  process.exit(FAIL_CLOSED);
}

// A reader that closed the pipe (`tki run … | head -1`) is not an internal error: the reports
// are on disk already, and the exit code keeps the verdict.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') internalError(error);
  });
}

// Node's default SIGUSR1 action opens an unauthenticated debugger on 127.0.0.1:9229: any local
// user could then run code as the launcher's uid, root included (red team round 9). Node 20 has no
// --disable-sigusr1; a listener replaces the default action, so the signal does nothing.
process.on('SIGUSR1', () => undefined);

// The listener comes too late for a SIGUSR1 in node's first ~100 ms, and NODE_OPTIONS=--inspect in
// the operator's environment opens the debugger before any of tki's code (red team round 9): a
// launcher that finds a debugger open refuses to run (it may be root); exiting closes the debugger.
if (debuggerUrl() !== undefined) {
  process.stderr.write('tki: BLOCKED: a debugger was opened in this process (a SIGUSR1 during start-up, or --inspect in NODE_OPTIONS or on the command line); nothing was run\n');
  process.exit(FAIL_CLOSED);
}

process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);

export const FAIL_CLOSED_EXIT_CODE = FAIL_CLOSED;
