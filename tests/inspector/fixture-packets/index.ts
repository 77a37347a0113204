import { CHAIN_FIXTURES } from './chain-cases.js';
import { FIX7_FIXTURES } from './fix7.js';
import { HOSTILE_FIXTURES } from './hostile.js';
import { PROVENANCE_NEGATIVES } from './provenance-negatives.js';
import type { FixtureDefinition } from './types.js';

export { serializeFixture, type SerializedFixture } from './serialize.js';
export type { ExpectedOutcome, FixtureDefinition } from './types.js';

/** Every fixture packet, by name; fixtures/packets/<name>/ is generated from these. */
export const FIXTURES: readonly FixtureDefinition[] = [...FIX7_FIXTURES, ...CHAIN_FIXTURES, ...PROVENANCE_NEGATIVES, ...HOSTILE_FIXTURES];
