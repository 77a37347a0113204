import type ts from 'typescript';
import { ACTION_NAMES, ACTIONS, type Capability } from '../../policy/index.js';
import { messageFor } from './messages.js';
import type { ConditionalReach, Finding, RuleId, WithdrawnUnless } from './types.js';

/** Where a capability was reached from; it picks the message. */
export type ReachSource = 'module' | 'member' | 'global' | 'unanalyzed';

/** Which rule owns a capability: file access is about actions, code loading is dynamic code. */
export function ruleForCapability(capability: Capability): RuleId {
  if (capability === 'FILES_READ' || capability === 'FILES_WRITE') return 'allowed-actions';
  if (capability === 'DYNAMIC_CODE') return 'no-dynamic-code';
  return 'no-forbidden-capability';
}

/** The action that would grant a capability, for the fix hint. */
function actionGranting(capability: Capability): string {
  return ACTION_NAMES.find((action) => ACTIONS[action].grants === capability) ?? ACTION_NAMES.join(' or ');
}

/**
 * Collects findings, dropping capabilities the file holds (grants and declared actions),
 * and renders each message once so that the ESLint rules and the guard say the same thing.
 */
export class FindingCollector {
  readonly findings: Finding[] = [];
  /** Everything reached, before grants filter it: the guard's module summary needs what is held too. */
  readonly reached = new Set<Capability>();
  /** Reached unless the whole program proves a condition (reachUnless); kept out of `reached`. */
  readonly reachedUnless: ConditionalReach[] = [];
  private readonly seen = new Map<string, number>();
  /** Node children that inherit the environment (FileFacts.envChildren). */
  readonly envChildren: Array<{ readonly name: string; readonly start: number; readonly end: number }> = [];
  /** Set only while reachUnless reports: the condition its findings carry. */
  private unless: WithdrawnUnless | undefined;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly granted: ReadonlySet<Capability>,
  ) {}

  add(ruleId: RuleId, messageId: string, capability: Capability | null, data: Record<string, string>, node: ts.Node): void {
    this.addAt(ruleId, messageId, capability, data, node.getStart(this.sourceFile), node.getEnd());
  }

  addAt(ruleId: RuleId, messageId: string, capability: Capability | null, data: Record<string, string>, start: number, end: number): void {
    // The same fact reached twice at one place (two checks agreeing, syntax and types) is one finding.
    const key = `${start}\u0000${ruleId}\u0000${capability ?? ''}`;
    const earlier = this.seen.get(key);
    if (earlier !== undefined) {
      // A finding met again without a condition stands whatever the program proves.
      const found = this.findings[earlier];
      if (found?.unless !== undefined && this.unless === undefined) {
        const { unless: _withdrawable, ...standing } = found;
        this.findings[earlier] = standing;
      }
      return;
    }
    this.seen.set(key, this.findings.length);
    const finding: Finding = { ruleId, messageId, capability, data, message: messageFor(ruleId, messageId, data), start, end };
    this.findings.push(this.unless === undefined ? finding : { ...finding, unless: this.unless });
  }

  /**
   * reach, withdrawn by the guard when the whole program proves `unless` (choice 79): the
   * findings carry the condition, and the capabilities go to reachedUnless instead of reached.
   */
  reachUnless(unless: WithdrawnUnless, capabilities: readonly Capability[], node: ts.Node, name: string, source: ReachSource): void {
    const before = new Set(this.reached);
    this.unless = unless;
    try {
      this.reach(capabilities, node, name, source);
    } finally {
      this.unless = undefined;
    }
    for (const capability of capabilities) {
      if (before.has(capability)) continue;
      this.reached.delete(capability);
      this.reachedUnless.push({ capability, unless });
    }
  }

  /** `name` reaches each of `capabilities`; one finding per capability the file does not hold. */
  reach(capabilities: readonly Capability[], node: ts.Node, name: string, source: ReachSource, why = ''): void {
    for (const capability of capabilities) {
      this.reached.add(source === 'unanalyzed' ? 'UNANALYZED' : capability);
      if (this.granted.has(capability)) continue;
      const ruleId = ruleForCapability(capability);
      if (ruleId === 'allowed-actions') {
        const verb = capability === 'FILES_READ' ? 'reads' : 'writes';
        this.add(ruleId, 'fileAccess', capability, { name, verb, capability, action: actionGranting(capability) }, node);
      } else if (ruleId === 'no-dynamic-code') {
        this.add(ruleId, 'dynamicCode', capability, { name }, node);
      } else if (capability === 'UNKNOWN_PACKAGE') {
        this.add(ruleId, 'unknownPackage', capability, { specifier: name }, node);
      } else if (capability === 'UNANALYZED' || source === 'unanalyzed') {
        this.add(ruleId, 'unanalyzed', 'UNANALYZED', { name, reason: why || 'its target is not a literal name' }, node);
      } else if (source === 'module') {
        this.add(ruleId, 'moduleCapability', capability, { specifier: name, capability, why }, node);
      } else if (source === 'member') {
        this.add(ruleId, 'memberCapability', capability, { name, capability }, node);
      } else {
        this.add(ruleId, 'globalCapability', capability, { name, capability }, node);
      }
    }
  }

  /** Something the analysis cannot follow: always a finding, never silence. */
  unanalyzed(node: ts.Node, name: string, reason: string): void {
    this.reached.add('UNANALYZED');
    if (this.granted.has('UNANALYZED')) return;
    this.add('no-forbidden-capability', 'unanalyzed', 'UNANALYZED', { name, reason }, node);
  }
}
