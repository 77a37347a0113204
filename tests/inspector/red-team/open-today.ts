/**
 * Attacks that get through today. Each key names one check of red-team-hostile.test.ts; the test
 * asserts that the problem is STILL there, so a fix makes the suite fail until the key is removed.
 */
export const OPEN_TODAY: ReadonlySet<string> = new Set<string>([
  // A grammar-valid packet_id that is a positive verdict word is printed on tki's own verdict line
  // ("… · no flags · packet CERTIFIED"): the last-guard withholding covers PASS but not these.
  'identity:packet_id:certified-in-id-grammar',
  'identity:packet_id:approved-in-id-grammar',
  'identity:packet_id:verified-in-id-grammar',
  'identity:packet_id:exit0-in-id-grammar',
  // A 10 MB packet_id is refused by the grammar, yet copied into the reports: 30 MB of report for
  // a refused identifier (the "7.9 MB packet → 171 MB report.json" class, smaller).
  'cost:huge-packet-id',
  // packet/too_large through `tki run` names /in/packet.json (the sandbox's path) in report.json,
  // report.md and the line, never the directory the operator typed.
  'cost-cli:too-large-operator-path',
]);
