/**
 * A tiny classic-BPF assembler: instructions with symbolic jump targets, resolved to the
 * kernel's 8-byte `struct sock_filter` records (u16 code, u8 jt, u8 jf, u32 k; little-endian).
 */
export const BPF = {
  LD_W_ABS: 0x20,
  JA: 0x05,
  JEQ_K: 0x15,
  JGE_K: 0x35,
  JSET_K: 0x45,
  RET_K: 0x06,
} as const;

export type Instruction =
  | { readonly op: 'load'; readonly offset: number }
  | { readonly op: 'jeq' | 'jge' | 'jset'; readonly k: number; readonly then: string; readonly else?: string }
  /** Unconditional forward jump (32-bit offset): lets each group of checks keep its return within 255 instructions. */
  | { readonly op: 'ja'; readonly to: string }
  | { readonly op: 'ret'; readonly k: number }
  | { readonly op: 'label'; readonly name: string };

const JUMP_CODES = { jeq: BPF.JEQ_K, jge: BPF.JGE_K, jset: BPF.JSET_K } as const;

/** Record size of one `struct sock_filter`. */
export const INSTRUCTION_BYTES = 8;

/** A fall-through (`else` omitted) continues with the next instruction. */
export function assemble(program: readonly Instruction[]): Buffer {
  const labels = new Map<string, number>();
  const real: Exclude<Instruction, { op: 'label' }>[] = [];
  for (const instruction of program) {
    if (instruction.op === 'label') {
      if (labels.has(instruction.name)) throw new Error(`duplicate BPF label ${instruction.name}`);
      labels.set(instruction.name, real.length);
    } else real.push(instruction);
  }
  const out = Buffer.alloc(real.length * INSTRUCTION_BYTES);
  real.forEach((instruction, index) => {
    const at = index * INSTRUCTION_BYTES;
    let code: number;
    let jt = 0;
    let jf = 0;
    let k: number;
    if (instruction.op === 'load') {
      code = BPF.LD_W_ABS;
      k = instruction.offset;
    } else if (instruction.op === 'ja') {
      code = BPF.JA;
      const target = labels.get(instruction.to);
      if (target === undefined || target <= index) throw new Error(`BPF ja to ${instruction.to} is not a forward label`);
      k = target - index - 1;
    } else if (instruction.op === 'ret') {
      code = BPF.RET_K;
      k = instruction.k;
    } else {
      code = JUMP_CODES[instruction.op];
      k = instruction.k;
      jt = relativeJump(labels, instruction.then, index);
      jf = instruction.else === undefined ? 0 : relativeJump(labels, instruction.else, index);
    }
    out.writeUInt16LE(code, at);
    out.writeUInt8(jt, at + 2);
    out.writeUInt8(jf, at + 3);
    out.writeUInt32LE(k >>> 0, at + 4);
  });
  return out;
}

function relativeJump(labels: ReadonlyMap<string, number>, label: string, from: number): number {
  const target = labels.get(label);
  if (target === undefined) throw new Error(`unknown BPF label ${label}`);
  const distance = target - from - 1;
  if (distance < 0 || distance > 255) throw new Error(`BPF jump to ${label} out of range (${distance})`);
  return distance;
}
