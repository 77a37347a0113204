import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { SUPPORTED_TYPESCRIPT, TYPESCRIPT_PEER_RANGE, typescriptSupportProblem } from '../../eslint-plugin-tki/typescript-support.js';
import { formatGuardError } from '../../guard/errors.js';
import { checkTypeScriptCopies, compareTypeScriptCopies } from '../../guard/typescript-copies.js';

describe('one TypeScript in the guard', () => {
  it('the analysis and ts-morph load the same minor here (the published tki-guard pins typescript to it)', async () => {
    expect(await checkTypeScriptCopies()).toEqual({ ok: true, value: undefined });
  });

  it('two minors: exit 2 with one line naming both versions and both paths, never a silent run', () => {
    const outcome = compareTypeScriptCopies(
      { versionMajorMinor: '5.8', version: '5.8.3', path: '/app/node_modules/typescript' },
      { versionMajorMinor: '6.0', version: '6.0.3', path: '/app/node_modules/@ts-morph/common/dist/ts-morph-common.js' },
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const line = formatGuardError(outcome.error);
    expect(line.split('\n')).toHaveLength(1);
    for (const part of ['5.8.3', '/app/node_modules/typescript', '6.0.3', '@ts-morph/common']) expect(line).toContain(part);
  });
});

describe('the plugin’s TypeScript range', () => {
  it('accepts exactly the tested range and names the version it found otherwise', () => {
    expect(TYPESCRIPT_PEER_RANGE).toBe(`>=${SUPPORTED_TYPESCRIPT.lowest} <${SUPPORTED_TYPESCRIPT.below}`);
    for (const version of [SUPPORTED_TYPESCRIPT.lowest, '5.9.3', '6.0.3', ts.version]) expect({ version, problem: typescriptSupportProblem(version) }).toEqual({ version, problem: undefined });
    for (const version of ['5.0.4', '5.8.3', '6.1.0', '6.1.0-dev.20261021', '7.0.2']) {
      expect(typescriptSupportProblem(version)).toBe(`eslint-plugin-tki needs TypeScript ${TYPESCRIPT_PEER_RANGE} and found ${version}; nothing was checked: install a supported one (npm i -D typescript@6)`);
    }
    expect(typescriptSupportProblem(undefined)).toContain('found a typescript package without a version');
  });
});
