import type { Capability } from './capabilities.js';

/**
 * The action universe. A module declares `export const allowedActions = [...] as const`;
 * every declared action must be one of these, and each action grants exactly one capability,
 * bounded to one root that the inspector's edges enforce at run time.
 */
export const ACTIONS = {
  READ_PACKET_ITEM: { grants: 'FILES_READ', root: 'packet root', description: 'Read packet.json and the content files it names, inside the packet root only.' },
  WRITE_LOCAL_REPORT: { grants: 'FILES_WRITE', root: 'output root', description: 'Write report.json, report.md and checkpoint-<name>.md, inside the output root only.' },
} as const satisfies Record<string, { grants: Capability; root: string; description: string }>;

export type Action = keyof typeof ACTIONS;

export const ACTION_NAMES = Object.keys(ACTIONS) as Action[];

/** The exported binding name a module uses to declare its actions. */
export const ALLOWED_ACTIONS_EXPORT = 'allowedActions';

export function isAction(name: string): name is Action {
  return Object.hasOwn(ACTIONS, name);
}

/** Capabilities that a set of declared actions grants. */
export function capabilitiesGrantedBy(actions: readonly Action[]): Set<Capability> {
  return new Set(actions.map((action) => ACTIONS[action].grants));
}
