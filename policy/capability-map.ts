import type { Action } from './actions.js';
import { capabilitiesGrantedBy } from './actions.js';
import type { Capability } from './capabilities.js';
import { BUILTIN_MEMBER_ROWS, BUILTIN_MODULE_ROWS, type ModuleRow } from './builtins.js';
import type { PolicyConfig } from './config.js';
import { matchesAnyGlob } from './glob.js';
import { GLOBAL_ROWS, PROCESS_DATA_WRITES, PROCESS_MEMBER_ROWS, PROCESS_PURE_MEMBERS, PROCESS_SUBMEMBER_ROWS } from './globals.js';
import { PACKAGE_ROWS, packageNameOf } from './packages.js';

/**
 * Lookups derived from the policy tables. Precedence is written once, here:
 * member row > module row > default (deny).
 */
export type ModuleKind = 'builtin' | 'package' | 'local' | 'url' | 'subpath';

export interface ModuleClassification {
  readonly specifier: string;
  readonly kind: ModuleKind;
  /** `node:fs` for `fs`; the package name for `pg/lib/client`. */
  readonly canonical: string;
  readonly capabilities: readonly Capability[];
  readonly why: string;
}

const moduleRowBySpecifier = new Map<string, ModuleRow>(BUILTIN_MODULE_ROWS.map((row) => [row.specifier, row]));

/** `fs` and `node:fs` → `node:fs`; `test` → undefined because `node:test` is prefix-only. */
export function canonicalBuiltin(specifier: string): string | undefined {
  if (specifier.startsWith('node:')) return specifier;
  const row = moduleRowBySpecifier.get(`node:${specifier}`);
  return row && !row.prefixOnly ? row.specifier : undefined;
}

export function builtinRow(specifier: string): ModuleRow | undefined {
  const canonical = canonicalBuiltin(specifier);
  return canonical === undefined ? undefined : moduleRowBySpecifier.get(canonical);
}

function packageRow(name: string): { capabilities: readonly Capability[] } | undefined {
  return PACKAGE_ROWS.find((row) => row.name === name || (row.name.endsWith('/*') && name.startsWith(row.name.slice(0, -1))));
}

export function classifyModule(specifier: string, policy: PolicyConfig): ModuleClassification {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    return { specifier, kind: 'local', canonical: specifier, capabilities: [], why: 'a local module: its own code is analyzed' };
  }
  if (specifier.startsWith('#')) {
    return { specifier, kind: 'subpath', canonical: specifier, capabilities: [], why: 'a package.json imports subpath: the guard resolves it' };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(specifier) && !specifier.startsWith('node:')) {
    const scheme = specifier.slice(0, specifier.indexOf(':')).toLowerCase();
    const capabilities: Capability[] = scheme === 'http' || scheme === 'https' ? ['NETWORK', 'DYNAMIC_CODE'] : scheme === 'file' ? ['UNANALYZED'] : ['DYNAMIC_CODE'];
    return { specifier, kind: 'url', canonical: specifier, capabilities, why: `a \`${scheme}:\` URL import` };
  }
  const canonical = canonicalBuiltin(specifier);
  if (canonical !== undefined) {
    const row = moduleRowBySpecifier.get(canonical);
    if (row === undefined) {
      return { specifier, kind: 'builtin', canonical, capabilities: ['UNANALYZED'], why: 'a builtin the policy does not know (deny by default)' };
    }
    return { specifier, kind: 'builtin', canonical, capabilities: row.capabilities, why: row.capabilities.length === 0 ? 'on the pure allow list' : 'a builtin with host access' };
  }
  const name = packageNameOf(specifier);
  const known = packageRow(name);
  if (known !== undefined) {
    return { specifier, kind: 'package', canonical: name, capabilities: known.capabilities, why: 'a known capability package' };
  }
  if (policy.packages.deny === 'unlisted' && !policy.packages.allow.includes(name)) {
    return { specifier, kind: 'package', canonical: name, capabilities: ['UNKNOWN_PACKAGE'], why: 'not on the policy allow list (strict)' };
  }
  return { specifier, kind: 'package', canonical: name, capabilities: [], why: 'a package with no known capability' };
}

/** Capabilities of `specifier`'s export `member`: the member row when there is one, else the module's. */
export function memberCapabilities(specifier: string, member: string, policy: PolicyConfig): readonly Capability[] {
  const canonical = canonicalBuiltin(specifier);
  if (canonical === 'node:process') return processMemberCapabilities(member);
  const row = BUILTIN_MEMBER_ROWS.find((candidate) => candidate.specifier === canonical && candidate.member === member);
  return row ? row.capabilities : classifyModule(specifier, policy).capabilities;
}

/** True when builtin `specifier` has a row of its own for `member` (`FileHandle.chmod` of `node:fs/promises`). */
export function hasBuiltinMemberRow(specifier: string, member: string): boolean {
  const canonical = canonicalBuiltin(specifier);
  return BUILTIN_MEMBER_ROWS.some((candidate) => candidate.specifier === canonical && candidate.member === member);
}

/** Capabilities of `process.member`, or of `process.member.submember` when that has a row of its own (PROCESS_SUBMEMBER_ROWS). */
export function processMemberCapabilities(member: string, submember?: string): readonly Capability[] {
  const inner = submember === undefined ? undefined : PROCESS_SUBMEMBER_ROWS.find((candidate) => candidate.member === member && candidate.submember === submember);
  if (inner) return inner.capabilities;
  const row = PROCESS_MEMBER_ROWS.find((candidate) => candidate.member === member);
  if (row) return row.capabilities;
  return PROCESS_PURE_MEMBERS.includes(member) ? [] : ['SYSTEM'];
}

/**
 * A write to `process.member` (`process.emit = function …`, `process.exit = …`): the member is shared
 * by every module of the process, so replacing it changes the whole process (SYSTEM), on top of
 * what the member reaches when read. `exitCode` is the documented way to set the exit status: data.
 */
export function processMemberWriteCapabilities(member: string): readonly Capability[] {
  if (PROCESS_DATA_WRITES.includes(member)) return [];
  const read = processMemberCapabilities(member);
  return read.includes('SYSTEM') ? read : [...read, 'SYSTEM'];
}

/** Capabilities of a global (`fetch`) or a global's member (`require.cache`); undefined when pure. */
export function globalCapabilities(name: string, member?: string): readonly Capability[] | undefined {
  if (name === 'process') return member === undefined ? undefined : processMemberCapabilities(member);
  const exact = GLOBAL_ROWS.find((row) => row.global === name && row.member === member);
  if (exact) return exact.capabilities;
  const whole = GLOBAL_ROWS.find((row) => row.global === name && row.member === undefined);
  return whole?.capabilities;
}

/** True when `name` has rows for single members (`navigator.sendBeacon`, `localStorage.getItem`). */
export function hasGlobalMemberRows(name: string): boolean {
  return GLOBAL_ROWS.some((row) => row.global === name && row.member !== undefined);
}

/**
 * What a global reaches when the whole value is used (aliased, passed, called): its own row,
 * else every capability its member rows name, since whoever holds it can read any member.
 */
export function globalValueCapabilities(name: string): readonly Capability[] | undefined {
  const whole = globalCapabilities(name);
  if (whole !== undefined) return whole;
  const members = new Set(GLOBAL_ROWS.filter((row) => row.global === name && row.member !== undefined).flatMap((row) => row.capabilities));
  return members.size === 0 ? undefined : [...members];
}

export function isInspectorFile(relativePath: string, policy: PolicyConfig): boolean {
  return matchesAnyGlob(relativePath, policy.inspectorFiles);
}

/**
 * Capabilities a file may hold: those its declared actions grant, plus its policy grants.
 * Inspector files get capabilities only from declared actions, never from a grant.
 */
export function grantedCapabilities(relativePath: string, policy: PolicyConfig, declaredActions: readonly Action[]): Set<Capability> {
  const granted = capabilitiesGrantedBy(declaredActions);
  if (isInspectorFile(relativePath, policy)) return granted;
  for (const grant of policy.grants) {
    if (matchesAnyGlob(relativePath, grant.files)) for (const capability of grant.capabilities) granted.add(capability);
  }
  return granted;
}
