/**
 * A classic-BPF interpreter for the subset seccomp programs use (LD W ABS, JA, JEQ/JGE/JSET K,
 * RET K), independent of the assembler, so a test can run the compiled program on any
 * `seccomp_data` and compare the answer with the profile.
 */
export interface SeccompData {
  readonly nr: number;
  readonly arch: number;
  readonly args?: readonly number[];
}

function dataWord(data: SeccompData, offset: number): number {
  if (offset === 0) return data.nr >>> 0;
  if (offset === 4) return data.arch >>> 0;
  if (offset >= 16 && offset < 64 && offset % 8 === 0) return (data.args?.[(offset - 16) / 8] ?? 0) >>> 0;
  throw new Error(`unexpected load offset ${offset}`);
}

export function runSeccompProgram(program: Buffer, data: SeccompData): number {
  if (program.length % 8 !== 0) throw new Error('program is not whole 8-byte records');
  let accumulator = 0;
  let pc = 0;
  for (let steps = 0; steps < 4096; steps += 1) {
    if (pc * 8 >= program.length) throw new Error('fell off the end of the program');
    const code = program.readUInt16LE(pc * 8);
    const jt = program.readUInt8(pc * 8 + 2);
    const jf = program.readUInt8(pc * 8 + 3);
    const k = program.readUInt32LE(pc * 8 + 4);
    switch (code) {
      case 0x20:
        accumulator = dataWord(data, k);
        pc += 1;
        break;
      case 0x05:
        pc += 1 + k;
        break;
      case 0x15:
        pc += 1 + (accumulator === k ? jt : jf);
        break;
      case 0x35:
        pc += 1 + (accumulator >= k ? jt : jf);
        break;
      case 0x45:
        pc += 1 + ((accumulator & k) !== 0 ? jt : jf);
        break;
      case 0x06:
        return k;
      default:
        throw new Error(`unknown BPF opcode 0x${code.toString(16)} at ${pc}`);
    }
  }
  throw new Error('program did not return');
}
