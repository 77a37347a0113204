import { describe, expect, it } from 'vitest';
import { scanProse, type Claim } from '../../src/index.js';

/**
 * Round 9 (issue 13): the prose scan reads fences, comments and pass subjects the way CommonMark
 * and a reader do. The red-team files judge the attacks end to end; these pin the rules' edges.
 */
const canon = (text: string): Claim => ({ claim_id: 'C1', text, claim_type: 'EXECUTION_RESULT', subject: 'tools/canon.py', evidence_refs: ['run1'] }) as Claim;
const accepted = canon('The selftest of tools/canon.py exited with code 0.');
const backed = (sentence: string): boolean | undefined => scanProse(sentence, [accepted], [accepted]).passAssertions[0]?.backed;
const passLines = (text: string): number[] => scanProse(text, [], []).passAssertions.map((finding) => finding.line);

describe('fences (CommonMark 4.5)', () => {
  it('a backtick fence whose info string holds a backtick is a paragraph; a tilde fence may hold one', () => {
    expect(passLines('``` All tests pass. ```\n')).toEqual([1]);
    // Inside a real fence a pass is still found (code is scanned), but the line after the block is prose again.
    expect(passLines('~~~ a`b\n22/22 PASS\n~~~\nAll tests pass.\n')).toEqual([2, 4]);
  });

  it('a fence closes only on its own character, at least as many of them, and nothing after', () => {
    // Not closed by ~~~, nor by a shorter run, nor by a run followed by text: the whole rest is code.
    const scan = scanProse('````\n~~~\n```\n``` x\nThe backup job ran.\n', [], []);
    expect(scan.unparsedRegions).toEqual([]);
    // Closed by a longer run: the claim cue after it is prose again (an UNPARSED_REGION without a claim).
    expect(scanProse('```\ncode\n`````\nThe backup job ran.\n', [], []).unparsedRegions.map((region) => region.line)).toEqual([4]);
  });
});

describe('HTML comments are cut only where CommonMark reads one', () => {
  it('not in a code span, not after a backslash; a real comment after a code span is still cut', () => {
    expect(passLines('`<!--` All tests pass. `-->`\n')).toEqual([1]);
    expect(passLines('\\<!-- All tests pass. --\\>\n')).toEqual([1]);
    const scan = scanProse('`x` <!-- All tests pass. -->\n', [], []);
    expect(scan.passAssertions).toEqual([]);
    expect(scan.unparsedRegions.map((region) => region.why)).toEqual(['hidden text (an HTML comment) cannot be classified']);
  });
});

describe('a pass is backed through a subject only when it names that artifact in its clause', () => {
  it('the path or a tail of it names the subject; another directory does not', () => {
    expect(backed('tools/canon.py: 22/22 PASS.')).toBe(true);
    expect(backed('canon.py: 22/22 PASS.')).toBe(true);
    expect(backed('./tools/canon.py: 22/22 PASS.')).toBe(true);
    expect(backed('vendor/canon.py: 22/22 PASS.')).toBe(false);
    expect(backed('vendor/tools/canon.py: 22/22 PASS.')).toBe(false);
  });

  it('the clause of the pass phrase, or the one before when the phrase opens its clause', () => {
    expect(backed('For tools/canon.py, 22/22 PASS.')).toBe(true);
    expect(backed('Besides tools/canon.py, the release build: 22/22 PASS.')).toBe(false);
    expect(backed('The release build: 22/22 PASS, like tools/canon.py.')).toBe(false);
  });
});
