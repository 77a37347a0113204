import type { BuiltPacket } from './kit.js';

/** What a fixture must produce; written next to it as expected.json. */
export interface ExpectedOutcome {
  readonly exit_code: 1 | 2 | 3;
  readonly final_verdict: 'READ_LEVEL_FAIL' | 'BLOCKED' | 'UNVERIFIED';
  readonly article14_status?: 'NOT_APPLICABLE_NO_EXECUTABLE_CLAIMS' | 'NOT_PROVEN_EXECUTION_UNVERIFIED';
  readonly triage_outcome?: 'NO_BLOCKING_FINDING_BUT_UNCERTIFIED' | 'BLOCKING_FINDINGS';
  /** claim_id → per-claim verdict. */
  readonly claims?: Readonly<Record<string, string>>;
  /** claim_id → flags the claim must carry. */
  readonly claim_flags?: Readonly<Record<string, readonly string[]>>;
  /** claim_id → reason codes one of the claim's reasons must start with (e.g. citation/not_in_packet). */
  readonly claim_reasons_include?: Readonly<Record<string, readonly string[]>>;
  readonly flags_include?: readonly string[];
  readonly flags_exclude?: readonly string[];
  /** Codes that must appear among blocked_reasons. */
  readonly blocked_codes_include?: readonly string[];
  readonly inventory_complete?: boolean;
  /** How many items were usable as evidence (0 when the header blocked everything). */
  readonly items_usable?: number;
  /** claim_id → corpora reported separately (TAC↔IU claims). */
  readonly claim_corpora?: Readonly<Record<string, readonly string[]>>;
}

export interface FixtureDefinition {
  /** Directory name under fixtures/packets/: says what it tests. */
  readonly name: string;
  /** SPEC §7 rows this fixture is evidence for. */
  readonly rows: readonly number[];
  readonly description: string;
  /** `directory` (packet.json + files) or `single-file` (one .json, SPEC §1). */
  readonly layout?: 'directory' | 'single-file';
  /** False for the fixtures whose whole point is a hash or manifest that does not verify. */
  readonly hashesValid?: boolean;
  build(): BuiltPacket;
  readonly expected: ExpectedOutcome;
}
