import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { buildHostilePacket, type HostileSpec, type JsonObject } from '../packet-gen.js';
import { dossier, FIXTURE, flagsOf9, freshDir, roundRoot, summary9, tki, tkiRun9, unlikeFlaggedPass, type Run9 } from '../round9/gen9.js';
import { INVISIBLE_WHEN_RAW } from './gfm-hazards.js';
import { createJudge19 } from './judge19.js';
import { referencesSpec, surfacesSpec } from './limits-gen.js';

/**
 * rt-packets19 through `tki run` as an operator types it (bubblewrap): routes this round found in
 * process (a colour equal to its background, `filter: opacity(0)`, the denial in Lisu capitals) and
 * the limits at their defaults (a dossier one byte over 8 MiB in 3-byte characters, 257 references,
 * 65 surfaces: BLOCKED naming the limit, no stack trace); the terminal as a sink (choice 82): packet
 * directory names holding ESC and CSI sequences, a newline and a verdict word, tki's own notation,
 * a bidi override and a C1 control, each shown on one line with no raw control and decoding to the
 * path; then `--out` shapes SPEC §5 forbids that no round tried: a single-file packet named
 * `report.json` inside the output directory beside a previous run's other two files, an output
 * directory holding only the packet file, a previous run's `report.md` that is a FIFO (a read would
 * hang), a `report.json` that is a directory, the packet named through a link with `--out` inside
 * its real directory, and `--out` a link to the packet directory.
 */
const { judge, checkAllListedRan } = createJudge19('cli');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const STACK_TRACE = /\n\s+at .+:\d+:\d+|node:internal|Error: .*\n\s+at /;

/** What keeps a run from ending with `flag` and `exitCode`. */
function unlikeFlagged(result: Run9, flag: string, exitCode: number): string | undefined {
  if (result.exitCode === exitCode && flagsOf9(result).includes(flag)) return undefined;
  return `${summary9(result)}: ${result.line.slice(0, 200)} ${result.stderr.slice(0, 300)}`;
}

describe('tki run (bubblewrap): this round\'s routes as the operator meets them', () => {
  it('control: the ASCII twin', () => {
    judge('cli:control-twin', unlikeFlaggedPass(tkiRun9({ dossierText: dossier('All tests pass.') }, 'cli19-twin')));
  }, 180_000);
  it('control: the ASCII denial', () => {
    judge('cli:control-denial', unlikeFlagged(tkiRun9({ dossierText: dossier('THE FILE DOES NOT EXIST ANYWHERE.') }, 'cli19-denial'), 'FLAG_GLOBAL_DENIAL_WORDING', 2));
  }, 180_000);
  it('colour equal to its background', () => {
    judge('cli:colour-equal-to-own-background', unlikeFlaggedPass(tkiRun9({ dossierText: dossier('All tests <span style="color:#fff;background:#fff">never </span>pass.') }, 'cli19-colour')));
  }, 180_000);
  it('filter: opacity(0)', () => {
    judge('cli:filter-opacity-zero', unlikeFlaggedPass(tkiRun9({ dossierText: dossier('All tests <span style="filter:opacity(0)">never </span>pass.') }, 'cli19-filter')));
  }, 180_000);
  it('the denial with a Lisu letter for I', () => {
    judge('cli:denial-upper-case-lisu-i-only', unlikeFlagged(tkiRun9({ dossierText: dossier('THE FILE DOES NOT EX\uA4F2ST ANYWHERE.') }, 'cli19-lisu'), 'FLAG_GLOBAL_DENIAL_WORDING', 2));
  }, 180_000);
  it('an escaped class selector in a <style> sheet (held in process)', () => {
    judge('cli:sheet-class-selector-with-css-escape', unlikeFlaggedPass(tkiRun9({ dossierText: dossier('<style>.\\68 {display:none}</style>\n\nAll tests <span class="h">never </span>pass.') }, 'cli19-sheet')));
  }, 180_000);
});

/** Problems of a run over a limit: BLOCKED, exit 3, report.json naming the limit, no stack trace. */
function overLimit(result: Run9, code: string): string | undefined {
  const problems: string[] = [];
  if (result.exitCode !== 3) problems.push(`exit ${String(result.exitCode)}`);
  if (STACK_TRACE.test(`${result.line}\n${result.stderr}`)) problems.push('a stack trace');
  const reasons = JSON.stringify(result.report?.blocked_reasons ?? []);
  if (!reasons.includes(`limits/${code}`)) problems.push(`reasons ${reasons.slice(0, 200)}`);
  return problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`;
}

describe('tki run: limits at their defaults', () => {
  it('a dossier one byte over 8 MiB in 3-byte characters', () => {
    const head = '# DOS\n\nAll tests pass.\n';
    const characters = Math.ceil((8 * 1024 * 1024 + 1 - Buffer.byteLength(head)) / 3);
    judge('cli:prose-over-8-mib-in-3-byte-characters', overLimit(tkiRun9({ dossierText: `${head}${'\u4E00'.repeat(characters)}` }, 'cli19-prose-cjk'), 'max_prose_bytes'));
  }, 600_000);
  it('257 references in one claim', () => {
    judge('cli:over-max-references-per-claim', overLimit(tkiRun9(referencesSpec(256), 'cli19-refs'), 'max_references_per_claim'));
  }, 180_000);
  it('65 allowed surfaces', () => {
    judge('cli:over-max-allowed-surfaces', overLimit(tkiRun9(surfacesSpec(65), 'cli19-surfaces'), 'max_allowed_surfaces'));
  }, 180_000);
});

/** A copy of the fixture packet under a directory of the given name (any bytes), readable by the sandbox. */
function fixtureNamed(name: string): string {
  const dir = freshDir('cli19-name');
  const packet = path.join(dir, name);
  cpSync(FIXTURE, packet, { recursive: true });
  for (const entry of [packet, ...readdirSync(packet, { recursive: true }).map((file) => path.join(packet, String(file)))]) chmodSync(entry, 0o755);
  return packet;
}

/** A quoted path on the terminal decoded by the one notation tki prints (`\\`, `\"` and `\u{…}`). */
function decodeQuoted(text: string): string {
  return text.replace(/\\(u\{([0-9a-fA-F]{1,6})\}|\\|")/g, (_, escape: string, hex: string | undefined) => (hex === undefined ? escape : String.fromCodePoint(Number.parseInt(hex, 16))));
}

describe('the terminal shows a packet path once-escaped on one line', () => {
  const names: Record<string, string> = {
    'esc-csi-sequences': 'pkt\u001B[2J\u001B]0;title\u0007',
    'newline-and-verdict-word': 'pkt\ntki run: UNVERIFIED (exit 2)',
    'tki-notation-in-the-name': 'pkt\\u{41}\\\\u{42}',
    'bidi-override': 'pkt\u202Etxt.exe',
    'c1-csi-and-next-line': 'pkt\u009B2J\u0085x',
    'verdict-words-in-the-name': 'READ_LEVEL_ACCEPTABLE certified PASS',
  };
  for (const [name, dirName] of Object.entries(names)) {
    it(name, () => {
      const packet = fixtureNamed(dirName);
      const out = path.join(freshDir('cli19-term-out'), 'out');
      const child = spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../../../../dist/cli/tki.js'), 'run', packet, '--out', out], { encoding: 'utf8', timeout: 120_000 });
      const problems: string[] = [];
      if (![1, 2, 3].includes(child.status ?? -1)) problems.push(`exit ${String(child.status)}`);
      const printed = `${child.stdout}${child.stderr}`;
      const raw = INVISIBLE_WHEN_RAW.exec(printed.replaceAll('\n', ''));
      if (raw !== null) problems.push(`a raw U+${raw[0].codePointAt(0)!.toString(16).toUpperCase()} on the terminal`);
      const lines = child.stdout.split('\n').filter((line) => line.length > 0);
      if (lines.length !== 4) problems.push(`${String(lines.length)} stdout lines, not the verdict and three reports`);
      const quoted = /packet "((?:[^"\\]|\\.)*)"/.exec(lines[0] ?? '');
      if (/READ_LEVEL_ACCEPTABLE|\bPASS\b/.test(printed)) problems.push('a verdict word the inspector never says is printed raw');
      if (quoted === null || decodeQuoted(quoted[1]!) !== packet) problems.push(`the verdict line names ${JSON.stringify(quoted?.[1])}, not the path`);
      judge(`cli:terminal-${name}`, problems.length === 0 ? undefined : `${problems.join('; ')}: ${JSON.stringify(printed.slice(0, 300))}`);
    }, 180_000);
  }
});

describe('an error line names a missing packet once-escaped', () => {
  it('a missing packet path holding ESC, a newline and an override', () => {
    const missing = path.join(freshDir('cli19-missing'), 'no\u001B[2J\nBLOCKED\u202E');
    const run = tki([missing, '--out', path.join(freshDir('cli19-missing-out'), 'out')]);
    const problems: string[] = [];
    if (run.status !== 3) problems.push(`exit ${String(run.status)}`);
    const raw = INVISIBLE_WHEN_RAW.exec(run.output.replaceAll('\n', ''));
    if (raw !== null) problems.push(`a raw U+${raw[0].codePointAt(0)!.toString(16).toUpperCase()}`);
    if (run.output.trim().split('\n').length !== 1) problems.push('more than one line');
    judge('cli:terminal-missing-packet-path', problems.length === 0 ? undefined : `${problems.join('; ')}: ${JSON.stringify(run.output.slice(0, 200))}`);
  }, 180_000);
});

/** The generated packet as one .json file (every content inline) at `file`. */
function writeSingleFilePacket(file: string, spec: HostileSpec): string {
  const { packet, files } = buildHostilePacket(spec);
  for (const item of packet.items as JsonObject[]) {
    if (typeof item.content_file === 'string') {
      item.content = String(files.get(item.content_file));
      delete item.content_file;
    }
  }
  const text = JSON.stringify(packet);
  writeFileSync(file, text);
  chmodSync(file, 0o644);
  return text;
}

function entriesUnder(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : [];
}

/** Problems of a run that must be refused: its exit, a stack trace, entries changed under `watched`. */
function refused(run: { status: number | null; output: string }, watched: string, before: readonly string[]): string[] {
  const problems: string[] = [];
  if (run.status !== 3) problems.push(`exit ${String(run.status)}`);
  if (STACK_TRACE.test(run.output)) problems.push(`a stack trace: ${JSON.stringify(run.output.slice(0, 200))}`);
  const after = entriesUnder(watched);
  if (after.join(',') !== before.join(',')) problems.push(`${path.basename(watched)} now holds ${after.join(', ')}`);
  return problems;
}

describe('tki run: --out shapes SPEC §5 forbids', () => {
  // The packet file takes the place of one of a previous run's three files: writing the run's file replaces the packet.
  for (const [key, name] of [['out-holds-the-packet-file-as-report-json', 'report.json'], ['out-holds-the-packet-file-as-report-md', 'report.md'], ['out-holds-the-packet-file-as-checkpoint', 'checkpoint-inspection.md']] as const) {
    it(`a single-file packet named ${name} beside a previous run's other two files`, () => {
      const out = path.join(freshDir(`cli19-${key}`), 'out');
      mkdirSync(out);
      chmodSync(out, 0o755);
      for (const previous of ['report.json', 'report.md', 'checkpoint-inspection.md']) writeFileSync(path.join(out, previous), '{}');
      const packetFile = path.join(out, name);
      const text = writeSingleFilePacket(packetFile, { dossierText: dossier('All tests pass.') });
      const before = entriesUnder(out);
      const problems = refused(tki([packetFile, '--out', out]), out, before);
      if (readFileSync(packetFile, 'utf8') !== text) problems.push('the packet file was replaced by the report');
      judge(`cli:${key}`, problems.join('; ') || undefined);
    }, 180_000);
  }
  it('an output directory holding only the single-file packet, named report.json', () => {
    const out = path.join(freshDir('cli19-out-only-report-json'), 'out');
    mkdirSync(out);
    chmodSync(out, 0o755);
    const packetFile = path.join(out, 'report.json');
    const text = writeSingleFilePacket(packetFile, { dossierText: dossier('All tests pass.') });
    const before = entriesUnder(out);
    const problems = refused(tki([packetFile, '--out', out]), out, before);
    if (readFileSync(packetFile, 'utf8') !== text) problems.push('the packet file was replaced by the report');
    judge('cli:out-holds-only-the-packet-file-named-report-json', problems.join('; ') || undefined);
  }, 180_000);
  it('the packet named through a link to a previous run\'s report.json in --out', () => {
    const out = path.join(freshDir('cli19-out-link-to-report'), 'out');
    mkdirSync(out);
    chmodSync(out, 0o755);
    const packetFile = path.join(out, 'report.json');
    const text = writeSingleFilePacket(packetFile, { dossierText: dossier('All tests pass.') });
    writeFileSync(path.join(out, 'report.md'), 'x');
    writeFileSync(path.join(out, 'checkpoint-inspection.md'), 'y');
    const link = path.join(freshDir('cli19-packet-link-json'), 'evidence.json');
    symlinkSync(packetFile, link);
    const before = entriesUnder(out);
    const problems = refused(tki([link, '--out', out]), out, before);
    if (readFileSync(packetFile, 'utf8') !== text) problems.push('the packet (the link\'s target) was replaced by the report');
    judge('cli:out-report-json-is-the-packet-through-a-link', problems.join('; ') || undefined);
  }, 180_000);
  it('an output directory holding only the single-file packet', () => {
    const out = path.join(freshDir('cli19-out-holds-packet'), 'out');
    mkdirSync(out);
    chmodSync(out, 0o755);
    const packetFile = path.join(out, 'packet.json');
    writeSingleFilePacket(packetFile, { dossierText: dossier('All tests pass.') });
    const before = entriesUnder(out);
    judge('cli:out-holds-only-the-packet-file', refused(tki([packetFile, '--out', out]), out, before).join('; ') || undefined);
  }, 180_000);
  it('a previous run\'s report.md that is a FIFO (a read or an open for writing would hang)', () => {
    const out = path.join(freshDir('cli19-out-fifo'), 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'report.json'), '{}');
    writeFileSync(path.join(out, 'checkpoint-inspection.md'), 'y');
    spawnSync('mkfifo', [path.join(out, 'report.md')]);
    const started = performance.now();
    const run = spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../../../../dist/cli/tki.js'), 'run', fixtureNamed('pkt'), '--out', out], { encoding: 'utf8', timeout: 150_000 });
    const problems: string[] = [];
    if (run.error !== undefined) problems.push(`did not end within 150 s (${String(Math.round(performance.now() - started))} ms): ${String(run.error)}`);
    else if (run.status !== 3) problems.push(`exit ${String(run.status)}: a FIFO is no previous run's file`);
    if (STACK_TRACE.test(`${run.stdout}${run.stderr}`)) problems.push('a stack trace');
    judge('cli:out-previous-report-md-is-a-fifo', problems.join('; ') || undefined);
  }, 200_000);
  it('a previous run\'s report.json that is a directory', () => {
    const out = path.join(freshDir('cli19-out-json-dir'), 'out');
    mkdirSync(path.join(out, 'report.json'), { recursive: true });
    writeFileSync(path.join(out, 'report.md'), 'x');
    writeFileSync(path.join(out, 'checkpoint-inspection.md'), 'y');
    const before = entriesUnder(out);
    judge('cli:out-previous-report-json-is-a-directory', refused(tki([fixtureNamed('pkt'), '--out', out]), out, before).join('; ') || undefined);
  }, 180_000);
  it('the packet named through a link, --out inside its real directory', () => {
    const packet = fixtureNamed('pkt');
    const link = path.join(freshDir('cli19-packet-link'), 'via-link');
    symlinkSync(packet, link);
    const before = entriesUnder(packet);
    judge('cli:packet-through-link-out-inside-real-dir', refused(tki([link, '--out', path.join(packet, 'new-out')]), packet, before).join('; ') || undefined);
  }, 180_000);
  it('--out a link to the packet directory', () => {
    const packet = fixtureNamed('pkt');
    const link = path.join(freshDir('cli19-out-link'), 'out-link');
    symlinkSync(packet, link);
    const before = entriesUnder(packet);
    judge('cli:out-is-a-link-to-the-packet', refused(tki([packet, '--out', link]), packet, before).join('; ') || undefined);
  }, 180_000);
  // Option parsing: the directory checked must be the directory written.
  it('--out given twice, the second inside the packet', () => {
    const packet = fixtureNamed('pkt');
    const before = entriesUnder(packet);
    const run = tki([packet, '--out', path.join(freshDir('cli19-out-twice-safe'), 'out'), '--out', path.join(packet, 'new-out')]);
    const problems = refused(run, packet, before).filter((problem) => !/^exit [12]$/.test(problem));
    judge('cli:out-given-twice-second-inside-packet', problems.join('; ') || undefined);
  }, 180_000);
  it('--out given twice, the first inside the packet', () => {
    const packet = fixtureNamed('pkt');
    const before = entriesUnder(packet);
    const run = tki([packet, '--out', path.join(packet, 'new-out'), '--out', path.join(freshDir('cli19-out-twice-safe2'), 'out')]);
    const problems = refused(run, packet, before).filter((problem) => !/^exit [12]$/.test(problem));
    judge('cli:out-given-twice-first-inside-packet', problems.join('; ') || undefined);
  }, 180_000);
  it('--out as an empty string from inside the packet', () => {
    const packet = fixtureNamed('pkt');
    const before = entriesUnder(packet);
    judge('cli:out-empty-string-inside-packet', refused(tki([packet, '--out', ''], packet), packet, before).join('; ') || undefined);
  }, 180_000);
  it('--out . from inside the packet', () => {
    const packet = fixtureNamed('pkt');
    const before = entriesUnder(packet);
    judge('cli:out-dot-inside-packet', refused(tki(['.', '--out', '.'], packet), packet, before).join('; ') || undefined);
  }, 180_000);
  it('two packets named', () => {
    const packet = fixtureNamed('pkt');
    const out = path.join(freshDir('cli19-two-packets'), 'out');
    const run = tki([packet, fixtureNamed('pkt2'), '--out', out]);
    const problems: string[] = [];
    if (run.status !== 3) problems.push(`exit ${String(run.status)}`);
    if (STACK_TRACE.test(run.output)) problems.push('a stack trace');
    judge('cli:two-packets-named', problems.join('; ') || undefined);
  }, 180_000);
});
