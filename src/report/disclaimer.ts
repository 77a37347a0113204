import { SCOPED_DENIAL_WORDING } from '../../policy/index.js';

/**
 * The report's disclaimer (SPEC §4), phrased positively so that it never itself uses
 * global-absence wording: a finding is scoped to this packet, its allowed surfaces and its export.
 */
export const DISCLAIMER = [
  `Every finding in this report means only that the claim ${SCOPED_DENIAL_WORDING} (see scope_of_denial: packet_id, packet_as_of, surfaces_searched).`,
  'It is a statement about this packet alone, and says nothing about any system, repository or surface outside it.',
  'This report is non-gating evidence for a human reviewer (decision_effect NONE, may_gate false): it runs nothing, proves no execution, proves no global absence and changes nothing in production.',
].join(' ');

export const NO_MUTATION_STATEMENT =
  'No-mutation statement: the inspector read only the packet directory and wrote only report.json, report.md and this checkpoint into its output directory; it ran nothing, queried nothing live and wrote nothing to any knowledge base or database.';
