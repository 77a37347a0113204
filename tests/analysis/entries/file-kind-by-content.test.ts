import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileKindOf } from '../../../guard/load/file-kinds.js';
import { parseSource } from '../../../guard/load/parse.js';

const root = mkdtempSync(path.join(tmpdir(), 'tki-file-kind-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (name: string, text: string | Buffer): string => {
  const file = path.join(root, name);
  writeFileSync(file, text);
  return file;
};
const SCRIPT = "require('node:fs').writeFileSync(process.env.MARK, 'ran');\n";
const WASM_BYTES = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/** What Node 20+ does with the file when `require`d: the text it prints, or the error's first line. */
function nodeRequires(file: string): string {
  const mark = path.join(root, 'mark');
  writeFileSync(mark, '');
  const result = spawnSync(process.execPath, ['-e', 'try { require(process.argv[1]) } catch (e) { console.log(e.name) }', file], { env: { ...process.env, MARK: mark }, encoding: 'utf8' });
  return result.stdout.trim() === '' ? readFileSync(mark, 'utf8') || 'nothing' : result.stdout.trim();
}

describe('a .wasm file is native only when its bytes are WebAssembly', () => {
  it('JavaScript named .wasm is code, and Node runs it', () => {
    const file = write('mod.wasm', SCRIPT);
    expect(fileKindOf(file)).toBe('code');
    expect(nodeRequires(file)).toBe('ran');
  });
  it('WebAssembly bytes stay native (require throws on them: it never runs them as code)', () => {
    const file = write('real.wasm', WASM_BYTES);
    expect(fileKindOf(file)).toBe('native');
    expect(nodeRequires(file)).toBe('SyntaxError');
  });
  it('an unreadable .wasm stays native', () => expect(fileKindOf(path.join(root, 'missing.wasm'))).toBe('native'));
  it('.node is native by name', () => expect(fileKindOf(write('addon.node', SCRIPT))).toBe('native'));
});

describe('a declaration file whose text is JavaScript parses as the script Node runs', () => {
  it('require("./types.d.ts") runs it: parsed as JavaScript, not ambient', () => {
    const file = write('types.d.ts', SCRIPT);
    expect(nodeRequires(file)).toBe('ran');
    const parsed = parseSource(file, 'types.d.ts', SCRIPT);
    expect(parsed.ok && parsed.value.isDeclarationFile).toBe(false);
  });
  it('a real declaration file stays a declaration', () => {
    for (const text of ['export declare function run(): void;\n', 'export interface Options { a: string }\n', "import type { X } from './x';\nexport type Y = X;\n", 'declare const x: number;\nexport = x;\n']) {
      const parsed = parseSource(write('real.d.ts', text), 'real.d.ts', text);
      expect(parsed.ok && parsed.value.isDeclarationFile).toBe(true);
    }
  });
});
