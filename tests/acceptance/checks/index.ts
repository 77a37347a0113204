import { DEFERRED_CHECKS } from './deferred-rows.js';
import { GUARD_CHECKS } from './guard-rows.js';
import { CHAIN_CHECKS } from './chain-rows.js';
import type { Check } from './outcome.js';
import { OUTPUT_CHECKS } from './output-rows.js';
import { PROVENANCE_CHECKS } from './provenance-rows.js';
import { SANDBOX_CHECKS } from './sandbox-rows.js';

/** Every row's check, keyed by matrix row number; the meta-test holds this and MATRIX in step. */
export const CHECK_GROUPS: ReadonlyArray<Readonly<Record<number, Check>>> = [PROVENANCE_CHECKS, CHAIN_CHECKS, GUARD_CHECKS, SANDBOX_CHECKS, OUTPUT_CHECKS, DEFERRED_CHECKS];

/** The groups merged; a number claimed by two groups is a programmer error the meta-test reports. */
export const CHECKS: ReadonlyMap<number, Check> = new Map(CHECK_GROUPS.flatMap((group) => Object.entries(group).map(([row, check]) => [Number(row), check] as const)));

export { conclude, condition, runCheck, type Check, type Condition } from './outcome.js';
