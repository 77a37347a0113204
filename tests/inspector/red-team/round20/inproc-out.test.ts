import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { writeHostilePacket } from '../packet-gen.js';
import { dossier, freshDir, roundRoot } from '../round9/gen9.js';
import { runInProcess } from '../run.js';
import { snapshot, writeSingleFilePacket } from './cli-gen.js';
import { createJudge20 } from './judge20.js';

/**
 * rt-packets20, SPEC §5's output-directory rules at the pipeline's unsandboxed entry the benchmark
 * uses (`inspectToDirectory`, docs/benchmarks.md): the output directory must not be the packet
 * directory or lie inside it, must not hold a single-file packet, and must be empty or exactly a
 * previous run's three files. Each shape must end in exit 3 with the watched directory as it was.
 * Keys are `inproc:`.
 */
const { judge, checkAllListedRan } = createJudge20('inproc');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const CLEAN = dossier('Hello.');

async function refusedInProcess(key: string, packetPath: string, outDir: string, watched: string): Promise<void> {
  const before = snapshot(watched);
  let problem: string | undefined;
  try {
    const result = await runInProcess(packetPath, outDir);
    const problems: string[] = [];
    if (result.exitCode !== 3) problems.push(`exit ${String(result.exitCode)}`);
    if (snapshot(watched) !== before) problems.push(`${path.basename(watched)} changed: ${snapshot(watched).slice(0, 200)}`);
    problem = problems.length === 0 ? undefined : `${problems.join('; ')}: ${result.line.slice(0, 160)}`;
  } catch (error) {
    problem = `threw: ${String(error).slice(0, 200)}`;
  }
  judge(`inproc:${key}`, problem);
}

describe('the output directory against the packet, in process', () => {
  it('the output directory is the packet directory', async () => {
    const packet = path.join(freshDir('ip20-same'), 'packet');
    writeHostilePacket(packet, { dossierText: CLEAN });
    await refusedInProcess('out-is-the-packet-directory', packet, packet, packet);
  });
  it('the output directory inside the packet', async () => {
    const packet = path.join(freshDir('ip20-inside'), 'packet');
    writeHostilePacket(packet, { dossierText: CLEAN });
    await refusedInProcess('out-inside-the-packet', packet, path.join(packet, 'out'), packet);
  });
  it('the output directory a link into the packet', async () => {
    const base = freshDir('ip20-link');
    const packet = path.join(base, 'packet');
    writeHostilePacket(packet, { dossierText: CLEAN });
    symlinkSync(packet, path.join(base, 'out'));
    await refusedInProcess('out-a-link-to-the-packet', packet, path.join(base, 'out'), packet);
  });
  for (const name of ['report.json', 'report.md', 'checkpoint-inspection.md', 'evidence.json']) {
    it(`a single-file packet named ${name} in the output directory`, async () => {
      const out = path.join(freshDir(`ip20-single-${name}`), 'out');
      mkdirSync(out);
      for (const other of ['report.json', 'report.md', 'checkpoint-inspection.md'].filter((entry) => entry !== name && name !== 'evidence.json')) writeFileSync(path.join(out, other), 'x');
      writeSingleFilePacket(path.join(out, name), { dossierText: CLEAN });
      await refusedInProcess(`single-file-packet-in-out-as-${name.replace(/\./g, '-')}`, path.join(out, name), out, out);
    });
  }
  it('an occupied output directory', async () => {
    const base = freshDir('ip20-occupied');
    const packet = path.join(base, 'packet');
    writeHostilePacket(packet, { dossierText: CLEAN });
    const out = path.join(base, 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'notes.txt'), 'the operator\'s notes');
    await refusedInProcess('occupied-out', packet, out, out);
  });
});
