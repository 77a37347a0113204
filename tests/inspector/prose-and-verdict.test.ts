import { describe, expect, it } from 'vitest';
import { authorityHits, decideDossier, parseInspectArgs, scanProse, type Claim, type DossierFacts } from '../../src/index.js';

const claim = (claim_id: string, text: string, claim_type: Claim['claim_type'] = 'EXECUTION_RESULT', subject?: string): Claim => ({
  claim_id,
  text,
  claim_type,
  evidence_refs: [],
  ...(subject === undefined ? {} : { subject }),
});

describe('prose scan (SPEC §3)', () => {
  it('finds pass/run assertions in their usual spellings', () => {
    const text = ['Result: 22/22 PASS.', 'The tool exited with code 0.', 'All tests pass.', 'The selftest passed.', 'It ran successfully.', 'exit 0'].join('\n');
    const scan = scanProse(text, [], []);
    expect(scan.passAssertions.map((finding) => finding.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(scan.passAssertions.every((finding) => !finding.backed)).toBe(true);
  });

  it('an assertion is backed only by an accepted claim that says the same thing', () => {
    const accepted = claim('C2', 'The selftest exited 0.');
    expect(scanProse('The selftest exited 0.', [accepted], [accepted]).passAssertions[0]?.backed).toBe(true);
    expect(scanProse('Result: 22/22 PASS.', [accepted], [accepted]).passAssertions[0]?.backed).toBe(false);
  });

  it('ordinary prose is neither an assertion nor unparsed', () => {
    const scan = scanProse('# Title\n\nThis review summarises coverage.\nNumbers are dated observations.\n', [], []);
    expect(scan).toEqual({ passAssertions: [], unparsedRegions: [], globalDenials: [], authorityAssertions: [] });
  });

  it('claim-like statements without a structured claim, hidden comments and undecodable text are UNPARSED_REGIONs', () => {
    const scan = scanProse('The backup job ran nightly.\n<!-- approved by ops -->\nbroken \uFFFD text\nThe tool tools/a.py exists.\n', [claim('C1', 'x', 'ARTIFACT_EXISTS', 'tools/a.py')], []);
    expect(scan.unparsedRegions.map((region) => region.line)).toEqual([1, 2, 3]);
  });

  it('pass assertions inside code blocks still count; claim cues there do not', () => {
    const scan = scanProse('```\n$ ./selftest\n22/22 PASS\nrun exists\n```\n', [], []);
    expect(scan.passAssertions.map((finding) => finding.line)).toEqual([3]);
    expect(scan.unparsedRegions).toEqual([]);
  });
});

describe('authority assertions (row 20)', () => {
  it('flags gating fields and authority prose, but not the inspector-style disclaimers', () => {
    expect(authorityHits('{"may_gate": true}', false)).toHaveLength(1);
    expect(authorityHits('decision_effect: APPROVE', false)).toHaveLength(1);
    expect(authorityHits('This report is the authoritative gate.', false).length).toBeGreaterThan(0);
    expect(authorityHits('This approves the release.', false)).toHaveLength(1);
    expect(authorityHits('decision_effect: NONE, may_gate: false; non-gating evidence.', false)).toEqual([]);
    expect(authorityHits('The steward approves the release.', true)).toEqual([]);
  });
});

describe('dossier verdict precedence (SPEC §4)', () => {
  const base: DossierFacts = { blockedReasonCount: 0, claimVerdicts: [], hasExecutionClaims: false, flags: [], inventoryComplete: true };

  it('BLOCKED > READ_LEVEL_FAIL > UNVERIFIED', () => {
    expect(decideDossier({ ...base, claimVerdicts: ['INSUFFICIENT_EVIDENCE_FOR_CLAIM', 'BLOCKED_BY_UNVERIFIED_SOURCE'] }).final_verdict).toBe('BLOCKED');
    expect(decideDossier({ ...base, claimVerdicts: ['BLOCKED_BY_UNSAFE_ACCESS'] }).final_verdict).toBe('BLOCKED');
    expect(decideDossier({ ...base, blockedReasonCount: 1 }).final_verdict).toBe('BLOCKED');
    expect(decideDossier({ ...base, claimVerdicts: ['EVIDENCE_CONFLICTING', 'NO_READ_LEVEL_DEFECT_FOUND'] }).final_verdict).toBe('READ_LEVEL_FAIL');
    expect(decideDossier({ ...base, flags: ['FLAG_PROSE_ONLY_PASS'] }).final_verdict).toBe('READ_LEVEL_FAIL');
    expect(decideDossier({ ...base, claimVerdicts: ['NO_READ_LEVEL_DEFECT_FOUND'] }).final_verdict).toBe('UNVERIFIED');
  });

  it('BLOCKED_BY_NO_CALL_CONTRACT does not block by itself, but it is not flawless either', () => {
    const decision = decideDossier({ ...base, claimVerdicts: ['BLOCKED_BY_NO_CALL_CONTRACT'] });
    expect(decision.final_verdict).toBe('UNVERIFIED');
    expect(decision.triage_outcome).toBe('BLOCKING_FINDINGS');
  });

  it('only a flawless dossier gets NO_BLOCKING_FINDING_BUT_UNCERTIFIED', () => {
    expect(decideDossier({ ...base, claimVerdicts: ['NO_READ_LEVEL_DEFECT_FOUND'] }).triage_outcome).toBe('NO_BLOCKING_FINDING_BUT_UNCERTIFIED');
    expect(decideDossier({ ...base, inventoryComplete: false }).triage_outcome).toBe('BLOCKING_FINDINGS');
    expect(decideDossier({ ...base, flags: ['FLAG_GLOBAL_DENIAL_WORDING'] })).toMatchObject({ final_verdict: 'UNVERIFIED', triage_outcome: 'BLOCKING_FINDINGS' });
  });

  it('article14_status: execution claims (or unknown claims) are never proven', () => {
    expect(decideDossier({ ...base, hasExecutionClaims: true, claimVerdicts: ['NO_READ_LEVEL_DEFECT_FOUND'] }).article14_status).toBe('NOT_PROVEN_EXECUTION_UNVERIFIED');
    expect(decideDossier({ ...base, hasExecutionClaims: undefined }).article14_status).toBe('NOT_PROVEN_EXECUTION_UNVERIFIED');
    expect(decideDossier(base).article14_status).toBe('NOT_APPLICABLE_NO_EXECUTABLE_CLAIMS');
  });
});

describe('tki inspect arguments', () => {
  it('parses --in, --report-fd and --name', () => {
    expect(parseInspectArgs(['--in', '/in', '--report-fd', '1', '--name', 'fix7'])).toEqual({ ok: true, options: { packetPath: '/in', reportFd: 1, name: 'fix7' } });
    expect(parseInspectArgs(['--in=/in'])).toEqual({ ok: true, options: { packetPath: '/in', reportFd: 3 } });
  });

  it('every usage error is one escaped line', () => {
    for (const argv of [[], ['--report-fd', '3'], ['--in', '/in', '--out', '/out'], ['--in', '/in', 'extra'], ['--bogus'], ['--in', '/in', '--name'], ['--in', ''], ['--in', '/in', '--report-fd', '2'], ['--in', '/in', '--report-fd', 'x'], ['--in\u001b[2J', 'x']]) {
      const parsed = parseInspectArgs(argv);
      expect(parsed.ok, JSON.stringify(argv)).toBe(false);
      if (!parsed.ok) {
        expect(parsed.line).toMatch(/^tki inspect: /);
        expect(parsed.line).not.toMatch(/[\n\u001b]/);
      }
    }
  });
});
