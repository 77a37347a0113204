import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packetEnvelope } from '../../bench/inspector-packet.js';
import { claimSchema, dossierSchema, itemSchema, packetEnvelopeSchema } from '../../src/packet/schema.js';
import { reportSchema } from '../../src/report/schema.js';
import { compileValidity, precompiledParser } from '../../src/zod-check.js';
import type { z } from '../../src/zod.js';

/**
 * The compiled checks (src/zod-check.ts) must answer exactly what zod answers: "valid" where zod
 * would throw an issue would let a malformed packet or report through without one. Compared on
 * valid values and on random mutations of them (a key removed, added or given another value).
 */
const HASH = `sha256:${'ab'.repeat(32)}`;
const claim = { claim_id: 'C1', text: 'The file tools/a.py exists.', claim_type: 'ARTIFACT_EXISTS', subject: 'tools/a.py', evidence_refs: ['item-1'] };
const countClaim = { claim_id: 'C2', text: 'n rows', claim_type: 'COUNT_OBSERVATION', evidence_refs: [], count: { value: 3, surface: 'kb', denominator: 10, observation_ts: '2026-11-19T08:00:00Z', match_key: 'k', population: 'p' } };
const item = {
  item_id: 'item-1',
  kind: 'ARTIFACT_LISTING',
  path: 'tools/',
  media_type: 'text/plain',
  content: 'tools/a.py',
  source_metadata: { governed_surface: 'kb', named_query_id_or_kb_path: 'q', observation_ts: '2026-11-19T08:00:00+01:00', source_revision: 'r1', content_hash: HASH },
};
/** The packet skeleton the benches use (bench/inspector-packet.ts), with the fields a header adds. */
const envelope = {
  ...packetEnvelope('PKT-1'),
  allowed_surfaces: ['kb'],
  manifest_hash: HASH,
  dossier: { anything: 1 },
  items: [1, 'x'],
};
const S = { decision_effect: 'NONE', may_gate: false };
const scope = { packet_id: 'PKT-1', packet_as_of: '2026-11-20T12:00:00Z', surfaces_searched: ['kb'], ...S };
const report = {
  report_schema: 'tki-inspector-report/v1',
  packet: { packet_id: 'PKT-1', packet_as_of: null, schema: null, manifest_hash: null, source_mode: null, ...S },
  dossier: { document_id: 'D', blueprint_ref: null, revision: null, item_id: null, ...S },
  final_verdict: 'UNVERIFIED',
  article14_status: 'NOT_APPLICABLE_NO_EXECUTABLE_CLAIMS',
  triage_outcome: 'NO_BLOCKING_FINDING_BUT_UNCERTIFIED',
  flags: [],
  flag_details: [{ flag: 'FLAG_PROSE_ONLY_PASS', detail: 'y', count: 2, not_listed: 1, listed: [{ where: 'x', quote: 'q', ...S }], ...S }],
  claims: [
    {
      claim_id: 'C1',
      claim_type: 'ARTIFACT_EXISTS',
      verdict: 'NO_READ_LEVEL_DEFECT_FOUND',
      authority: 'NON_AUTHORITATIVE',
      flags: [],
      reasons: ['r'],
      scope_of_denial: scope,
      corpus_reports: [{ corpus: 'TAC', item_ids: ['a'], note: 'n', ...S }],
      chain: {
        claim: { claim_id: 'C1', text: 't', subject: null, ...S },
        claim_type: 'ARTIFACT_EXISTS',
        required_evidence_class: ['ARTIFACT_EXISTENCE_EVIDENCE'],
        evidence: [{ item_ids: ['i'], cited: true, evidence_classes: ['LOG'], bound_via: 'listing', ...S }],
        evidence_capability: [{ item_ids: ['i'], right_kind: true, bound_to_subject: false, independent: true, provenanced: true, ...S }],
        dangling_citations: { count: 1, item_ids: ['gone'], ...S },
        adequacy_verdict: { verdict: 'NO_READ_LEVEL_DEFECT_FOUND', authority: 'NON_AUTHORITATIVE', ...S },
        dossier_verdict: { final_verdict: 'UNVERIFIED', article14_status: 'NOT_APPLICABLE_NO_EXECUTABLE_CLAIMS', ...S },
        ...S,
      },
      ...S,
    },
  ],
  evidence_items: [{ item_id: 'i', kind: 'RUN_LOG', path: null, governed_surface: 'kb', provenanced: true, problems: [], ...S }],
  blocked_reasons: [{ code: 'c', path: '', message: 'm', ...S }],
  item_findings: [{ item_id: 'i', usable: false, local_first: false, problems: ['p'], ...S }],
  prose: {
    pass_assertions: [{ backed: false, count: 1, not_listed: 0, listed: [{ line: 1, excerpt: 'e', why: 'w', ...S }], ...S }],
    unparsed_regions: [{ why: 'w', count: 1, not_listed: 0, listed: [{ line: 2, excerpt: 'e', ...S }], ...S }],
    ...S,
  },
  inventory_complete: true,
  items_total: 1,
  items_usable: 0,
  scope_of_denial: scope,
  ...S,
  proves_execution: false,
  proves_global_absence: false,
  production_mutation: false,
  disclaimer: 'd',
};

/** Values a mutation puts in place of another: every JSON type, edge numbers and strings that trip the checks. */
const replacement = fc.oneof(
  fc.constantFrom<unknown>(undefined, null, true, false, 0, -1, 1.5, 2 ** 60, Number.NaN, '', ' ', 'NONE', 'x'.repeat(300), '😀', 'C1', 'kb', HASH, '2026-11-19T08:00:00', [], {}, [''], { a: 1 }),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Every path to a value inside `root` (object keys and array indexes). */
function pathsOf(root: unknown, prefix: readonly (string | number)[] = []): Array<readonly (string | number)[]> {
  const paths: Array<readonly (string | number)[]> = [prefix];
  if (Array.isArray(root)) root.forEach((entry, index) => paths.push(...pathsOf(entry, [...prefix, index])));
  else if (root !== null && typeof root === 'object') for (const [key, entry] of Object.entries(root)) paths.push(...pathsOf(entry, [...prefix, key]));
  return paths;
}

type Mutation = { kind: 'set' | 'delete' | 'add'; path: readonly (string | number)[]; value: unknown; key: string };

function mutate(root: unknown, mutation: Mutation): unknown {
  const copy: unknown = structuredClone(root);
  if (mutation.path.length === 0) return mutation.kind === 'set' ? mutation.value : copy;
  // An earlier mutation replaced the whole value: nothing inside it is left to change.
  if (copy === null || typeof copy !== 'object') return copy;
  let parent = copy as Record<string | number, unknown>;
  for (const key of mutation.path.slice(0, -1)) {
    const next = parent[key];
    // An earlier mutation replaced this branch: this one has nothing left to change.
    if (next === null || typeof next !== 'object') return copy;
    parent = next as Record<string | number, unknown>;
  }
  if (parent === null || typeof parent !== 'object') return copy;
  const last = mutation.path[mutation.path.length - 1] as string | number;
  if (mutation.kind === 'set') parent[last] = mutation.value;
  else if (mutation.kind === 'delete') delete parent[last];
  else if (typeof parent[last] === 'object' && parent[last] !== null && !Array.isArray(parent[last])) (parent[last] as Record<string, unknown>)[mutation.key] = mutation.value;
  return copy;
}

function agreesWithZod(schema: z.ZodType, base: unknown): void {
  const check = compileValidity(schema);
  expect(check, 'the schema compiles').toBeDefined();
  const paths = pathsOf(base);
  const mutation = fc.record({
    kind: fc.constantFrom<'set' | 'delete' | 'add'>('set', 'delete', 'add'),
    path: fc.constantFrom(...paths),
    value: replacement,
    key: fc.constantFrom('extra', '__proto__', 'constructor', 'decision_effect', 'content_file'),
  });
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
      const value = mutations.reduce<unknown>((current, next) => mutate(current, next), base);
      expect(check?.(value)).toBe(schema.safeParse(value).success);
    }),
    { numRuns: 400 },
  );
}

describe('compiled schema checks agree with zod', () => {
  it('accepts the valid values zod accepts', () => {
    for (const [schema, value] of [[claimSchema, claim], [claimSchema, countClaim], [itemSchema, item], [packetEnvelopeSchema, envelope], [reportSchema, report]] as const) {
      expect(schema.safeParse(value).success).toBe(true);
      expect(compileValidity(schema)?.(value)).toBe(true);
    }
    expect(compileValidity(dossierSchema)?.({ document_id: 'D', blueprint_ref: 'b', revision: '1', item_id: 'i', claims: [claim, countClaim] })).toBe(true);
  });

  it('on mutated claims', () => agreesWithZod(claimSchema, countClaim));
  it('on mutated items (including the content / content_file refinement)', () => agreesWithZod(itemSchema, item));
  it('on mutated packet headers', () => agreesWithZod(packetEnvelopeSchema, envelope));
  it('on mutated reports', () => agreesWithZod(reportSchema, report));

  it('returns a valid input itself and hands an invalid one to zod for its issues', () => {
    const parse = precompiledParser(claimSchema);
    const valid = parse(claim);
    expect(valid.success && valid.data).toBe(claim);
    const invalid = parse({ ...claim, claim_id: 'bad id' });
    expect(invalid.success).toBe(false);
    expect(invalid.error?.issues[0]?.path).toEqual(['claim_id']);
  });
});
