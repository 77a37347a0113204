import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { Report } from '../../src/index.js';
import type { BuiltPacket } from './fixture-packets/kit.js';

/** A temp directory per test file, removed afterwards. */
export function scratchDir(label: string): () => string {
  const root = mkdtempSync(path.join(tmpdir(), `tki-${label}-`));
  let counter = 0;
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return () => {
    counter += 1;
    const directory = path.join(root, String(counter));
    mkdirSync(directory, { recursive: true });
    return directory;
  };
}

/** Write a built packet into `directory/packet` and return that packet directory. */
export function writePacket(directory: string, built: BuiltPacket): string {
  const packetDir = path.join(directory, 'packet');
  mkdirSync(packetDir, { recursive: true });
  writeFileSync(path.join(packetDir, 'packet.json'), JSON.stringify(built.packet, null, 2));
  for (const [relative, content] of built.files) {
    mkdirSync(path.dirname(path.join(packetDir, relative)), { recursive: true });
    writeFileSync(path.join(packetDir, relative), content);
  }
  return packetDir;
}

export function readReport(outDir: string): Report {
  return JSON.parse(readFileSync(path.join(outDir, 'report.json'), 'utf8')) as Report;
}
