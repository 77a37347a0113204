import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { asciiFormByNativePasses, asciiFormByTable, ENGINE_INTERPRETS, matchingForm } from '../../policy/text-normalize.js';

/**
 * The ASCII matching form has two paths, chosen by the engine (session 17): a table walk with a JIT,
 * native passes when V8 interprets (`--jitless`, as the inspector runs inside the sandbox). A packet
 * must read the same whichever engine runs it, so the two paths are held equal on long texts of the
 * shapes a run forms: prose, report table rows, and every ASCII character in seeded order.
 */
function seededAscii(length: number, seed: number): string {
  let state = seed;
  let text = '';
  while (text.length < length) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    text += String.fromCharCode(state % 128);
  }
  return text;
}

const prose = Array.from({ length: 400 }, (_, index) => `- C${index}: The artifact tools/d${index % 27}/file-${String(index).padStart(7, '0')}.py exists.\n`).join('');
const tableRows = Array.from({ length: 300 }, (_, index) => `| C${index} | ARTIFACT_EXISTS | \`tools/m${index}.py\` |  100% "ok"\t|\r\n`).join('');

describe('the ASCII matching form does not depend on the engine', () => {
  it.each([
    ['prose', prose],
    ['table rows with |, digits, %, quotes and white-space runs', tableRows],
    ['every ASCII character, seeded', seededAscii(30_000, 17)],
    ['a text whose form leaves Latin-1 (%) beside one that does not', `${prose}%${tableRows}`],
  ])('%s: the table walk and the native passes agree', (_name, text) => {
    expect(text.length).toBeGreaterThan(4096);
    const byTable = asciiFormByTable(text);
    expect(asciiFormByNativePasses(text)).toBe(byTable);
    expect(matchingForm(text)).toBe(byTable);
  });

  it('both paths fold the look-alike ASCII characters (0 → o, 1 → l, m → rn, | → l)', () => {
    const text = `${'x'.repeat(5000)} PA55 10m|`;
    expect(asciiFormByTable(text).endsWith(' pa55 lornl')).toBe(true);
    expect(asciiFormByNativePasses(text).endsWith(' pa55 lornl')).toBe(true);
  });

  it('an interpreting V8 (--jitless) is told apart by the probe, a JIT is not', () => {
    expect(ENGINE_INTERPRETS).toBe(false);
    const probe = (flags: string[]): string => spawnSync(process.execPath, [...flags, '-e', "process.stdout.write(typeof WebAssembly !== 'object' ? 'interprets' : 'jit')"], { encoding: 'utf8' }).stdout;
    expect(probe(['--jitless'])).toBe('interprets');
    expect(probe([])).toBe('jit');
  });
});
