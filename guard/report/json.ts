import { eslintDisableHintMessage } from '../suppress/index.js';
import type { GuardFinding } from '../types.js';
import { exitCodeOf, type Reporter } from './types.js';

const findingJson = ({ file, line, column, ruleId, capability, message, witness }: GuardFinding): object => ({
  file,
  line,
  column,
  ruleId,
  capability,
  message,
  ...(witness === undefined ? {} : { witness }),
});

/**
 * SPEC §9: `{ findings: [{ file, line, column, ruleId, capability, message }], modules: [{ file,
 * allowedActions, capabilities }] }`; `findings` are the ones that fail. Beside them: the level,
 * suppressed findings with their reasons, the baseline's accepted and removable entries,
 * suppression comments that accepted nothing, and the files whose `eslint-disable` comments name
 * tki rules (which the guard does not honour: one hint per file).
 */
export const jsonReporter: Reporter = (verdict) => {
  const { result, baseline } = verdict;
  const report = {
    findings: result.findings.map(findingJson),
    modules: result.modules.map(({ file, allowedActions, capabilities, holds }) => ({ file, allowedActions, capabilities, holds })),
    level: verdict.level,
    suppressed: verdict.suppressed.map(({ finding, reason }) => ({ ...findingJson(finding), reason })),
    suppressionNotes: verdict.suppressionNotes,
    eslintDisableHints: verdict.eslintDisableHints.map((hint) => ({ ...hint, message: eslintDisableHintMessage(hint) })),
    ...(baseline === null
      ? {}
      : {
          baseline: {
            file: baseline.file,
            accepted: baseline.accepted.map(findingJson),
            removable: baseline.removable,
            grown: baseline.grown,
            ...(baseline.written === undefined ? {} : { written: baseline.written }),
          },
        }),
  };
  return { output: `${JSON.stringify(report, null, 2)}\n`, exitCode: exitCodeOf(verdict) };
};
