import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { backedCountClaim, buildHostilePacket, SURFACES, type HostileSpec, type JsonObject } from '../packet-gen.js';
import { dossier, freshDir, roundRoot, summary9, type Run9 } from '../round9/gen9.js';
import { runCli, runInProcess } from '../run.js';
import { STACK_TRACE } from './cli-gen.js';
import { createJudge20 } from './judge20.js';

/**
 * rt-packets20, packet.json as text (SPEC §1 strict JSON, docs/inspector.md's limits table): a key
 * repeated under another spelling (`\u0063laims` is `claims` to JSON.parse, which keeps the last), so a
 * reader of packet.json sees one value and tki judges another; the nesting-depth scan before
 * JSON.parse fed strings that hold brackets and a string ending in an escaped backslash; and the
 * limits checked right after JSON.parse at their defaults, at and one byte over, in multi-byte
 * characters. A refusal is BLOCKED, exit 3, its reason naming the limit in report.json and report.md,
 * never a stack trace. In process (the benchmark's entry) and, for the repeated keys and the depth,
 * through `tki run` too. Keys are `json:`.
 */
const { judge, checkAllListedRan } = createJudge20('json');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const base = backedCountClaim();
/** A claim with a finding (an execution claim with only a count result behind it). */
const EXEC_CLAIM: JsonObject = { claim_id: 'C9', text: 'The selftest ran 22/22 and exited 0.', claim_type: 'EXECUTION_RESULT', subject: 'tools/t.py', evidence_refs: ['qr-count'] };

/** The packet's JSON text, edited by `edit`, written as a packet directory. */
function writeEdited(label: string, spec: HostileSpec, edit: (text: string) => string): string {
  const { packet, files } = buildHostilePacket(spec);
  const dir = path.join(freshDir(label), 'packet');
  mkdirSync(dir, { recursive: true });
  const text = edit(JSON.stringify(packet));
  writeFileSync(path.join(dir, 'packet.json'), text);
  for (const [relative, content] of files) {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), content);
  }
  return dir;
}

async function inProcess(label: string, spec: HostileSpec, edit: (text: string) => string = (text) => text): Promise<Run9> {
  const packetDir = writeEdited(label, spec, edit);
  const outDir = path.join(path.dirname(packetDir), 'out');
  return { ...(await runInProcess(packetDir, outDir)), outDir, packetDir };
}

function underCli(label: string, spec: HostileSpec, edit: (text: string) => string): Run9 {
  const packetDir = writeEdited(label, spec, edit);
  const outDir = path.join(path.dirname(packetDir), 'out');
  return { ...runCli(packetDir, outDir), outDir, packetDir };
}

const reasons = (result: Run9): string => JSON.stringify(result.report?.blocked_reasons ?? []);

/** Problems of a run that must be refused with `code` named. */
function refusedFor(result: Run9, code: string): string | undefined {
  const problems: string[] = [];
  if (result.exitCode !== 3) problems.push(`exit ${String(result.exitCode)}`);
  if (STACK_TRACE.test(`${result.line}\n${result.stderr}`)) problems.push('a stack trace');
  if (!reasons(result).includes(code)) problems.push(`reasons ${reasons(result).slice(0, 240)}`);
  else if (!(result.markdown ?? '').includes(code.replace(/_/g, '\\_')) && !(result.markdown ?? '').includes(code)) problems.push('report.md does not name it');
  return problems.length === 0 ? undefined : `${problems.join('; ')} (${summary9(result)})`;
}

/** Problems of a run that must be judged (no limits/ or duplicate reason). */
function judged(result: Run9): string | undefined {
  if (result.report === undefined) return `no report (${summary9(result)})`;
  if (/limits\/|duplicate_key/.test(reasons(result))) return `refused: ${reasons(result).slice(0, 200)}`;
  if (STACK_TRACE.test(`${result.line}\n${result.stderr}`)) return 'a stack trace';
  return undefined;
}

const CLAIMS_SPEC: HostileSpec = { dossierText: dossier('Hello.'), claims: [base.claim, EXEC_CLAIM], items: [base.item] };

/** Edits that repeat a key under an escaped spelling JSON.parse reads as the same key. */
const REPEATS: Record<string, (text: string) => string> = {
  'claims-escaped-repeat-before': (text) => text.replace('"claims":[', '"cl\\u0061ims":[],"claims":['),
  'claims-repeat-escaped-after': (text) => text.replace(/("claims":\[)/, '"\\u0063laims":[],$1').replace(/"\\u0063laims":\[\],("claims":\[[^]*?\}\])/, '$1,"\\u0063laims":[]'),
  'may-gate-repeated-escaped': (text) => text.replace('"may_gate":false', '"may_gate":true,"may\\u005fgate":false'),
  'decision-effect-repeated-escaped': (text) => text.replace('"decision_effect":"NONE"', '"decision_effect":"APPROVE","decision\\u005feffect":"NONE"'),
  'claim-text-repeated-escaped': (text) => text.replace('"text":"The selftest ran', '"text":"All tests pass, exit 0.","t\\u0065xt":"The selftest ran'),
  'claim-type-repeated-escaped': (text) => text.replace('"claim_type":"EXECUTION_RESULT"', '"claim_type":"EXECUTION_RESULT","claim\\u005Ftype":"CONTENT_STATES"'),
  'evidence-refs-repeated-escaped-upper-hex': (text) => text.replace('"evidence_refs":["qr-count"]}]', '"evidence_refs":["gone-1"],"\\u0065vidence_refs":["qr-count"]}]'),
  'rolsuper-repeated-escaped': (text) => text.replace('"rolsuper":false', '"rolsuper":true,"rol\\u0073uper":false'),
  'repeat-by-escaped-solidus-free-key': (text) => text.replace('"may_gate":false', '"may_gate":true,"\\u006d\\u0061\\u0079\\u005f\\u0067\\u0061\\u0074\\u0065":false'),
};

describe('a key repeated under an escaped spelling (JSON.parse keeps the last)', () => {
  it('control: the same key repeated as written', async () => {
    judge('json:control-repeated-key-as-written', refusedFor(await inProcess('j20-dup-plain', CLAIMS_SPEC, (text) => text.replace('"may_gate":false', '"may_gate":true,"may_gate":false')), 'packet/duplicate_key'));
  });
  for (const [key, edit] of Object.entries(REPEATS)) {
    it(key, async () => {
      const result = await inProcess(`j20-${key}`, CLAIMS_SPEC, edit);
      judge(`json:${key}`, refusedFor(result, 'packet/duplicate_key'));
    });
  }
  it('under tki run: claims emptied by an escaped repeat', () => {
    judge('json:cli-claims-repeat-escaped-after', refusedFor(underCli('j20-cli-dup', CLAIMS_SPEC, REPEATS['claims-repeat-escaped-after']!), 'packet/duplicate_key'));
  }, 180_000);
  it('under tki run: may_gate repeated escaped', () => {
    judge('json:cli-may-gate-repeated-escaped', refusedFor(underCli('j20-cli-gate', CLAIMS_SPEC, REPEATS['may-gate-repeated-escaped']!), 'packet/duplicate_key'));
  }, 180_000);
});

/** JSON nested `depth` arrays deep. */
const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('the depth scan before JSON.parse', () => {
  it('brackets inside strings are no nesting', async () => {
    const text = `Brackets ${'[{'.repeat(100)} in a claim.`;
    judge('json:brackets-inside-strings-are-judged', judged(await inProcess('j20-str-brackets', { ...CLAIMS_SPEC, claims: [{ ...base.claim, text }] })));
  });
  it('an escaped quote and brackets inside strings', async () => {
    const text = `A \\" ${'['.repeat(80)} \\\\" ${'{'.repeat(80)}`;
    judge('json:escaped-quote-and-brackets-inside-strings-are-judged', judged(await inProcess('j20-str-escq', { ...CLAIMS_SPEC, claims: [{ ...base.claim, text }] })));
  });
  it('real nesting after a string ending in an escaped backslash', async () => {
    const spec: HostileSpec = { ...CLAIMS_SPEC, claims: [{ ...base.claim, text: 'ends in a backslash \\' }] };
    const result = await inProcess('j20-bs-deep', spec, (text) => text.replace('"evidence_refs":["qr-count"]', `"evidence_refs":["qr-count"],"x":${nested(2000)}`));
    judge('json:deep-nesting-after-a-string-ending-in-a-backslash', refusedFor(result, 'limits/max_json_depth'));
  });
  it('real nesting after a string ending in a quote escape and a backslash pair', async () => {
    const spec: HostileSpec = { ...CLAIMS_SPEC, claims: [{ ...base.claim, text: 'quote \\" then pair \\\\' }] };
    const result = await inProcess('j20-bs2-deep', spec, (text) => text.replace('"evidence_refs":["qr-count"]', `"evidence_refs":["qr-count"],"x":${nested(2000)}`));
    judge('json:deep-nesting-after-escaped-quote-and-backslash-pair', refusedFor(result, 'limits/max_json_depth'));
  });
  it('200,000 levels of objects', async () => {
    const result = await inProcess('j20-deep-objects', CLAIMS_SPEC, (text) => text.replace('"may_gate":false', `"may_gate":false,"x":${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}`));
    judge('json:two-hundred-thousand-levels-of-objects', refusedFor(result, 'limits/max_json_depth'));
  });
  it('nesting deep inside a key\'s escaped spelling context (a key holding brackets)', async () => {
    const result = await inProcess('j20-key-brackets', CLAIMS_SPEC, (text) => text.replace('"may_gate":false', `"may_gate":false,"[[[[\\"":${nested(100)}`));
    judge('json:deep-nesting-after-a-key-holding-brackets-and-a-quote', refusedFor(result, 'limits/max_json_depth'));
  });
  it('under tki run: deep nesting after a string ending in a backslash', () => {
    const spec: HostileSpec = { ...CLAIMS_SPEC, claims: [{ ...base.claim, text: 'ends in a backslash \\' }] };
    judge('json:cli-deep-nesting-after-a-backslash', refusedFor(underCli('j20-cli-deep', spec, (text) => text.replace('"evidence_refs":["qr-count"]', `"evidence_refs":["qr-count"],"x":${nested(100_000)}`)), 'limits/max_json_depth'));
  }, 180_000);
});

describe('limits checked right after JSON.parse, at their defaults, in bytes', () => {
  const textOf = (bytes: number, character: string): string => {
    const width = Buffer.byteLength(character);
    const count = Math.floor(bytes / width);
    return `${character.repeat(count)}${'a'.repeat(bytes - count * width)}`;
  };
  const claimWith = (field: 'text' | 'subject', value: string): HostileSpec => ({ ...CLAIMS_SPEC, claims: [{ ...base.claim, [field]: value }] });
  for (const [name, character] of [['ascii', 'a'], ['two-byte', '\u00E9'], ['three-byte', '\u4E00'], ['four-byte', '\u{1F600}']] as const) {
    it(`a claim text of 4,096 bytes in ${name} characters is judged`, async () => {
      judge(`json:claim-text-at-limit-${name}`, judged(await inProcess(`j20-ct-at-${name}`, claimWith('text', textOf(4096, character)))));
    });
    it(`a claim text of 4,097 bytes in ${name} characters is refused`, async () => {
      judge(`json:claim-text-over-limit-${name}`, refusedFor(await inProcess(`j20-ct-over-${name}`, claimWith('text', textOf(4097, character))), 'limits/max_claim_text_bytes'));
    });
    it(`a claim subject of 4,097 bytes in ${name} characters is refused`, async () => {
      judge(`json:claim-subject-over-limit-${name}`, refusedFor(await inProcess(`j20-cs-over-${name}`, claimWith('subject', textOf(4097, character))), 'limits/max_claim_text_bytes'));
    });
  }
  const pathSpec = (itemPath: string): HostileSpec => ({ ...CLAIMS_SPEC, items: [{ ...base.item, path: itemPath }] });
  it('an item path of 4,096 bytes in 2-byte characters is judged', async () => {
    judge('json:item-path-at-limit-two-byte', judged(await inProcess('j20-ip-at', pathSpec(textOf(4096, '\u00E9')))));
  });
  it('an item path of 4,097 bytes (2-byte characters and one ASCII) is refused', async () => {
    judge('json:item-path-over-limit-two-byte', refusedFor(await inProcess('j20-ip-over', pathSpec(textOf(4097, '\u00E9'))), 'limits/max_item_path_bytes'));
  });
  it('an item path of 4,097 bytes in 4-byte characters and one ASCII is refused', async () => {
    judge('json:item-path-over-limit-four-byte', refusedFor(await inProcess('j20-ip-over4', pathSpec(textOf(4097, '\u{1F600}'))), 'limits/max_item_path_bytes'));
  });
  const surfaces = (total: number): string[] => {
    const fixed = SURFACES.reduce((sum, name) => sum + name.length, 0);
    const rest = total - fixed;
    const names: string[] = [];
    for (let left = rest, index = 0; left > 0; index += 1) {
      const length = Math.min(256, left);
      names.push(`s${String(index)}${'x'.repeat(length - 1 - String(index).length)}`);
      left -= length;
    }
    return [...SURFACES, ...names];
  };
  it('allowed surfaces of 1,024 bytes together are judged', async () => {
    judge('json:allowed-surfaces-bytes-at-limit', judged(await inProcess('j20-sb-at', { ...CLAIMS_SPEC, allowed_surfaces: surfaces(1024) })));
  });
  it('allowed surfaces of 1,025 bytes together are refused', async () => {
    judge('json:allowed-surfaces-bytes-over-limit', refusedFor(await inProcess('j20-sb-over', { ...CLAIMS_SPEC, allowed_surfaces: surfaces(1025) }), 'limits/max_allowed_surfaces_bytes'));
  });
  it('under tki run: a claim text of 4,097 bytes in 3-byte characters', () => {
    const packetDir = writeEdited('j20-cli-ct', claimWith('text', textOf(4097, '\u4E00')), (text) => text);
    const outDir = path.join(path.dirname(packetDir), 'out');
    judge('json:cli-claim-text-over-limit-three-byte', refusedFor({ ...runCli(packetDir, outDir), outDir, packetDir }, 'limits/max_claim_text_bytes'));
  }, 180_000);
  it('under tki run: allowed surfaces of 1,025 bytes', () => {
    const packetDir = writeEdited('j20-cli-sb', { ...CLAIMS_SPEC, allowed_surfaces: surfaces(1025) }, (text) => text);
    const outDir = path.join(path.dirname(packetDir), 'out');
    judge('json:cli-allowed-surfaces-bytes-over-limit', refusedFor({ ...runCli(packetDir, outDir), outDir, packetDir }, 'limits/max_allowed_surfaces_bytes'));
  }, 180_000);
});
