#!/usr/bin/env node
// First, before any module of tki's: TypeScript through require() and V8's code cache (see below).
import './load/typescript-shim.cjs';

// A reader that closed the pipe (`tki-guard src | head -1`) wants no more output: stop writing
// and keep the exit code, as git and grep do, instead of an unhandled 'error' with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

// Node's default SIGUSR1 action opens an unauthenticated debugger on 127.0.0.1:9229 (any local
// user could run code as the CI user); a listener replaces it. As in tki's cli/fail-closed.ts.
process.on('SIGUSR1', () => undefined);

/**
 * The `tki-guard` bin. TypeScript (9 MB of CommonJS) is loaded first (the import above), through require() and V8's
 * code cache (load/typescript-shim.cts → cache/typescript-code-cache.cts); tki's modules take that
 * same instance through policy/typescript.cts, so the ES module loader never reads, detects or
 * export-lexes `typescript.js` (which cost Node 20.19 and later two passes over it). Until session
 * 8 a resolve hook on the loader thread redirected `typescript` instead: every import of every
 * module the CLI loads was then a message to that thread.
 */
await import('./cli-main.js');
