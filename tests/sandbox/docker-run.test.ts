import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, PROJECT_ROOT, removeScratchDirs, runTki, scratchDir, type CliRun } from './helpers/cli.js';
import { DOCKER_CLIS, requireDocker } from './helpers/docker.js';
import { requireEngine } from './helpers/engines.js';

/**
 * `tki run --engine docker` on every fixture packet gives what bwrap gives: the same exit code,
 * the same verdict line and report paths (each run's own --out), nothing on stderr beyond what
 * bwrap prints, and byte-identical report files. The fixtures alternate between the docker CLIs
 * found here, so both client/daemon pairs carry real inspections.
 */
const FIXTURES = join(PROJECT_ROOT, 'fixtures', 'packets');

/** A fixture is a packet directory (packet.json) or a directory holding one single-file .json packet. */
function packetOf(fixture: string): string {
  const dir = join(FIXTURES, fixture);
  const names = readdirSync(dir);
  if (names.includes('packet.json')) return dir;
  const single = names.filter((name) => name.endsWith('.json') && name !== 'expected.json');
  if (single.length !== 1) throw new Error(`fixture ${fixture}: expected packet.json or one single-file .json packet, found ${names.join(', ')}`);
  return join(dir, single[0] ?? '');
}

function reportFiles(out: string): Record<string, string> {
  return Object.fromEntries(listFiles(out).map((name) => [name, readFileSync(join(out, name), 'utf8')]));
}

function comparable(run: CliRun, out: string): { status: number | null; stdout: string; stderr: string } {
  // The out directory's last name (bwrap/docker) is the one difference; a fixture whose name holds a
  // verdict-like word is shown escaped on the terminal, so the name is replaced where it ends a path.
  const engineDir = `/${out.split('/').pop() ?? ''}/`;
  return { status: run.status, stdout: run.stdout.split(out).join('<out>').split(engineDir).join('/<engine>/'), stderr: run.stderr };
}

const fixtures = readdirSync(FIXTURES).filter((name) => statSync(join(FIXTURES, name)).isDirectory()).sort();

beforeAll(() => {
  requireEngine('bwrap');
  for (const cli of DOCKER_CLIS) requireDocker(cli);
});
afterAll(removeScratchDirs);

describe('tki run --engine docker gives the same reports as bwrap', () => {
  it('covers the fixture packets', () => {
    expect(fixtures.length).toBeGreaterThan(20);
  });
  fixtures.forEach((fixture, index) => {
    const cli = DOCKER_CLIS[index % DOCKER_CLIS.length] ?? 'docker';
    it(`${fixture} (${cli})`, () => {
      const packet = packetOf(fixture);
      const dir = scratchDir(`docker-run-${fixture}`);
      const bwrapOut = join(dir, 'bwrap');
      const dockerOut = join(dir, 'docker');
      const bwrap = runTki(['run', packet, '--out', bwrapOut, '--engine', 'bwrap']);
      const docker = runTki(['run', packet, '--out', dockerOut, '--engine', 'docker'], { TKI_DOCKER: cli });
      expect([1, 2, 3]).toContain(bwrap.status);
      expect(comparable(docker, dockerOut)).toEqual(comparable(bwrap, bwrapOut));
      expect(reportFiles(dockerOut)).toEqual(reportFiles(bwrapOut));
      expect(listFiles(bwrapOut).length).toBe(3);
    }, 180_000);
  });
});
