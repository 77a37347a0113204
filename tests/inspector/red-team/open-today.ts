/**
 * Attacks that get through today. Each key names one check of red-team-hostile.test.ts; the test
 * asserts that the problem is STILL there, so a fix makes the suite fail until the key is removed.
 */
// Empty: the six routes found on 2026-12-05 (a grammatical packet_id such as CERTIFIED on the
// verdict line, a refused 10 MB packet_id copied into the reports, /in/packet.json named instead of
// the operator's path) were closed at the class: the verdict line carries no packet-supplied text
// and names the packet by the operator's path; header values are echoed only up to 256 characters;
// packet-file errors name the file, never its in-sandbox path.
export const OPEN_TODAY: ReadonlySet<string> = new Set<string>([]);
