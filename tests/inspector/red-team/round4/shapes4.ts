import type { HostileItem, HostileSpec, JsonObject } from '../packet-gen.js';
import { backedCountClaim } from '../packet-gen.js';

/**
 * Round-4 cost shapes (issue 13): each stays within the documented limits (docs/inspector.md,
 * "Limits") and aims at work or report bytes that grow faster than the packet. `n` scales them, so
 * the tests run small and measure4.ts runs large.
 */
export type Shape4Name = keyof typeof SHAPES4;

const HEAD = '# DOS-RT-ROUND4-COST\n\n';

function logItem(index: number, subject: string): HostileItem {
  return { item_id: `log-${String(index)}`, kind: 'RUN_LOG', path: `runs/${String(index)}.log`, media_type: 'text/plain', surface: 'pg:dot_tools', content: `${subject} exit code: 0\n` };
}

/** `claims` EXECUTION_RESULT claims on one subject that `logs` uncited run logs all name. */
export function sharedSubject(claims: number, logs: number): HostileSpec {
  const subject = 'a.py';
  const items = Array.from({ length: logs }, (_, index) => logItem(index, subject));
  const claimList: JsonObject[] = Array.from({ length: claims }, (_, index) => ({ claim_id: `C${String(index)}`, text: `a.py exited 0 (${String(index)}).`, claim_type: 'EXECUTION_RESULT', subject, evidence_refs: ['log-0'] }));
  return { dossierText: HEAD, claims: claimList, items };
}

/** 64 allowed surfaces of 256 characters (the maxima), `claims` claims: each scope of denial repeats them. */
export function wideSurfaces(claims: number): HostileSpec {
  const { claim, item } = backedCountClaim();
  const surfaces = ['kb', 'pg:kb_stats', ...Array.from({ length: 62 }, (_, index) => `pg:${String(index).padStart(2, '0')}${'s'.repeat(250)}`)];
  const claimList: JsonObject[] = Array.from({ length: claims }, (_, index) => ({ ...claim, claim_id: `R${String(index)}` }));
  return { dossierText: HEAD, allowed_surfaces: surfaces, claims: claimList, items: [item] };
}

/** One item with a long path (free text, not an identifier) that every claim binds. */
export function longItemPath(claims: number, pathChars = 64 * 1024): HostileSpec {
  const subject = `${'d/'.repeat(Math.floor(pathChars / 2))}a.py`;
  const listing: HostileItem = { item_id: 'listing', kind: 'ARTIFACT_LISTING', path: subject, media_type: 'text/plain', surface: 'pg:dot_tools', content: `${subject} sha256:${'c'.repeat(64)}\n` };
  const claimList: JsonObject[] = Array.from({ length: claims }, (_, index) => ({ claim_id: `X${String(index)}`, text: 'a.py exists.', claim_type: 'ARTIFACT_EXISTS', subject: 'a.py', evidence_refs: ['listing'] }));
  return { dossierText: HEAD, claims: claimList, items: [listing] };
}

/** `claims` claims, each citing 256 distinct absent item ids of 128 characters (dangling). */
export function danglingFlood(claims: number): HostileSpec {
  const { claim, item } = backedCountClaim();
  const claimList: JsonObject[] = Array.from({ length: claims }, (_, c) => ({ ...claim, claim_id: `R${String(c)}`, evidence_refs: Array.from({ length: 256 }, (_, r) => `g${String(c)}-${String(r)}-`.padEnd(128, 'x')) }));
  return { dossierText: HEAD, claims: claimList, items: [item] };
}

/** `lines` dossier lines of 9,990 characters (under the 10,000 line cap) of one repeated unit. */
export function hostileLines(lines: number, unit: string, lineChars = 9_990): HostileSpec {
  const line = unit.repeat(Math.floor(lineChars / unit.length));
  return { dossierText: `${HEAD}${Array.from({ length: lines }, () => line).join('\n')}\n` };
}

/** One claim whose text is `chars` characters of one repeated unit (claim texts have no line cap). */
export function hostileClaimText(chars: number, unit: string, claimType = 'EXECUTION_RESULT'): HostileSpec {
  const text = unit.repeat(Math.max(1, Math.floor(chars / unit.length)));
  const item: HostileItem = logItem(0, 'a.py');
  return { dossierText: HEAD, claims: [{ claim_id: 'T1', text, claim_type: claimType, subject: 'a.py', evidence_refs: ['log-0'] }], items: [item] };
}

export const REGEX_UNITS = {
  digits: '1',
  'digit-slash': '1/',
  'slash-digits': '/1',
  'exit-words': 'exit ',
  'exit-code': 'exit code ',
  'pass-words': 'pass ',
  'all-tests': 'all tests ',
  'of-digits': '1 of ',
  'not-words': 'not ',
  'does-not': 'does not ',
  'spaces-tabs': ' \t',
  dots: '.',
  'ol-letters': 'ol',
  'zero-width': '\u200B',
  sha: 'sha256:',
  colon: ':',
} as const;

export const SHAPES4 = {
  'shared-subject': (n: number): HostileSpec => sharedSubject(n, 400),
  'wide-surfaces': (n: number): HostileSpec => wideSurfaces(n),
  'long-item-path': (n: number): HostileSpec => longItemPath(n),
  'dangling-flood': (n: number): HostileSpec => danglingFlood(n),
  /** The same bytes of digits as lines-digits, in lines a quarter as long: separates per-line from per-byte cost. */
  'short-lines-digits': (n: number): HostileSpec => hostileLines(n, '1', 2_497),
  ...Object.fromEntries(Object.entries(REGEX_UNITS).map(([name, unit]) => [`lines-${name}`, (n: number): HostileSpec => hostileLines(n, unit)])),
  ...Object.fromEntries(Object.entries(REGEX_UNITS).map(([name, unit]) => [`claim-${name}`, (n: number): HostileSpec => hostileClaimText(n, unit)])),
} as Record<string, (n: number) => HostileSpec>;
