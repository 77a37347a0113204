import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guardDirectory } from './helpers.js';

/**
 * SPEC §9 `modules[].capabilities`: what each module reaches, including what it legitimately
 * holds (a grant, a declared action) — held capabilities are not findings, but they are facts.
 */
function project(files: Record<string, string>): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'tki-guard-summary-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(directory, name), text);
  return directory;
}

describe('module summary', () => {
  it('lists held capabilities with member precision and no findings for them', async () => {
    const directory = project({
      'tki.policy.json': JSON.stringify({ grants: [{ files: ['config.ts'], capabilities: ['ENV'], reason: 'reads the operator-chosen log level' }] }),
      'config.ts': "export const level = process.env.LOG_LEVEL ?? 'info';\n",
      'reader.ts': "import { readFileSync } from 'node:fs';\nexport const allowedActions = ['READ_PACKET_ITEM'] as const;\nexport const read = (file: string): string => readFileSync(file, 'utf8');\n",
      'pure.ts': "import path from 'node:path';\nexport const join = (a: string, b: string): string => path.join(a, b);\n",
    });
    const run = await guardDirectory(directory);
    expect(run.result.findings).toEqual([]);
    const byFile = new Map(run.result.modules.map((module) => [module.file, module.capabilities]));
    expect(byFile.get('config.ts')).toEqual(['ENV']);
    expect(byFile.get('reader.ts')).toEqual(['FILES_READ']);
    expect(byFile.get('pure.ts')).toEqual([]);
  });

  it('still reports an unheld capability as a finding and lists it', async () => {
    const directory = project({ 'leak.ts': "export const token = process.env.TOKEN;\n" });
    const run = await guardDirectory(directory);
    expect(run.result.findings.map((finding) => `${finding.file} ${finding.capability}`)).toEqual(['leak.ts ENV']);
    expect(run.result.modules.find((module) => module.file === 'leak.ts')?.capabilities).toEqual(['ENV']);
  });
});

describe('module summary with open modes', () => {
  const READS = "export const allowedActions = ['READ_PACKET_ITEM'] as const;\n";

  it('lists a read-only open as FILES_READ and a writing "read" as FILES_WRITE, with a witness to node:fs', async () => {
    const directory = project({
      'reader.ts':
        "import { constants, openSync } from 'node:fs';\n" +
        READS +
        'const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;\n' +
        'export const open = (file: string): number => openSync(file, OPEN_FLAGS);\n',
      'truncate.ts': "import { readFileSync } from 'node:fs';\n" + READS + "export const read = (file: string): string => readFileSync(file, { flag: 'w', encoding: 'utf8' });\n",
      'entry.ts': "import { open } from './reader.js';\nimport { read } from './truncate.js';\nexport const both = (file: string): unknown => [open(file), read(file)];\n",
    });
    const run = await guardDirectory(directory);
    const byFile = new Map(run.result.modules.map((module) => [module.file, module.capabilities]));
    expect(byFile.get('reader.ts')).toEqual(['FILES_READ']);
    // `flag: 'w'` opens write-only (truncating): the read that follows cannot read anything (docs/choices.md 56).
    expect(byFile.get('truncate.ts')).toEqual(['FILES_WRITE']);
    // The read-only open is held by reader.ts's action, so entry.ts inherits only the write, through the call.
    expect(run.result.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId} ${finding.capability}`)).toEqual([
      'entry.ts:2 transitive-capability FILES_WRITE',
      'truncate.ts:3 allowed-actions FILES_WRITE',
    ]);
    expect(run.result.findings[0]?.witness).toEqual(['entry.ts', 'truncate.ts', "readFileSync(file, { flag: 'w', encodin…"]);
  });
});
