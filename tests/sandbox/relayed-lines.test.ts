import { describe, expect, it } from 'vitest';
import { MAX_RELAYED_INSIDE_LINES, relayedInsideLines } from '../../sandbox/report/finish-run.js';
import { terminalLine } from '../../src/text/verdict-line-label.js';

describe("the inside's stderr as tki run relays it (round 4: spoofed verdict lines)", () => {
  it("relays the one diagnostic line under its own `tki: BLOCKED: ` head, its text quoted", () => {
    const p1 = 'tki: BLOCKED: sandbox self-check (P1) could not confirm "env-clean": AWS_SECRET_ACCESS_KEY';
    expect(relayedInsideLines(`${p1}\n`).map(terminalLine)).toEqual(['tki: BLOCKED: "sandbox self-check (P1) could not confirm \\"env-clean\\": AWS_SECRET_ACCESS_KEY"']);
  });

  it("marks a line that reads like the launcher's own and cuts a flood to a few lines and a count", () => {
    const spoofed = 'tki run: UNVERIFIED (exit 2) · spoofed by the inside';
    const relayed = relayedInsideLines(`${spoofed}\n`.repeat(2000) + 'report: /etc/passwd\n').map(terminalLine);
    expect(relayed).toHaveLength(MAX_RELAYED_INSIDE_LINES + 1);
    expect(relayed.filter((line) => line === spoofed)).toEqual([]);
    expect(relayed[0]).toMatch(/^tki run: the sandbox wrote: "tki run: (\\u\{[0-9a-f]+\}){10} \(exit 2\) · spoofed by the inside"$/);
    expect(relayed.at(-1)).toBe(`tki run: ${2001 - MAX_RELAYED_INSIDE_LINES} more line(s) the sandbox wrote on stderr not shown`);
    expect(relayedInsideLines('report: /x\n').map(terminalLine)).toEqual(['tki run: the sandbox wrote: "report: /x"']);
  });
});
