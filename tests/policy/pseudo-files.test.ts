import { describe, expect, it } from 'vitest';
import { analyzeSourceFile, parseSourceText } from '../../analysis/syntax/index.js';
import { RECOMMENDED_POLICY, pseudoFileCapabilities } from '../../policy/index.js';

const capabilitiesOf = (text: string, file = 'lib/a.ts'): string[] =>
  [...new Set(analyzeSourceFile(parseSourceText(file, text), { policy: RECOMMENDED_POLICY, relativePath: file }).findings.map((finding) => finding.capability ?? finding.ruleId))].sort();

describe('pseudo-file paths (policy/pseudo-files.ts)', () => {
  it.each([
    [['/proc/self/environ'], ['ENV']],
    [['/proc/1/environ'], ['ENV']],
    [['/proc/thread-self/environ'], ['ENV']],
    [['/proc/self/task/7/environ'], ['ENV']],
    [['/proc//self/./environ'], ['ENV']],
    [['/proc/', null, '/environ'], ['ENV']],
    // A run-time name under /proc may be `environ`: deny by default.
    [['/proc/self/', null], ['ENV']],
    [[null, '/proc/self/environ'], ['ENV']],
  ] as const)('%j is ENV', (shape, expected) => {
    expect(pseudoFileCapabilities(shape)).toEqual(expected);
  });

  it.each([
    [['/proc/self/cmdline']],
    [['/proc/', null, '/stat']],
    // A descriptor's link, not a process directory (sandbox/report/output-dir.ts).
    [['/proc/self/fd/', null]],
    [['/proc/cpuinfo']],
    [['/etc/environ']],
    [['proc/self/environ']],
    [['/tmp/', null, '/environ']],
    [['environ']],
    [[null]],
  ] as const)('%j is no other capability', (shape) => {
    expect(pseudoFileCapabilities(shape)).toEqual([]);
  });
});

describe('the detector judges environ paths wherever they are written', () => {
  it.each([
    ['a literal read', "import { readFileSync } from 'node:fs';\nreadFileSync('/proc/self/environ', 'utf8');", ['ENV', 'FILES_READ']],
    ['a template with the pid', "import { readFile } from 'node:fs/promises';\nimport { pid } from 'node:process';\nawait readFile(`/proc/${pid}/environ`, 'utf8');", ['ENV', 'FILES_READ']],
    ['a + chain', "import fs from 'node:fs';\nfs.readFileSync('/proc/' + process.pid + '/environ');", ['ENV', 'FILES_READ']],
    ['a constant handed on', "import fs from 'node:fs';\nconst where = '/proc/self/environ';\nfs.readFileSync(where);", ['ENV', 'FILES_READ']],
    ['path.join of segments', "import fs from 'node:fs';\nimport path from 'node:path';\nfs.readFileSync(path.join('/proc', String(process.pid), 'environ'));", ['ENV', 'FILES_READ']],
    ['an array joined with /', "import fs from 'node:fs';\nfs.readFileSync(['', 'proc', 'self', 'environ'].join('/'));", ['ENV', 'FILES_READ']],
    ['a path for a helper in another module', "export const ENVIRON = `/proc/${'self'}/environ`;", ['ENV']],
  ] as const)('%s', (_name, code, expected) => {
    expect(capabilitiesOf(code)).toEqual([...expected].sort());
  });

  it.each([
    ['the same read of a neighbour file', "import { readFileSync } from 'node:fs';\nreadFileSync('/proc/self/status', 'utf8');", ['FILES_READ']],
    ['/proc/<pid>/cmdline: the arguments, which process.argv gives too', "import { readFile } from 'node:fs/promises';\nimport { pid } from 'node:process';\nawait readFile(`/proc/${pid}/cmdline`, 'utf8');", ['FILES_READ']],
    ['a join under another root', "import path from 'node:path';\nexport const p = path.join('/srv', 'environ');", []],
    ['a word in a message', "export const hint = 'set the environ variable';", []],
  ] as const)('negative control: %s', (_name, code, expected) => {
    expect(capabilitiesOf(code)).toEqual([...expected].sort());
  });
});
