/**
 * Attacks that get through today. Each key names one check of red-team-hostile.test.ts; the test
 * asserts that the problem is STILL there, so a fix makes the suite fail until the key is removed.
 */
export const OPEN_TODAY: ReadonlySet<string> = new Set<string>([]);
