import { writeSync } from 'node:fs';
import { CHANNEL_MAGIC } from '../../src/io/report-frame.js';
import { DEFAULT_LIMITS } from '../../src/pipeline/limits.js';

/** What a hostile inside does to reach past a ceiling; the launcher records how the run ended (PR-MEM-1, PR-FSIZE-1, PR-TIME-1). */
export const CEILING_ATTACKS = ['heap', 'buffers', 'stdout', 'channel', 'spin'] as const;
export type CeilingAttack = (typeof CEILING_ATTACKS)[number];

export function isCeilingAttack(name: string): name is CeilingAttack {
  return (CEILING_ATTACKS as readonly string[]).includes(name);
}

const MIB = 1024 * 1024;

function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** Never returns normally: each attack runs until a ceiling stops the process (or the launcher stops the run). */
export function runCeilingAttack(attack: CeilingAttack, reportFd: number): void {
  if (attack === 'heap') {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array<number>(1_000_000).fill(hoard.length));
  }
  if (attack === 'buffers') {
    // Outside V8's heap: only the data-segment limit holds these. Progress goes to stderr.
    const hoard: Buffer[] = [];
    for (;;) {
      try {
        hoard.push(Buffer.allocUnsafeSlow(64 * MIB));
      } catch (error) {
        process.stderr.write(`refused at ${(hoard.length + 1) * 64} MiB: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(3);
      }
      process.stderr.write(`allocated ${hoard.length * 64} MiB\n`);
    }
  }
  if (attack === 'stdout') {
    const chunk = Buffer.alloc(MIB, 0x41);
    for (;;) writeAll(1, chunk);
  }
  if (attack === 'channel') {
    // A frame that claims one byte more than the whole report may hold, then the bytes.
    const header = Buffer.from(JSON.stringify({ kind: 'file', name: 'report.json', size: DEFAULT_LIMITS.maxReportBytes + 1 }), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length, 0);
    writeAll(reportFd, Buffer.concat([CHANNEL_MAGIC, length, header]));
    const chunk = Buffer.alloc(MIB, 0x20);
    for (;;) writeAll(reportFd, chunk);
  }
  for (;;) {
    // spin: CPU time and the wall clock
  }
}
