import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { backedCountClaim, type HostileSpec } from './red-team/packet-gen.js';
import { dossier, inspect9, roundRoot } from './red-team/round9/gen9.js';

/**
 * Round 13 (issue 13, docs/choices.md 27): an id is packet text, so tki's words name a claim or an
 * item by its place (`claims[0]`, `items[1]`), and report.md shows a claim's id beside its place,
 * quoted. The red team's sinks checks judge items and surfaces; this is the claim's side.
 */
afterAll(() => rmSync(roundRoot(), { recursive: true, force: true }));

const ID = 'READ_LEVEL_ACCEPTABLE:certified';

describe('a claim\'s flag names the claim by its place', () => {
  it('report.json `where` holds no id; report.md shows the id quoted beside the place', async () => {
    const base = backedCountClaim(ID, 'qr-count');
    const count = { ...(base.claim.count as Record<string, unknown>) };
    delete count.denominator;
    const spec: HostileSpec = { dossierText: dossier('Hello.'), claims: [{ ...base.claim, count }], items: [base.item] };
    const result = await inspect9(spec, 'places13-claim');
    const groups = (result.report?.flag_details ?? []) as Array<{ flag: string; listed: Array<{ where: string }> }>;
    const denominator = groups.find((group) => group.flag === 'FLAG_HARDCODED_DENOMINATOR');
    expect(denominator?.listed.map((entry) => entry.where)).toEqual(['claims[0]']);
    expect(result.markdown).toContain(`at claims\\[0\\] (claim \`${ID}\`)`);
  });
});
