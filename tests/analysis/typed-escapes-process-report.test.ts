import { afterAll, describe, expect, it } from 'vitest';
import { capabilitiesOf, typedProject } from './typed-program.js';

/**
 * `process.report`'s format settings are no report (red-team round 7, `api7-lookalike-report-exclude-env`):
 * only writing or arming a report reaches files, the environment and the system (policy PROCESS_SUBMEMBER_ROWS).
 */
const FILES: Record<string, string> = {
  'settings.cjs': "process.report.excludeEnv = true;\nprocess.report.compact = true;\nconsole.log('compact', process.report.compact, process.report.signal);\n",
  'write.cjs': "process.report.writeReport('report.json');\n",
  'get.cjs': 'module.exports = process.report.getReport();\n',
  'arm.cjs': 'process.report.reportOnFatalError = true;\n',
  'directory.cjs': "process.report.directory = '/tmp';\n",
  'alias.cjs': 'const report = process.report;\nmodule.exports = report;\n',
};

const project = typedProject(FILES);
afterAll(() => project.dispose());

describe('process.report by member', () => {
  it.each(['typed', 'syntactic'] as const)('%s: its format settings, read or set, reach nothing', (mode) => {
    expect(project[mode]('settings.cjs').findings).toEqual([]);
  });

  it.each(['typed', 'syntactic'] as const)('%s: getReport() returns the report (the environment, the host) and writes no file', (mode) => {
    expect(capabilitiesOf(project[mode]('get.cjs'))).toEqual(['ENV', 'SYSTEM']);
  });

  it.each(['write.cjs', 'arm.cjs', 'directory.cjs', 'alias.cjs'])('%s: writing, arming, placing or handing on a report reaches SYSTEM, FILES_WRITE and ENV', (file) => {
    for (const facts of [project.typed(file), project.syntactic(file)]) expect(capabilitiesOf(facts)).toEqual(expect.arrayContaining(['ENV', 'FILES_WRITE', 'SYSTEM']));
  });
});
