import type { GuardFinding } from '../types.js';

const SRCROOT = '%SRCROOT%';

/** Where each module on a witness path takes its step: the finding that module has for the same capability. */
function stepIndex(findings: readonly GuardFinding[]): Map<string, GuardFinding> {
  const index = new Map<string, GuardFinding>();
  for (const finding of findings) {
    if (finding.capability === null) continue;
    const next = finding.witness?.[1] ?? '';
    const key = `${finding.file}\u0000${finding.capability}\u0000${finding.ruleId === 'transitive-capability' ? next : ''}`;
    if (!index.has(key)) index.set(key, finding);
  }
  return index;
}

export type FlowBuilder = (finding: GuardFinding) => object[] | undefined;

/**
 * The witness path as one SARIF thread flow, a location per module with the region of the
 * import that leads on: a module in the middle of a path has its own transitive finding (the
 * breadth-first search gives it the rest of the same path), and the last module's direct finding
 * is where the capability is used. `findings` must hold every finding of the run, suppressed and
 * baselined ones included, so that accepting one step never loses a region.
 */
export function flowBuilder(findings: readonly GuardFinding[]): FlowBuilder {
  const index = stepIndex(findings);
  return (finding) => {
    const witness = finding.witness;
    if (witness === undefined || witness.length < 2) return undefined;
    const sink = witness[witness.length - 1] as string;
    const locations = witness.slice(0, -1).map((file, position) => {
      const next = witness[position + 1] as string;
      const last = position === witness.length - 2;
      const step =
        position === 0 ? finding : index.get(`${file}\u0000${finding.capability ?? ''}\u0000${last ? '' : next}`) ?? (last ? undefined : index.get(`${file}\u0000${finding.capability ?? ''}\u0000`));
      const message = last ? `reaches ${finding.capability ?? 'it'} here: ${sink}` : `imports ${next}`;
      return {
        location: {
          message: { text: message },
          physicalLocation: {
            artifactLocation: { uri: file, uriBaseId: SRCROOT },
            ...(step === undefined || step.file !== file ? {} : { region: { startLine: step.line, startColumn: step.column } }),
          },
        },
      };
    });
    return [{ message: { text: witness.join(' → ') }, threadFlows: [{ locations }] }];
  };
}

export { SRCROOT };
