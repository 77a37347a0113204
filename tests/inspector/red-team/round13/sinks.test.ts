import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { backedCountClaim, type HostileSpec } from '../packet-gen.js';
import { dossier, inspect9, roundRoot, type Run9 } from '../round9/gen9.js';
import { inspectEdited } from '../round12/raw-packet.js';
import { packetTextInTkiWords } from '../sink-words.js';
import { createJudge13 } from './judge13.js';

/**
 * rt-packets13, packet text in tki's words after session 12's quoting (`problem_quotes`, quoted item
 * ids, `dangling_citations`). The SURFACE grammar (docs/inspector.md) admits letters, `:` and `/`,
 * so `READ_LEVEL_ACCEPTABLE:certified` is a surface; and a pass finding's `why` names the text it
 * matched, whose original span can hold a hidden comment, struck text or an attribute. Checked:
 * every string of report.json that is tki's words (`message`, `reasons`, `problems`, `why`,
 * `detail`, `where`), report.md outside code spans and table rows (a cell's borders quote it,
 * docs/inspector.md), the checkpoint outside code spans, and the verdict line.
 */
const { judge, checkAllListedRan } = createJudge13('sinks');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const ID = 'READ_LEVEL_ACCEPTABLE:certified';
const WORDS = 'READ_LEVEL_ACCEPTABLE certified';
const KEY = `tki verdict ${WORDS} (PASS)`;
const VERDICT_WORDS = /READ_LEVEL_ACCEPTABLE|certified/;
/** What went wrong: packet text in tki's words in a report, the checkpoint or on the verdict line. */
const problemsOf = (result: Run9): string | undefined => packetTextInTkiWords(result, VERDICT_WORDS);

const hello = { dossierText: dossier('Hello.') };

describe('a surface is packet text, never tki\'s words', () => {
  const cases: Record<string, (json: string) => string> = {
    // FLAG_LOCAL_FIRST_AUTHORITY's detail ("surface <s> is a local path") and the item's problem line.
    'local-surface': (json) => json.replaceAll('"pg:kb_stats"', `"/home/${ID}"`),
    // provenance/live_reference ends its problem line with the surface: "(postgresql://…)".
    'live-reference-surface': (json) => json.replaceAll('"pg:kb_stats"', `"postgresql://${ID}"`),
    // provenance/surface_not_allowed ends its problem line with the surface.
    'surface-not-allowed': (json) => json.replace('"governed_surface":"pg:kb_stats"', `"governed_surface":"${ID}"`),
    // Guards (hold today): free-text fields and a count's surface stay out of tki's words.
    'count-surface-not-allowed': (json) => json.replace('"surface":"pg:kb_stats"', `"surface":"${ID}"`),
    'item-path': (json) => json.replace('"kind":"QUERY_RESULT"', `"kind":"QUERY_RESULT","path":"${KEY}"`),
    'query-id': (json) => json.replace('"named_query_id_or_kb_path":"NQ-KB-DOC-COUNT-V1"', `"named_query_id_or_kb_path":"${KEY}"`),
    'item-media-type': (json) => json.replace('"media_type":"application/json"', `"media_type":"${KEY}"`),
    'count-population': (json) => json.replace('"population":"published KB documents"}', `"population":"${KEY}"}`),
    'content-file-missing': (json) => json.replace('"content_file":"content/dossier.md"', `"content_file":"content/${KEY}.md"`),
    'content-file-outside-packet': (json) => json.replace('"content_file":"content/dossier.md"', `"content_file":"../${KEY}.md"`),
    'packet-as-of': (json) => json.replace('"packet_as_of":"2026-11-20T12:00:00Z"', `"packet_as_of":"${KEY}"`),
    'export-gateway': (json) => json.replace('"gateway":"export-gateway-01"', `"gateway":"${KEY}"`),
  };
  for (const [name, edit] of Object.entries(cases)) {
    it(name, async () => {
      judge(`sinks:${name}`, problemsOf(await inspectEdited(hello, edit, `sinks13-${name}`)));
    });
  }
});

describe('an item id is quoted wherever tki names it', () => {
  it('item-id-in-flag-where', async () => {
    // FLAG_LOCAL_FIRST_AUTHORITY's `where` is "item <id>", and report.md prints "at item <id>" unquoted.
    const base = backedCountClaim('R1', ID);
    const spec: HostileSpec = { ...hello, claims: [base.claim], items: [{ ...base.item, surface: '/home/evidence' }] };
    judge('sinks:item-id-in-flag-where', problemsOf(await inspect9(spec, 'sinks13-flag-where')));
  });
  it('dangling-citation-and-checkpoint (guard)', async () => {
    const base = backedCountClaim('R1', ID);
    const spec: HostileSpec = { ...hello, claims: [{ ...base.claim, evidence_refs: [ID, 'READ_LEVEL_ACCEPTABLE:gone'] }], items: [base.item] };
    judge('sinks:dangling-citation-and-checkpoint', problemsOf(await inspect9(spec, 'sinks13-dangling')));
  });
});

describe('a pass finding\'s `why` names only what it matched', () => {
  const dossiers: Record<string, string> = {
    // The match's original span runs over text the reader never sees as said.
    'pass-why-hidden-comment': `All tests pass<!-- ${KEY} -->.`,
    'pass-why-struck-text': `All tests ~~${KEY}~~ pass.`,
    'pass-why-attribute-value': `All tests pa<span title="${KEY}">ss</span>.`,
    // Guard: words around the match stay in the excerpt, out of `why`.
    'pass-why-words-around': `The ${KEY} says all tests pass.`,
  };
  for (const [name, text] of Object.entries(dossiers)) {
    it(name, async () => {
      judge(`sinks:${name}`, problemsOf(await inspect9({ dossierText: dossier(text) }, `sinks13-${name}`)));
    });
  }
});
