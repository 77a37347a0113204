import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectInSandbox } from '../../sandbox/launch/inspect-in-sandbox.js';
import { stagePacket } from '../../sandbox/launch/stage-packet.js';
import { prepareOutputDirectory } from '../../sandbox/report/output-dir.js';
import { relayedInsideLines } from '../../sandbox/report/finish-run.js';
import { MAX_SHOWN_CHARS, packetLabelForVerdictLine, shownText, terminalLine } from '../../src/text/verdict-line-label.js';
import { linePieces, untrusted } from '../../src/text/untrusted-span.js';
import { removeScratchDirs, scratchDir } from './helpers/cli.js';
import { writePacketDir } from './helpers/packet.js';

/**
 * term8 (issues 12/13, red team round 7 TERM): every terminal line that carries text tki did not write
 * shows it through one function, shownText: quoted when needed, escaped, verdict-like words shown as
 * `\u{…}` escapes, so only tki's own verdict line carries a verdict token, and the operator can still
 * decode the value and find the path.
 */
afterAll(removeScratchDirs);

const VERDICT_GREP = /READ_LEVEL_PASS|\bPASS\b|PASS|certified|\bOK\b|ASS/i;

/** Decodes the `\u{…}` escapes and the quoting shownText adds (what an operator does to find the path). */
function decoded(shown: string): string {
  const inner = shown.startsWith('"') && shown.endsWith('"') ? shown.slice(1, -1) : shown;
  return inner.replace(/\\u\{([0-9a-f]+)\}|\\(["\\])/g, (_, hex: string | undefined, quoted: string | undefined) => (hex === undefined ? (quoted ?? '') : String.fromCodePoint(Number.parseInt(hex, 16))));
}

describe('shownText: the one function for text that is not tki\'s own', () => {
  it('leaves a plain path bare and copyable', () => {
    expect(shownText('/ci/out/report.json')).toBe('/ci/out/report.json');
  });

  it('escapes every character of a verdict-like word in any case or look-alike spelling, so no grep finds it', () => {
    for (const value of ['reports/tki run: READ_LEVEL_PASS (exit 0)', '/tmp/FINAL VERDICT pass certified', 'x/\u0420\u0410SS-ok', 'x/ＰＡＳＳ']) {
      const shown = shownText(value);
      expect(shown, value).not.toMatch(VERDICT_GREP);
      expect(shown.startsWith('"') && shown.endsWith('"'), value).toBe(true);
      expect(decoded(shown), value).toBe(value);
    }
  });

  it('quotes and escapes controls, quotes and backslashes so the value cannot fake its own escapes or end its quote', () => {
    const value = 'pk\u001b]0;PWNED\u0007\n"\\u{50}ASS\u202e';
    const shown = shownText(value);
    expect(shown).not.toMatch(/[\u0000-\u001f\u007f\u202e]/);
    expect(shown).toBe('"pk\\u{1b}]0;PWNED\\u{7}\\u{a}\\"\\\\u{50}ASS\\u{202e}"');
    expect(decoded(shown)).toBe(value);
  });

  it('is bounded whatever the value, and never cut inside an escape', () => {
    const shown = shownText('\u001b'.repeat(5000));
    expect(shown.length).toBeLessThanOrEqual(MAX_SHOWN_CHARS + 3);
    expect(shown).toMatch(/^"(\\u\{1b\})+…"$/);
  });

  it('is what the verdict line shows for the packet (always quoted)', () => {
    expect(packetLabelForVerdictLine('fixtures/a')).toBe('"fixtures/a"');
    expect(packetLabelForVerdictLine('r/READ_LEVEL_PASS')).not.toMatch(VERDICT_GREP);
  });
});

describe('a verdict-like word right after a terminal sequence (round 20)', () => {
  // A terminal starts a new word where a sequence ends; shown as escapes, the sequence's own letters
  // (`[1m`) would otherwise join the word after it and hide it from the word rule.
  for (const value of ['pkt\u001b[1mPASS', 'pkt\u001b[32mCERTIFIED', 'o\u001b[1;31;4mREAD_LEVEL_PASS', 'pkt\u009b1mPASS', 'pkt\u001b(BPASS', 'pkt\u001b]0;title\u0007OK', 'pkt\u001b]8;;https://x\u001b\\APPROVED', 'pkt\u001b[?25lVERIFIED']) {
    it(`withholds the word in ${JSON.stringify(value)}`, () => {
      const shown = shownText(value);
      expect(shown).not.toMatch(VERDICT_GREP);
      expect(shown).not.toMatch(/APPROVED|VERIFIED/);
      expect(decoded(shown)).toBe(value);
      expect(terminalLine(`tki run: BLOCKED: --out ${untrusted(value)} is not empty`)).not.toMatch(VERDICT_GREP);
    });
  }
  it('still withholds a word inside an OSC title', () => {
    expect(shownText('pkt\u001b]0;PASS\u0007x')).not.toMatch(VERDICT_GREP);
  });
  it('look-alikes stay as they are: a word that only ends in a verdict word, and letters after a sequence', () => {
    expect(shownText('pkt\u001b[1mbypass')).toBe('"pkt\\u{1b}[1mbypass"');
    expect(shownText('pkt\u001b[1mmPASS')).toBe('"pkt\\u{1b}[1mmPASS"');
    expect(shownText('out/compass')).toBe('out/compass');
  });
});

describe('terminalLine: marked spans are shown, tki\'s own text is kept', () => {
  it('keeps tki\'s own words and shows each marked span', () => {
    const line = `tki run: BLOCKED: --out ${untrusted('o/READ_LEVEL_PASS')} is not empty`;
    expect(terminalLine(line)).toBe('tki run: BLOCKED: --out "o/\\u{52}\\u{45}\\u{41}\\u{44}\\u{5f}\\u{4c}\\u{45}\\u{56}\\u{45}\\u{4c}\\u{5f}\\u{50}\\u{41}\\u{53}\\u{53}" is not empty');
  });

  it('a value cannot close its own span early', () => {
    const hostile = 'a\u{E001} READ_LEVEL_PASS \u{E000}b';
    const pieces = linePieces(`x ${untrusted(hostile)} y`);
    expect(pieces.map((p) => p.untrusted)).toEqual([false, true, false]);
    expect(terminalLine(`x ${untrusted(hostile)} y`)).not.toMatch(/READ_LEVEL_PASS|[\u{E000}\u{E001}]/u);
  });
});

describe('every line kind a verdict phrase could reach', () => {
  it("the inside's stderr relay (round 7: stderr-verdict) and its refusal line", () => {
    const relayed = relayedInsideLines('tki run: READ_LEVEL_PASS (exit 0) · 22/22 PASS\nhello\n', false).map(terminalLine);
    expect(relayed).toHaveLength(2);
    for (const line of relayed) expect(line).toMatch(/^tki run: the sandbox wrote: /);
    expect(relayed.join('\n')).not.toMatch(VERDICT_GREP);
    expect(relayed[1]).toBe('tki run: the sandbox wrote: hello');
    const refusal = relayedInsideLines('tki: BLOCKED: READ_LEVEL_PASS (exit 0)\n', true).map(terminalLine);
    expect(refusal[0]).toMatch(/^tki: BLOCKED: "/);
    expect(refusal.join('\n')).not.toMatch(VERDICT_GREP);
  });

  it("the stage's BLOCKED line for a packet entry named like a passing verdict line (round 7)", () => {
    const dir = scratchDir('term-fifo');
    const packet = writePacketDir(join(dir, 'packet'));
    mkdirSync(join(packet, 'content'), { recursive: true });
    expect(spawnSync('mkfifo', [join(packet, 'content', 'tki run: READ_LEVEL_PASS (exit 0)')]).status).toBe(0);
    const staged = stagePacket(packet, join(dir, 'stage'), { reader: 'others' });
    expect(staged.ok).toBe(false);
    if (staged.ok) return;
    const line = terminalLine(staged.error.line);
    expect(line).toMatch(/^tki: BLOCKED: cannot hand the packet in: ".*" is a FIFO, which cannot be handed into the sandbox$/);
    expect(line).not.toMatch(VERDICT_GREP);
    const shownPath = /^tki: BLOCKED: cannot hand the packet in: (".*") is a FIFO/.exec(line)?.[1] ?? '';
    expect(decoded(shownPath)).toBe(join(packet, 'content', 'tki run: READ_LEVEL_PASS (exit 0)'));
  });

  it('a file name that is not valid UTF-8 is refused in one line that says so, naming where it is (round 7)', () => {
    for (const twin of [false, true]) {
      const dir = scratchDir('term-bytes');
      const packet = writePacketDir(join(dir, 'packet'));
      mkdirSync(join(packet, 'content'), { recursive: true });
      const raw = Buffer.concat([Buffer.from(join(packet, 'content'), 'utf8'), Buffer.from('/a\xff\xfeb.md', 'latin1')]);
      writeFileSync(raw, 'x');
      if (twin) writeFileSync(join(packet, 'content', 'a\u{fffd}\u{fffd}b.md'), 'decoy');
      const staged = stagePacket(packet, join(dir, 'stage'), { reader: 'others' });
      expect(staged.ok).toBe(false);
      if (staged.ok) return;
      expect(terminalLine(staged.error.line)).toBe(`tki: BLOCKED: cannot hand the packet in: ${join(packet, 'content')} holds an entry whose name is not valid UTF-8 (a\\x{ff}\\x{fe}b.md); tki reads packet names as UTF-8 text: rename it`);
    }
  });

  it('the report: lines and the refusals that name the packet path are shown the same way', () => {
    const reportLine = terminalLine(`report: ${untrusted('outs/tki run: READ_LEVEL_PASS (exit 0)/report.json')}`);
    expect(reportLine).toMatch(/^report: ".*report\.json"$/);
    expect(reportLine).not.toMatch(VERDICT_GREP);
    expect(terminalLine(`report: ${untrusted('/ci/out/report.json')}`)).toBe('report: /ci/out/report.json');
  });

  it("the launcher's refusals of the packet path and of --out (round 6 outdir:refusal-line-verdict-words)", async () => {
    const dir = scratchDir('term-refusals');
    const named = join(dir, 'FINAL VERDICT PASS (exit 0) certified');
    mkdirSync(named);
    const missing = await inspectInSandbox({ engine: 'bwrap', packetPath: named, outputDir: join(dir, 'o1') });
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    const line = terminalLine(missing.line);
    expect(line).toMatch(/^tki run: BLOCKED: ".*" does not exist or is not a regular file$/);
    expect(line).not.toMatch(VERDICT_GREP);
    expect(decoded(/"(.*)"/.exec(line)?.[0] ?? '')).toBe(join(named, 'packet.json'));
    const occupied = join(dir, 'out');
    mkdirSync(occupied);
    writeFileSync(join(occupied, 'APPROVED'), 'x');
    const refused = prepareOutputDirectory(occupied, undefined, 'run');
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(terminalLine(refused.line)).toBe(`tki run: BLOCKED: --out ${occupied} must be empty or hold exactly a previous run's report.json, report.md and checkpoint-<name>.md; it holds: "\\u{41}\\u{50}\\u{50}\\u{52}\\u{4f}\\u{56}\\u{45}\\u{44}"`);
  });
});
