import { openAsBlob } from 'node:fs';

const PT_INTERP = 3;

/** Bytes `[start, start + length)` of a file, read lazily (node is ~100 MB; only headers are needed). */
async function readRange(file: Blob, start: number, length: number): Promise<Buffer> {
  return Buffer.from(await file.slice(start, start + length).arrayBuffer());
}

/**
 * The ELF program interpreter (`/lib64/ld-linux-x86-64.so.2`) a binary names in its PT_INTERP
 * header: the sandbox must offer it at exactly that path or the kernel cannot start node.
 * Reads the 64-bit little-endian layout only (the profile is x86_64-only); undefined otherwise.
 */
export async function elfInterpreter(binaryPath: string): Promise<string | undefined> {
  const file = await openAsBlob(binaryPath);
  const header = await readRange(file, 0, 64);
  const isElf64LittleEndian = header.length === 64 && header.readUInt32BE(0) === 0x7f454c46 && header[4] === 2 && header[5] === 1;
  if (!isElf64LittleEndian) return undefined;
  const tableOffset = Number(header.readBigUInt64LE(0x20));
  const entrySize = header.readUInt16LE(0x36);
  const entryCount = header.readUInt16LE(0x38);
  const table = await readRange(file, tableOffset, entrySize * entryCount);
  for (let index = 0; index < entryCount; index += 1) {
    const entry = index * entrySize;
    if (table.readUInt32LE(entry) !== PT_INTERP) continue;
    const offset = Number(table.readBigUInt64LE(entry + 0x08));
    const size = Number(table.readBigUInt64LE(entry + 0x20));
    return (await readRange(file, offset, size)).toString('latin1').replace(/\0.*$/s, '');
  }
  return undefined;
}
