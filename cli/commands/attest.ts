import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderAttestationMarkdown, runAttestation } from '../../sandbox/index.js';
import { engineFlag } from '../engine-flag.js';
import { parseFlags } from '../flags.js';
import { printError, printLine, printShownLines } from '../output.js';
import type { CliCommand } from './command.js';


/** Temp file + rename: a crash leaves no partial evidence under the final name. */
function writeAtomically(path: string, content: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, content, { flag: 'w', mode: 0o644 });
  renameSync(temp, path);
}

/**
 * The twelve probes inside the sandbox → attestation-evidence.json + .md. Like every tki command
 * it never exits 0: 2 = every probe behaved as expected, 1 = at least one did not, 3 = no evidence.
 */
export const attestCommand: CliCommand = {
  async run(argv) {
    const parsed = parseFlags(argv, { command: 'attest', positionals: [], required: ['out'], optional: ['engine'] });
    if (!parsed.ok) {
      printError(parsed.line);
      return 3;
    }
    const chosen = engineFlag(parsed.flags.engine, 'attest');
    if (!chosen.ok) {
      printError(chosen.line);
      return 3;
    }
    const engine = chosen.engine;
    const result = await runAttestation(engine);
    if (!result.ok) {
      // The stage's refusals mark the paths they name (untrusted-span.ts).
      await printShownLines([result.line], 'stderr');
      return 3;
    }
    const outputDir = resolve(parsed.flags.out ?? '');
    mkdirSync(outputDir, { recursive: true });
    const jsonPath = join(outputDir, 'attestation-evidence.json');
    const markdownPath = join(outputDir, 'attestation-evidence.md');
    writeAtomically(jsonPath, `${JSON.stringify(result.evidence, null, 2)}\n`);
    writeAtomically(markdownPath, renderAttestationMarkdown(result.evidence));
    const { passed, total, engine_version: version } = result.evidence;
    printLine(`tki attest: ${passed}/${total} probes behaved as expected under ${engine} (${version})`);
    for (const failed of result.evidence.probes.filter((probe) => !probe.pass)) printLine(`not as expected: ${failed.id}: ${failed.observed}`);
    printLine(`evidence: ${jsonPath}`);
    printLine(`evidence: ${markdownPath}`);
    return passed === total ? 2 : 1;
  },
};
