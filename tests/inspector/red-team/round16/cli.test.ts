import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { RAW_INVISIBLE } from '../markdown-view.js';
import { backedCountClaim, type JsonObject } from '../packet-gen.js';
import { dossier, roundRoot, summary9, tkiRun9, unlikeFlaggedPass, type Run9 } from '../round9/gen9.js';
import { createJudge16 } from './judge16.js';

/**
 * rt-packets16 through `tki run` as an operator types it (bubblewrap): a control run first (the
 * sandbox must run here, or the suite fails loudly), one route of each class this round found in
 * process and one that held; then what the launcher makes of hostile text after the sandbox: claim
 * texts with U+2028, lone surrogates and terminal escape sequences among 1,001 claims (report.json
 * is checked and spliced a claim at a time by the launcher, choices 41), and free-text identity
 * (`revision`, `blueprint_ref`) holding an OSC 8 hyperlink and a clear-screen sequence. Every run
 * must end with the three files, a non-zero exit, no stack trace, nothing raw on the terminal.
 */
const { judge, checkAllListedRan } = createJudge16('cli');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const REVERSED = 'pass&#x200F; tests&#x200F; All';
/** A V8/Node stack frame or an internal error dump on the terminal. */
const STACK_TRACE = /\n\s+at .+:\d+:\d+|node:internal|Error: .*\n\s+at /;
const distinctFormatting = (count: number): string => Array.from({ length: count }, (_, index) => `<i title="${String(index)}">`).join('');

describe('tki run (bubblewrap): look-alikes', () => {
  it('control: the ASCII twin is READ_LEVEL_FAIL with FLAG_PROSE_ONLY_PASS', () => {
    judge('cli:control-twin', unlikeFlaggedPass(tkiRun9({ dossierText: dossier('All tests pass.') }, 'cli16-twin')));
  }, 120_000);
  for (const [name, text] of [
    ['formatting-list-65-distinct-entries', `<p><b dir="rtl">${distinctFormatting(64)}</p>${REVERSED}.`],
    ['html-table-dir-rtl-column-order', '<table dir="rtl"><tr><td>pass.</td><td>tests</td><td>All</td></tr></table>'],
    ['html-img-alt-shown', 'a <img src="missing.png" alt="All tests pass."> b'],
    ['style-upper-case-swallows-span-end', `a <span dir="rtl"><STYLE></SPAN></STYLE>${REVERSED}</span>.`],
  ] as const) {
    it(name, () => {
      judge(`cli:${name}`, unlikeFlaggedPass(tkiRun9({ dossierText: dossier(text) }, `cli16-${name}`)));
    }, 120_000);
  }
});

/** What the terminal and the three files show wrongly after a run through the launcher. */
function launcherProblems(result: Run9): string[] {
  const problems: string[] = [];
  const terminal = `${result.line}\n${result.stderr}`;
  if (![1, 2, 3].includes(result.exitCode ?? -1)) problems.push(`exit ${String(result.exitCode)}`);
  if (STACK_TRACE.test(terminal)) problems.push(`a stack trace: ${JSON.stringify(terminal.slice(0, 200))}`);
  const raw = RAW_INVISIBLE.exec(terminal);
  if (raw !== null) problems.push(`the terminal shows a raw U+${raw[0].codePointAt(0)!.toString(16)}`);
  const files = readdirSync(result.outDir).sort();
  if (files.length !== 3) problems.push(`--out holds ${files.join(', ')}`);
  for (const file of files) {
    const text = readFileSync(path.join(result.outDir, file), 'utf8');
    if (file === 'report.json') {
      if (text !== `${JSON.stringify(JSON.parse(text))}\n`) problems.push('report.json is not canonical');
      continue;
    }
    const rawInFile = RAW_INVISIBLE.exec(text);
    if (rawInFile !== null) problems.push(`${file} holds a raw U+${rawInFile[0].codePointAt(0)!.toString(16)}`);
    if (text.includes('\uFFFD')) problems.push(`${file} holds U+FFFD (a surrogate lost in encoding)`);
  }
  return problems;
}

describe('tki run: hostile text after the sandbox', () => {
  it('1,001 claims whose texts break lines, JSON and terminals', () => {
    const base = backedCountClaim();
    const hostile = ['A\u2028B\u2029C.', 'A\uD800B\uDC00.', 'A\u001B[2J\u001B]8;;https://x\u0007link\u001B]8;;\u0007.', '"],"claims":[],"z":["', 'A\u202Eevil.'];
    const claims: JsonObject[] = Array.from({ length: 1001 }, (_, index) => (index % 200 === 3 ? { ...base.claim, claim_id: `R${String(index)}`, claim_type: 'CONTENT_STATES', text: hostile[(index / 200) | 0]! } : { ...base.claim, claim_id: `R${String(index)}` }));
    const result = tkiRun9({ dossierText: dossier('Hello.'), claims, items: [base.item] }, 'cli16-hostile-claims');
    const problems = launcherProblems(result);
    const texts = ((result.report?.claims as JsonObject[] | undefined) ?? []).filter((claim) => Number(String(claim.claim_id).slice(1)) % 200 === 3).map((claim) => (claim.chain as { claim: { text: string } }).claim.text);
    if (JSON.stringify(texts) !== JSON.stringify(hostile)) problems.push(`report.json's texts are ${JSON.stringify(texts).slice(0, 200)}`);
    judge('cli:hostile-claim-texts-among-1001', problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
  }, 300_000);
  it('revision and blueprint_ref with terminal escapes and separators', () => {
    const result = tkiRun9({ dossierText: dossier('Hello.'), revision: '1\u001B]8;;https://evil.example\u0007click\u001B]8;;\u0007\u2028READ_LEVEL_ACCEPTABLE', blueprint_ref: 'BP\u001B[2J\u001B[H\u0085PASS' }, 'cli16-identity-escapes');
    const problems = launcherProblems(result);
    if (/READ_LEVEL_ACCEPTABLE|PASS/.test(`${result.line}\n${result.stderr}`)) problems.push(`the terminal carries the packet's words: ${JSON.stringify(result.line.slice(0, 200))}`);
    judge('cli:identity-with-terminal-escapes', problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
  }, 120_000);
});
