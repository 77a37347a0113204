import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, openSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { backedCountClaim, writeHostilePacket } from '../packet-gen.js';
import { RAW_INVISIBLE, viewMarkdown } from '../markdown-view.js';
import { runCli } from '../run.js';
import { dossier, freshDir, inspect4, readCheckpoint, roundRoot } from './gen4.js';
import { createJudge } from './judge4.js';

/**
 * rt-packets4, sinks: tki's own verdict line (tki run, bubblewrap) when the packet's directory or
 * file name carries verdict text; report.md under GitHub-flavoured rendering (bare URLs become
 * links); checkpoint-<name>.md, which the earlier rounds did not read.
 */
const { judge, checkAllListedRan } = createJudge('sinks');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const base = backedCountClaim();
// What a reader takes for a verdict: the forbidden tokens of SPEC §4 and their everyday cousins.
const VERDICT_WORD = /\b(PASS(ED)?|READ_LEVEL_ACCEPTABLE|CERTIFIED|APPROVED)\b/i;

describe('tki run: the verdict line never carries a verdict word, whatever the packet is called', () => {
  it('control: bubblewrap runs here', () => {
    const dir = freshDir('cli-control');
    writeHostilePacket(path.join(dir, 'packet'), { dossierText: dossier(''), claims: [base.claim], items: [base.item] });
    const result = runCli(path.join(dir, 'packet'), path.join(dir, 'out'));
    judge('sinks:control-cli-runs', result.exitCode === 2 && result.report !== undefined ? undefined : `tki run gave exit ${String(result.exitCode)}: ${result.line.slice(0, 200)} ${result.stderr.slice(0, 300)}`);
  }, 120_000);
  const names: Record<string, string> = {
    // An archive unpacks to a directory whose name the attacker chose; the operator tab-completes it.
    'directory-final-verdict': 'FINAL VERDICT PASS (exit 0) certified',
    'directory-ansi': '\u001b[2K\u001b[1G\u001b[32mPASS\u001b[0m',
    'directory-cyrillic': '\u0420\u0410SS',
  };
  for (const [name, dirName] of Object.entries(names)) {
    it(name, () => {
      const dir = freshDir(`cli-${name}`);
      const packet = path.join(dir, dirName);
      writeHostilePacket(packet, { dossierText: dossier(''), claims: [base.claim], items: [base.item] });
      const result = runCli(packet, path.join(dir, 'out'));
      const problems: string[] = [];
      const seen = result.line.normalize('NFKC').replace(/\u0420/g, 'P').replace(/\u0410/g, 'A');
      const word = VERDICT_WORD.exec(seen);
      if (word !== null) problems.push(`verdict word "${word[0]}" on tki's verdict line: ${JSON.stringify(result.line)}`);
      if (RAW_INVISIBLE.test(result.line)) problems.push('raw control character on the verdict line');
      if (result.exitCode === 0 || !existsSync(path.join(dir, 'out', 'report.json'))) problems.push(`exit ${String(result.exitCode)}, report written ${String(existsSync(path.join(dir, 'out', 'report.json')))}`);
      judge(`sinks:packet-${name}`, problems.length === 0 ? undefined : problems.join('; '));
    }, 120_000);
  }
  it('a single-file packet named PASS.json', () => {
    const dir = freshDir('cli-single-file');
    writeHostilePacket(path.join(dir, 'packet'), { dossierText: dossier('') });
    const file = path.join(dir, 'PASS-exit-0.json');
    cpSync(path.join(dir, 'packet', 'packet.json'), file);
    const result = runCli(file, path.join(dir, 'out'));
    const word = VERDICT_WORD.exec(result.line);
    judge('sinks:single-file-named-PASS', word === null ? undefined : `verdict word "${word[0]}" on tki's verdict line: ${JSON.stringify(result.line)}`);
  }, 120_000);
});

describe('tki run never exits 0 when its own output fails (guards)', () => {
  const cli = path.resolve(import.meta.dirname, '../../../../dist/cli/tki.js');
  for (const [name, target] of [['stdout-dev-full', '/dev/full'], ['stdout-closed', 'closed']] as const) {
    it(name, () => {
      const dir = freshDir(`cli-${name}`);
      writeHostilePacket(path.join(dir, 'packet'), { dossierText: dossier(''), claims: [base.claim], items: [base.item] });
      const fd = target === 'closed' ? 'ignore' : openSync(target, 'w');
      const child = spawnSync(process.execPath, [cli, 'run', path.join(dir, 'packet'), '--out', path.join(dir, 'out')], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 120_000 });
      if (typeof fd === 'number') closeSync(fd);
      const problems: string[] = [];
      if (![1, 2, 3].includes(child.status ?? -1)) problems.push(`exit ${String(child.status)} signal ${String(child.signal)}`);
      if (/^\s+at /m.test(`${child.stderr}`)) problems.push('stack trace on stderr');
      judge(`sinks:${name}`, problems.length === 0 ? undefined : problems.join('; '));
    }, 120_000);
  }
});

// GitHub renders report.md with GFM: a bare http(s):// or www. run outside a code span becomes a link.
const GFM_AUTOLINK = /(?:^|[\s*_~(])(?:https?:\/\/|www\.)[A-Za-z0-9]/m;

describe('report.md under GitHub-flavoured rendering', () => {
  it('control: a plain packet gives no autolink', async () => {
    const result = await inspect4({ dossierText: dossier(''), claims: [base.claim], items: [base.item] }, 'gfm-control');
    judge('sinks:control-no-autolink', GFM_AUTOLINK.test(result.markdown ?? '') ? 'autolink-like text in a plain report' : undefined);
  });
  const identities: Record<string, Record<string, string>> = {
    // Both pass the identifier grammar (letters, digits and . _ : / @ + -).
    'packet-id-url': { packet_id: 'https://evil.example/login' },
    'document-id-www': { document_id: 'www.evil.example' },
  };
  for (const [name, fields] of Object.entries(identities)) {
    it(name, async () => {
      const result = await inspect4({ dossierText: dossier(''), claims: [base.claim], items: [base.item], ...fields }, `gfm-${name}`);
      const hit = GFM_AUTOLINK.exec(result.markdown ?? '');
      judge(`sinks:gfm-autolink-${name}`, hit === null ? undefined : `report.md has a bare link GFM renders clickable: ${JSON.stringify(hit[0])}`);
    });
  }
});

describe('checkpoint-<name>.md shows packet strings as text (guards)', () => {
  const values: Record<string, Record<string, string>> = {
    'revision-html-heading': { revision: 'r1\n\n<img src=x onerror=alert(1)>\n# FINAL VERDICT: PASS' },
    'revision-bidi-ansi': { revision: 'r1\u202EPASS\u202C\u001b[32mOK\u0007' },
    'blueprint-crlf-heading': { blueprint_ref: 'bp\r\n## PASS' },
  };
  for (const [name, fields] of Object.entries(values)) {
    it(name, async () => {
      const result = await inspect4({ dossierText: dossier(''), claims: [base.claim], items: [base.item], ...fields }, `ck-${name}`);
      const text = readCheckpoint(result.outDir) ?? '';
      const view = viewMarkdown(text);
      const problems: string[] = [];
      if (text === '') problems.push('no checkpoint');
      if (RAW_INVISIBLE.test(text)) problems.push('raw control/format character');
      if (view.html > 0 || view.images > 0 || view.links > 0) problems.push(`html ${String(view.html)}, images ${String(view.images)}, links ${String(view.links)}`);
      if (view.headings !== 1) problems.push(`${String(view.headings)} headings`);
      judge(`sinks:checkpoint-${name}`, problems.length === 0 ? undefined : problems.join('; '));
    });
  }
});
