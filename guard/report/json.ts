import { exitCodeOf, type Reporter } from './types.js';

/** SPEC §9: `{ findings: [{ file, line, column, ruleId, capability, message }], modules: [{ file, allowedActions, capabilities }] }`. */
export const jsonReporter: Reporter = (result) => {
  const findings = result.findings.map(({ file, line, column, ruleId, capability, message, witness }) => ({
    file,
    line,
    column,
    ruleId,
    capability,
    message,
    ...(witness === undefined ? {} : { witness }),
  }));
  const modules = result.modules.map(({ file, allowedActions, capabilities, holds }) => ({ file, allowedActions, capabilities, holds }));
  return { output: `${JSON.stringify({ findings, modules }, null, 2)}\n`, exitCode: exitCodeOf(result) };
};
