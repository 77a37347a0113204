import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  ACTION_NAMES,
  BUILTIN_MEMBER_ROWS,
  BUILTIN_MODULE_ROWS,
  CAPABILITIES,
  GLOBAL_ROWS,
  PACKAGE_ROWS,
  PROCESS_MEMBER_ROWS,
  PROCESS_PURE_MEMBERS,
  isCapability,
} from '../../policy/index.js';

const everyCapability = (rows: ReadonlyArray<{ capabilities: readonly string[] }>): string[] => rows.flatMap((row) => row.capabilities);

describe('policy tables against the capability enum', () => {
  it.each([
    ['builtin modules', everyCapability(BUILTIN_MODULE_ROWS)],
    ['builtin members', everyCapability(BUILTIN_MEMBER_ROWS)],
    ['globals', everyCapability(GLOBAL_ROWS)],
    ['process members', everyCapability(PROCESS_MEMBER_ROWS)],
    ['packages', everyCapability(PACKAGE_ROWS)],
    ['actions', ACTION_NAMES.map((name) => ACTIONS[name].grants)],
  ])('%s name only capabilities of the enum', (_table, names) => {
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !isCapability(name))).toEqual([]);
  });

  it('describes every capability in one line', () => {
    for (const description of Object.values(CAPABILITIES)) {
      expect(description).toMatch(/^[A-Z].*\.$/);
      expect(description).not.toContain('\n');
    }
  });

  it('keeps the action universe to exactly the two SPEC actions', () => {
    expect(ACTION_NAMES).toEqual(['READ_PACKET_ITEM', 'WRITE_LOCAL_REPORT']);
    expect(ACTIONS.READ_PACKET_ITEM.grants).toBe('FILES_READ');
    expect(ACTIONS.WRITE_LOCAL_REPORT.grants).toBe('FILES_WRITE');
  });

  it('never lists a process member as both pure and capable', () => {
    const capable = PROCESS_MEMBER_ROWS.map((row) => row.member);
    expect(PROCESS_PURE_MEMBERS.filter((member) => capable.includes(member as string))).toEqual([]);
  });

  it('keys member rows on builtins that have a module row, once each', () => {
    const modules = new Set(BUILTIN_MODULE_ROWS.map((row) => row.specifier));
    expect(BUILTIN_MEMBER_ROWS.filter((row) => !modules.has(row.specifier))).toEqual([]);
    const keys = BUILTIN_MEMBER_ROWS.map((row) => `${row.specifier}#${row.member}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('covers the dangerous members and globals the issue names', () => {
    const globals = GLOBAL_ROWS.map((row) => (row.member === undefined ? row.global : `${row.global}.${row.member}`));
    const processMembers = PROCESS_MEMBER_ROWS.map((row) => `process.${row.member}`);
    const members = BUILTIN_MEMBER_ROWS.map((row) => `${row.specifier}.${row.member}`);
    const covered = [...globals, ...processMembers, ...members];
    for (const name of ['process.env', 'process.binding', 'process.dlopen', 'process.getBuiltinModule', 'process.mainModule', 'require.cache', 'process.report', 'node:v8.writeHeapSnapshot', 'fetch', 'WebSocket', 'EventSource']) {
      expect(covered).toContain(name);
    }
  });
});
