#!/usr/bin/env node
import { register } from 'node:module';

// A reader that closed the pipe (`tki-guard src | head -1`) wants no more output: stop writing
// and keep the exit code, as git and grep do, instead of an unhandled 'error' with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

/**
 * The `tki-guard` bin. TypeScript (9 MB of CommonJS) imported from ESM costs Node 20.19 and
 * later a module-syntax detection parse and a CommonJS export-lexer pass before V8 compiles it:
 * more than half of a warm run's start-up. A resolve hook (load/typescript-hook.ts) hands the
 * CLI's `import ts from 'typescript'` to require() through a one-line CommonJS shim, so the file
 * is compiled once and parsed by nothing else. The CLI proper is loaded after the hook.
 */
try {
  register(new URL('./load/typescript-hook.js', import.meta.url));
} catch {
  // Without loader hooks the CLI loads TypeScript the slow way, with the same result.
}
await import('./cli-main.js');
