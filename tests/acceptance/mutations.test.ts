import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../sandbox/index.js';
import type { RowOutcome } from './binding.js';
import { CHECKS, runCheck, type Condition } from './checks/index.js';
import { createContext, type AcceptanceContext } from './context.js';
import { copyInspectorProject, runGuardCli } from './resources/guard.js';
import { attestWithProfile, withoutSeccompRule } from './resources/mutant-attestation.js';
import { probeWriter, writerAcceptingDotDot } from './resources/writer.js';

/**
 * Break something on purpose and show the matching row fails — so a check that always passes
 * would be caught. Each mutation has a control that goes through the same harness unmutated:
 * the condition the mutation targets must hold there and fail under the mutation.
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');
let base: AcceptanceContext;

const copies: string[] = [];

beforeAll(() => {
  base = createContext({ repoRoot, outRoot: path.join(repoRoot, 'out/acceptance-mutations') });
});
afterAll(() => {
  for (const copy of copies) rmSync(copy, { recursive: true, force: true });
});

/** A copy of the inspector project, removed after the file's tests. */
function projectCopy(options: Parameters<typeof copyInspectorProject>[1] = {}): string {
  const copy = copyInspectorProject(repoRoot, options);
  copies.push(copy);
  return copy;
}

async function check(row: number, ctx: AcceptanceContext): Promise<RowOutcome> {
  const bound = CHECKS.get(row);
  if (bound === undefined) throw new Error(`row ${row} has no check`);
  return runCheck(bound, ctx);
}

const conditionsOf = (outcome: RowOutcome): Condition[] => outcome.evidence.conditions as Condition[];
const matching = (outcome: RowOutcome, pattern: RegExp): Condition[] => conditionsOf(outcome).filter((entry) => pattern.test(entry.statement));

function memo<T>(compute: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= compute());
}

describe('mutation (a): a seccomp rule removed from a copy of the profile', () => {
  it('control: the same probe harness with the unmutated profile keeps PR-SOCK-1 at EPERM', async () => {
    const ctx = { ...base, attestation: memo(() => attestWithProfile(base.log, repoRoot, 'control-default-profile', DEFAULT_PROFILE)) };
    const outcome = await check(27, ctx);
    const socket = matching(outcome, /^PR-SOCK-1: /);
    expect(socket).toHaveLength(1);
    expect(socket[0]?.holds, JSON.stringify(socket)).toBe(true);
  });

  it('without `socket` on the deny list, row 27 (network egress) FAILS on PR-SOCK-1', async () => {
    const mutated = withoutSeccompRule(DEFAULT_PROFILE, 'socket');
    expect(mutated.seccomp.deny).not.toContain('socket');
    const ctx = { ...base, attestation: memo(() => attestWithProfile(base.log, repoRoot, 'mutant-no-socket-rule', mutated)) };
    const outcome = await check(27, ctx);
    expect(outcome.result).toBe('FAIL');
    const socket = matching(outcome, /^PR-SOCK-1: /);
    expect(socket[0]?.holds, JSON.stringify(socket)).toBe(false);
    expect(outcome.reason).toMatch(/PR-SOCK-1/);
  });
});

describe("mutation (b): a module of src/ imports 'node:net'", () => {
  const guardOver = (label: string, directory: string): AcceptanceContext => ({ ...base, realGuard: memo(() => runGuardCli(base.log, repoRoot, label, directory)) });
  const netFree = /^no inspector module reaches NETWORK$/;

  it('control: an unmutated copy of the inspector reaches no NETWORK and guards clean', async () => {
    const ctx = guardOver('guard-control-copy', projectCopy());
    expect(matching(await check(27, ctx), netFree)[0]?.holds).toBe(true);
    expect((await check(19, ctx)).result).toBe('PASS');
  });

  it('with `import "node:net"` added to src/packet/manifest.ts, rows 27 and 19 FAIL', async () => {
    const mutant = projectCopy({ mutate: { file: 'src/packet/manifest.ts', edit: (text) => `import 'node:net';\n${text}` } });
    const ctx = guardOver('guard-mutant-net-import', mutant);
    const row27 = await check(27, ctx);
    expect(row27.result).toBe('FAIL');
    const net = matching(row27, netFree);
    expect(net[0]?.holds).toBe(false);
    expect(JSON.stringify(net[0]?.observed)).toContain('src/packet/manifest.ts');
    const row19 = await check(19, ctx);
    expect(row19.result).toBe('FAIL');
    expect(JSON.stringify(row19.evidence['guard-findings'])).toMatch(/src\/packet\/manifest\.ts:1:\d+ \S+ NETWORK/);
  });
});

describe('mutation (c): a writer that accepts `../`', () => {
  const escapes = /no file lands outside the output directory$/;

  it('control: the built write edge keeps every hostile name inside (row 33 conditions hold)', async () => {
    const outcome = await check(33, base);
    const attempts = matching(outcome, escapes);
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.every((entry) => entry.holds)).toBe(true);
  });

  // Round four made the writer check names twice (the frame's file-name rule, then "exactly the
  // three expected names") and write through its open directory descriptor, so one broken check no
  // longer lets a name out: the mutant proves the second layer holds on its own.
  it('with the frame name check of a copy of the write edge replaced by "any non-empty name", the exact-name check still keeps row 33', async () => {
    const mutant = writerAcceptingDotDot(repoRoot);
    copies.push(path.dirname(mutant));
    const ctx = { ...base, writer: memo(() => probeWriter(base.log, mutant)) };
    const outcome = await check(33, ctx);
    const attempts = matching(outcome, escapes);
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.filter((entry) => !entry.holds)).toEqual([]);
    expect(outcome.result).toBe('PASS');
  });
});
