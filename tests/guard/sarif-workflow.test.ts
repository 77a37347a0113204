import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCliArgs } from '../../guard/index.js';
import { repoRoot } from './helpers.js';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  'continue-on-error'?: boolean;
}

const text = readFileSync(path.join(repoRoot, 'docs/ci-workflow.yml'), 'utf8');
const workflow = parse(text) as { on: Record<string, unknown>; jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }> };
const steps = workflow.jobs['guard']?.steps ?? [];
const step = (predicate: (candidate: Step) => boolean): Step => {
  const found = steps.find(predicate);
  if (found === undefined) throw new Error('step not found');
  return found;
};

/** The words of a `run:` line that calls tki-guard, as the shell would pass them (quotes removed, variables kept). */
const guardArguments = (run: string): string[] => {
  const line = run.split('\n').find((candidate) => candidate.includes('tki-guard')) ?? '';
  return line.slice(line.indexOf('tki-guard') + 'tki-guard'.length).trim().split(/\s+/).map((word) => word.replace(/^"|"$/g, ''));
};

describe('the CI workflow example (docs/ci-workflow.yml)', () => {
  it('is valid YAML and is the workflow docs/ci.md shows', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    expect(readFileSync(path.join(repoRoot, 'docs/ci.md'), 'utf8')).toContain(text);
  });

  it('fetches the full history and may write security events', () => {
    expect(step((candidate) => candidate.uses?.startsWith('actions/checkout@') === true).with?.['fetch-depth']).toBe(0);
    expect(workflow.jobs['guard']?.permissions['security-events']).toBe('write');
  });

  it('uploads the SARIF the guard wrote even when the guard found something or failed', () => {
    const guard = step((candidate) => candidate.id === 'guard');
    expect(guard['continue-on-error']).toBe(true);
    const options = parseCliArgs(guardArguments(guard.run ?? ''));
    expect(options).toMatchObject({ ok: true, value: { command: 'analyze', format: 'sarif' } });
    const upload = step((candidate) => candidate.uses?.startsWith('github/codeql-action/upload-sarif@') === true);
    expect(upload.if).toMatch(/!cancelled\(\)|always\(\)/);
    expect(upload.with?.['sarif_file']).toBe(options.ok ? options.value.output : null);
    expect(steps.indexOf(upload)).toBeGreaterThan(steps.indexOf(guard));
  });

  it('runs the capability diff with arguments the CLI accepts, and fails the job last', () => {
    const diff = step((candidate) => candidate.id === 'diff');
    expect(parseCliArgs(guardArguments(diff.run ?? ''))).toMatchObject({ ok: true, value: { command: 'diff', base: 'origin/${GITHUB_BASE_REF}', diffFormat: 'markdown', output: 'tki-diff.md' } });
    const last = steps[steps.length - 1];
    expect(last?.if).toContain("steps.guard.outcome == 'failure'");
    expect(last?.if).toContain("steps.diff.outcome == 'failure'");
    expect(last?.run).toBe('exit 1');
  });
});
