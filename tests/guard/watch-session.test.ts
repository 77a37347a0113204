import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runGuard, type GuardRequest, type GuardRun } from '../../guard/index.js';
import { createWatchSession } from '../../guard/watch/session.js';
import { findingKeys, repoRoot } from './helpers.js';

/**
 * The --watch session patches the kept graph for a saved source file and steps aside for the
 * plain warm run wherever a patch could differ from a fresh walk. Either way, each report must
 * equal what a plain run over the same tree reports: that is the property checked after every step.
 */
const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function project(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'tki-watch-session-'));
  directories.push(directory);
  cpSync(path.join(repoRoot, 'fixtures/evasions/cross-module/laundering-barrel'), directory, { recursive: true });
  return directory;
}

async function plain(request: GuardRequest): Promise<string[]> {
  const run = await runGuard({ ...request, cache: false });
  if (!run.ok) throw new Error(JSON.stringify(run.error));
  return findingKeys(run.value);
}

function value(outcome: Awaited<ReturnType<ReturnType<typeof createWatchSession>['run']>>): GuardRun {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.value;
}

describe('the --watch session', () => {
  it('patches a saved source file, falls back where a patch could differ, and always reports what a plain run reports', async () => {
    const directory = project();
    const request: GuardRequest = { input: { kind: 'paths', paths: ['.'] }, cwd: directory, depcruise: false };
    const session = createWatchSession(request, null);
    const file = (name: string): string => path.join(directory, name);
    const step = async (saved: string[], mode: string): Promise<GuardRun> => {
      const run = value(await session.run(saved.map(file)));
      expect(session.lastMode()).toBe(mode);
      expect(findingKeys(run)).toEqual(await plain(request));
      return run;
    };

    const first = await step([], 'full');
    expect(findingKeys(first).some((key) => key.startsWith('entry.ts') && key.includes('NETWORK'))).toBe(true);

    // An edit inside the graph: patched; the capability stops flowing to entry.ts.
    writeFileSync(file('lib/sockets.ts'), 'export const openSocket = (port: number): number => port;\n');
    const patched = await step(['lib/sockets.ts'], 'patched');
    expect(patched.result.stats.parsed).toBe(1);
    expect(findingKeys(patched)).toEqual([]);

    // A new import of a new file: a module the graph does not hold, so the plain warm run.
    writeFileSync(file('lib/net.ts'), "import { connect } from 'node:net';\nexport const dial = (port: number): unknown => connect(port);\n");
    writeFileSync(file('lib/sockets.ts'), "export { dial as openSocket } from './net.js';\n");
    const rebuilt = await step(['lib/net.ts', 'lib/sockets.ts'], 'full');
    expect(findingKeys(rebuilt).some((key) => key.startsWith('entry.ts') && key.includes('NETWORK'))).toBe(true);

    // A saved entry that does not parse is the plain run's error; the next good save patches again.
    writeFileSync(file('entry.ts'), 'export const = ;\n');
    expect(await session.run([file('entry.ts')])).toMatchObject({ ok: false, error: { code: 'source/unparsable' } });
    writeFileSync(file('entry.ts'), "import { openSocket } from './lib/index.js';\n\nexport const connect = (): unknown => openSocket(8081);\n");
    await step(['entry.ts'], 'patched');

    // A policy is configuration: the plain warm run, under the new policy.
    writeFileSync(file('tki.policy.json'), JSON.stringify({ grants: [{ files: ['**'], capabilities: ['NETWORK'], reason: 'this test grants everything' }] }));
    expect(findingKeys(await step(['tki.policy.json'], 'full'))).toEqual([]);
  }, 120_000);

  it('re-judges only, on a save of the baseline', async () => {
    const directory = project();
    const session = createWatchSession({ input: { kind: 'paths', paths: ['.'] }, cwd: directory, depcruise: false }, null);
    value(await session.run([]));
    writeFileSync(path.join(directory, 'tki-baseline.json'), '{ "version": 1, "findings": {} }\n');
    value(await session.run([path.join(directory, 'tki-baseline.json')]));
    expect(session.lastMode()).toBe('verdict');
  }, 60_000);
});
