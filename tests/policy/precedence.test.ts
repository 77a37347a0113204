import { describe, expect, it } from 'vitest';
import { RECOMMENDED_POLICY, globalCapabilities, memberCapabilities, processMemberCapabilities } from '../../policy/index.js';

describe('precedence: member row > module row > default deny', () => {
  it('uses the member row when there is one', () => {
    expect(memberCapabilities('node:fs', 'readdirSync', RECOMMENDED_POLICY)).toEqual(['FILES_READ']);
    expect(memberCapabilities('fs', 'writeFile', RECOMMENDED_POLICY)).toEqual(['FILES_WRITE']);
    // Flag-sensitive members as values (flags unseen); a direct call is refined by open-modes.ts.
    expect(memberCapabilities('node:fs', 'readFileSync', RECOMMENDED_POLICY)).toEqual(['FILES_READ', 'FILES_WRITE']);
    expect(memberCapabilities('node:fs/promises', 'readFile', RECOMMENDED_POLICY)).toEqual(['FILES_READ', 'FILES_WRITE']);
    expect(memberCapabilities('node:fs', 'constants', RECOMMENDED_POLICY)).toEqual([]);
    expect(memberCapabilities('node:crypto', 'setEngine', RECOMMENDED_POLICY)).toEqual(['NATIVE']);
    expect(memberCapabilities('node:v8', 'writeHeapSnapshot', RECOMMENDED_POLICY)).toEqual(['SYSTEM', 'FILES_WRITE']);
    expect(memberCapabilities('node:module', 'isBuiltin', RECOMMENDED_POLICY)).toEqual([]);
  });

  it('falls back to the module row for a member with no row', () => {
    expect(memberCapabilities('node:fs', 'someFutureApi', RECOMMENDED_POLICY)).toEqual(['FILES_READ', 'FILES_WRITE']);
    expect(memberCapabilities('node:module', 'createRequire', RECOMMENDED_POLICY)).toEqual(['DYNAMIC_CODE']);
    expect(memberCapabilities('node:crypto', 'createHash', RECOMMENDED_POLICY)).toEqual([]);
    expect(memberCapabilities('node:child_process', 'exec', RECOMMENDED_POLICY)).toEqual(['EXEC']);
  });

  it('classifies process members by the process table, denying unlisted members', () => {
    expect(processMemberCapabilities('env')).toEqual(['ENV']);
    expect(processMemberCapabilities('binding')).toEqual(['NATIVE']);
    expect(processMemberCapabilities('dlopen')).toEqual(['NATIVE']);
    expect(processMemberCapabilities('getBuiltinModule')).toEqual(['UNANALYZED']);
    expect(processMemberCapabilities('mainModule')).toEqual(['DYNAMIC_CODE']);
    expect(processMemberCapabilities('report')).toEqual(['SYSTEM', 'FILES_WRITE', 'ENV']);
    expect(processMemberCapabilities('argv')).toEqual([]);
    expect(processMemberCapabilities('somethingNew')).toEqual(['SYSTEM']);
    expect(memberCapabilities('node:process', 'env', RECOMMENDED_POLICY)).toEqual(['ENV']);
  });

  it('classifies ambient globals and their members', () => {
    expect(globalCapabilities('fetch')).toEqual(['NETWORK']);
    expect(globalCapabilities('WebSocket')).toEqual(['NETWORK']);
    expect(globalCapabilities('EventSource')).toEqual(['NETWORK']);
    expect(globalCapabilities('eval')).toEqual(['DYNAMIC_CODE']);
    expect(globalCapabilities('require', 'cache')).toEqual(['DYNAMIC_CODE']);
    expect(globalCapabilities('module', 'require')).toEqual(['DYNAMIC_CODE']);
    // A member without its own row inherits the global's row (fetch.call is fetch).
    expect(globalCapabilities('fetch', 'call')).toEqual(['NETWORK']);
    expect(globalCapabilities('require', 'resolve')).toBeUndefined();
    expect(globalCapabilities('JSON')).toBeUndefined();
  });
});
