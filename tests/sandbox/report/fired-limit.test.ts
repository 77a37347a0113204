import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../../sandbox/profile/default-profile.js';
import { firedLimit } from '../../../sandbox/report/settle.js';

/** The heap ceiling is read from V8's own dying words: every form of them ends as the memory limit, never relayed as a crash. */
describe('firedLimit names the V8 heap ceiling from any of its out-of-memory messages', () => {
  const profile = { ...DEFAULT_PROFILE, limits: { ...DEFAULT_PROFILE.limits, memoryMiB: 1 } };
  it.each([
    ['running out while running', 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory'],
    ['a ceiling below the start-up snapshot (--memory 1)', '<--- Last few GCs --->\n<--- JS stacktrace --->\n#\n# Fatal javascript OOM in GC during deserialization\n#'],
    ['a process-wide allocation failure', '# Fatal process out of memory: Zone'],
  ])('%s', (_, stderr) => {
    expect(firedLimit({ exitCode: 133, stdout: '', stderr }, profile)).toBe('memory limit (V8 heap 1 MiB)');
  });
  it('another death (SIGTRAP) with no such message is no memory limit', () => {
    expect(firedLimit({ exitCode: 133, stdout: '', stderr: 'something else' }, profile)).toBeUndefined();
  });
});
