// CommonJS: the TypeScript loader (guard/cache/typescript-code-cache.cts) reads its source with it before any ES module loads.
import buffer = require('node:buffer');
import fs = require('node:fs');

/**
 * UTF-8 text of a file's bytes. All-ASCII bytes (nearly every source file, TypeScript's own 9 MB,
 * the cache shards) are copied as Latin-1, which is the same text: Node's UTF-8 decoder validates
 * every byte and costs several times the copy (typescript.js in a new process: 121–149 against
 * 73–93 CPU-ms, 5 runs each). Anything else, a BOM included, goes through the UTF-8 decoder as before.
 */
function decodeText(bytes: Buffer): string {
  return buffer.isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** `readFileSync(file, 'utf8')`, decoded as above. */
function readText(file: string): string {
  return decodeText(fs.readFileSync(file));
}

export = { decodeText, readText };
