import { closeSync, openSync, readSync } from 'node:fs';

const PT_INTERP = 3;

/**
 * The ELF program interpreter (`/lib64/ld-linux-x86-64.so.2`) a binary names in its PT_INTERP
 * header: the sandbox must offer it at exactly that path or the kernel cannot start node.
 * Reads the 64-bit little-endian layout only (the profile is x86_64-only); undefined otherwise.
 */
export function elfInterpreter(binaryPath: string): string | undefined {
  const fd = openSync(binaryPath, 'r');
  try {
    const header = Buffer.alloc(64);
    readSync(fd, header, 0, 64, 0);
    const isElf64LittleEndian = header.readUInt32BE(0) === 0x7f454c46 && header[4] === 2 && header[5] === 1;
    if (!isElf64LittleEndian) return undefined;
    const tableOffset = Number(header.readBigUInt64LE(0x20));
    const entrySize = header.readUInt16LE(0x36);
    const entryCount = header.readUInt16LE(0x38);
    const table = Buffer.alloc(entrySize * entryCount);
    readSync(fd, table, 0, table.length, tableOffset);
    for (let index = 0; index < entryCount; index += 1) {
      const entry = index * entrySize;
      if (table.readUInt32LE(entry) !== PT_INTERP) continue;
      const offset = Number(table.readBigUInt64LE(entry + 0x08));
      const size = Number(table.readBigUInt64LE(entry + 0x20));
      const text = Buffer.alloc(size);
      readSync(fd, text, 0, size, offset);
      return text.toString('latin1').replace(/\0.*$/s, '');
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}
