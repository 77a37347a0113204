import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { backedCountClaim, type JsonObject } from '../packet-gen.js';
import { dossier, inspect9, roundRoot, summary9, unquotedText } from '../round9/gen9.js';
import { createJudge12 } from './judge12.js';
import { afterMayGate, inspectEdited } from './raw-packet.js';

/**
 * rt-packets12, packet property names in report.json and report.md after round 11's fix (which
 * moved an unknown claim key into the reason's `quote`). A property name reaches the reports by two
 * more roads: a REPEATED key (the single JSON scan before `JSON.parse` names it as the reason's
 * `path` and inside tki's message) and an unknown key inside an item or its `source_metadata` (the
 * item's `problems` line in report.json's `evidence_items` and in report.md). Correct: the name is
 * quoted (a code span in report.md, a quote field in report.json), never tki's words. Guards: the
 * scan sees a repeated key however it is escaped, and counts no bracket inside a string.
 */
const { judge, checkAllListedRan } = createJudge12('sinks');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const KEY = 'tki verdict READ_LEVEL_ACCEPTABLE (PASS) certified';
const VERDICT_WORDS = /READ_LEVEL_ACCEPTABLE|certified/;
const spec = { dossierText: dossier('Hello.') };

/** tki's own words in report.json: reasons' messages and items' problem lines (no quote field). */
function tkiWordsInJson(report: Record<string, unknown> | undefined): string {
  const reasons = ((report?.blocked_reasons as JsonObject[] | undefined) ?? []).map((reason) => String(reason.message));
  const problems = ((report?.evidence_items as JsonObject[] | undefined) ?? []).flatMap((item) => (item.problems as string[] | undefined) ?? []);
  return [...reasons, ...problems].join('\n');
}

describe('a property name is quoted, never tki\'s words', () => {
  const cases: Record<string, (json: string) => string> = {
    'repeated-key': afterMayGate(`"${KEY}":1,"${KEY}":2`),
    'repeated-key-with-blank-lines': afterMayGate(`"x\\n\\n# ${KEY}\\n\\n":1,"x\\n\\n# ${KEY}\\n\\n":2`),
    'unknown-key-in-item': (json) => json.replace('"kind":"QUERY_RESULT"', `"kind":"QUERY_RESULT","${KEY}":1`),
    'unknown-key-in-source-metadata': (json) => json.replace('"source_revision"', `"${KEY}":1,"source_revision"`),
    // Guards (hold today): quoted as round 11 made them.
    'unknown-key-top-level': afterMayGate(`"${KEY}":1`),
    'unknown-key-in-role-attributes': (json) => json.replace('"rolsuper":false', `"rolsuper":false,"${KEY}":false`),
    'unknown-key-in-dossier': (json) => json.replace('"blueprint_ref"', `"${KEY}":1,"blueprint_ref"`),
  };
  for (const [name, edit] of Object.entries(cases)) {
    it(name, async () => {
      const result = await inspectEdited(spec, edit, name);
      const problems: string[] = [];
      if (result.markdown === undefined || result.report === undefined) problems.push(`no reports: ${summary9(result)}`);
      const line = unquotedText(result.markdown ?? '').split('\n').find((candidate) => VERDICT_WORDS.test(candidate));
      if (line !== undefined) problems.push(`report.md says, outside any code span: ${JSON.stringify(line.slice(0, 160))}`);
      const words = tkiWordsInJson(result.report).split('\n').find((candidate) => VERDICT_WORDS.test(candidate));
      if (words !== undefined) problems.push(`report.json, tki's words: ${JSON.stringify(words.slice(0, 160))}`);
      judge(`sinks:${name}`, problems.length === 0 ? undefined : problems.join('; '));
    });
  }
});

describe('the JSON scan before JSON.parse (guards, hold today)', () => {
  const refusedAs: Record<string, [(json: string) => string, string | undefined]> = {
    // JSON.parse reads `\u0061` as `a`: the same key, so a reader keeping the first sees another packet.
    'repeated-key-escaped-letter': [afterMayGate('"may_g\\u0061te":false'), 'packet/duplicate_key'],
    'repeated-key-escaped-underscore': [afterMayGate('"may\\u005fgate":false'), 'packet/duplicate_key'],
    'repeated-claims-escaped': [(json) => json.replace('"claims":', '"cl\\u0061ims":[],"claims":'), 'packet/duplicate_key'],
    'repeated-proto-key': [afterMayGate('"__proto__":1,"__proto__":2'), 'packet/duplicate_key'],
    'depth-65-refused': [afterMayGate(`"$schema":${'['.repeat(70)}${']'.repeat(70)}`), 'limits/max_json_depth'],
    // An escaped backslash then a quote ends the string: the brackets after it are inside another string.
    'brackets-inside-a-string-after-escapes': [afterMayGate(`"$schema":"a\\\\\\"${'['.repeat(100)}"`), undefined],
  };
  for (const [name, [edit, code]] of Object.entries(refusedAs)) {
    it(name, async () => {
      const result = await inspectEdited(spec, edit, name);
      const codes = ((result.report?.blocked_reasons as JsonObject[] | undefined) ?? []).map((reason) => String(reason.code));
      const held = code === undefined ? codes.length === 0 && result.exitCode === 2 : codes.includes(code) && result.exitCode === 3;
      judge(`sinks:json-scan-${name}`, held ? undefined : `${summary9(result)} reasons [${codes.join(', ')}], expected ${code ?? 'none (exit 2)'}`);
    });
  }
});

describe('a citation of something that is not an item is dangling in both reports', () => {
  // A claim id, the packet id and the document id are packet names, but no item.
  for (const ref of ['R1', 'PKT-RT-HOSTILE', 'DOS-RT-HOSTILE']) {
    it(ref, async () => {
      const base = backedCountClaim();
      const claim: JsonObject = { ...base.claim, evidence_refs: ['qr-count', ref] };
      const result = await inspect9({ dossierText: dossier('Hello.'), claims: [claim], items: [base.item] }, `cites-${ref}`);
      const problems: string[] = [];
      if (!JSON.stringify(result.report ?? {}).includes('citation/not_in_packet')) problems.push('report.json has no citation/not_in_packet');
      // The id is packet text: quoted (a code span) after tki's words, never part of them (round 12b).
      const named = (result.markdown ?? '').replaceAll('\\', '').includes(`that name no item in this packet (listed in dangling_citations): \`${ref}\``);
      if (!named) problems.push(`report.md names no dangling citation of ${ref}`);
      judge(`sinks:cites-non-item-${ref}`, problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`);
    });
  }
});
