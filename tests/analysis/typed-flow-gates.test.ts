import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeTypedSourceFile, type FlowCheck } from '../../analysis/typed/index.js';
import { RECOMMENDED_POLICY } from '../../policy/index.js';
import { TYPED_OPTIONS } from './typed-program.js';

/**
 * Issue #10, the typed plugin's cost: the flow check asks the cheap side of a flow first and skips
 * the other when it cannot matter (untyped-escapes.ts FlowCheck `gated`). The gates may only save
 * questions, never findings: every file of a program gets the same findings gated as exhaustive, each
 * mode in a program of its own (so no answer one mode's checker cached can stand in for the other's).
 *
 * The evasion fixtures (every red-team round) run here. The bench's copies of viem and
 * effect-ts-system (bench/guard-typed.ts makes them under .tki-cache/bench/) take minutes each: they
 * run only when TKI_FLOW_DIFFERENTIAL names them (`TKI_FLOW_DIFFERENTIAL=viem,effect-ts-system`).
 */
const repoRoot = path.resolve(import.meta.dirname, '../..');

interface Judged {
  readonly files: number;
  /** One line per finding, file by file: where, which rule, what it says. */
  readonly findings: readonly string[];
}

function programOf(directory: string): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(directory, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => { throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')); } });
  if (config === undefined) throw new Error(`no tsconfig.json in ${directory}`);
  return ts.createProgram({ rootNames: config.fileNames, options: config.options });
}

function judge(directory: string, flow: FlowCheck): Judged {
  const program = programOf(directory);
  const files = program.getSourceFiles().filter((file) => !file.isDeclarationFile && file.fileName.startsWith(`${directory}/`));
  const findings = files.flatMap((file) => {
    const relativePath = path.relative(directory, file.fileName);
    return analyzeTypedSourceFile(program, file, { policy: RECOMMENDED_POLICY, relativePath }, flow).findings.map((finding) => `${relativePath}:${finding.start}-${finding.end} ${finding.ruleId} ${finding.message}`);
  });
  return { files: files.length, findings };
}

/** Findings that only the escape finder makes (a value handed where the types lose it, here or in an imported module). */
const isEscape = (line: string): boolean => line.includes('where the type checker loses it') || line.includes('where the types lose it');

describe('the gated flow check finds what the exhaustive one finds', () => {
  it('on every evasion fixture (fixtures/evasions/tsconfig.json, every red-team round)', () => {
    const directory = path.join(repoRoot, 'fixtures/evasions');
    const gated = judge(directory, 'gated');
    const exhaustive = judge(directory, 'exhaustive');
    expect(gated.files).toBeGreaterThan(1000);
    // The fixtures exercise the escape finder: a comparison of two empty lists would prove nothing.
    expect(exhaustive.findings.filter(isEscape).length).toBeGreaterThan(100);
    expect(gated.findings).toEqual(exhaustive.findings);
  }, 3_600_000);

  // The gates' own examples, each with siblings the gate must let through to the slot.
  const EXEC = "import { execSync } from 'node:child_process';\n";
  const CASES: Record<string, string> = {
    // A value whose type holds a capability: its slot is asked (structural widening).
    'held-argument.ts': `${EXEC}const keep = (value: unknown): void => { void value; };\nconst box = { run: execSync };\nkeep(box);`,
    'held-result.ts': `${EXEC}const wrap = <T>(value: T) => ({ value });\nexport const out: { value: unknown } = wrap(execSync);`,
    'held-spread.ts': `${EXEC}const box = { run: execSync };\nexport const out: Record<string, unknown> = { ...box };`,
    // A callback whose annotation loses what it is handed.
    'callback-unknown.ts': `${EXEC}[execSync].forEach((run: unknown) => { void run; });`,
    'callback-function.ts': `${EXEC}Promise.resolve(execSync).then((run: Function) => run);`,
    // A generic body that stores what an argument holds.
    'generic-store.ts': `${EXEC}const kept: unknown[] = [];\nfunction store<T>(value: T): void { kept.push(value); }\nstore({ run: execSync });`,
    // An argument inferred for a constrained type parameter (constrained-arguments.ts): the callee's signatures say whether to resolve the call.
    'constraint-function.ts': `${EXEC}const kept: unknown[] = [];\nfunction withRun<F extends (run: typeof execSync) => void>(cb: F): void { cb(execSync); }\nwithRun((run: unknown) => { kept.push(run); });`,
    'constraint-variable.ts': `${EXEC}const kept: unknown[] = [];\nconst withRuns = <F extends (run: typeof execSync) => void>(cbs: F[]): void => { for (const cb of cbs) cb(execSync); };\nwithRuns([(run: unknown) => { kept.push(run); }]);`,
    'constraint-instantiation.ts': `${EXEC}const kept: unknown[] = [];\nfunction withRun<F extends (run: typeof execSync) => void>(cb: F): void { cb(execSync); }\nconst wide = withRun<(run: unknown) => void>;\nwide((run: unknown) => { kept.push(run); });`,
    'constraint-class.ts': `${EXEC}const kept: unknown[] = [];\nclass Runner<F extends (run: typeof execSync) => void> {\n  constructor(readonly cb: F) {}\n}\nnew Runner((run: unknown) => { kept.push(run); }).cb(execSync);`,
    'constraint-super.ts': `${EXEC}const kept: unknown[] = [];\nclass Runner<F extends (run: typeof execSync) => void> {\n  constructor(readonly cb: F) {}\n}\nclass Wide extends Runner<(run: unknown) => void> {\n  constructor() {\n    super((run: unknown) => { kept.push(run); });\n  }\n}\nnew Wide().cb(execSync);`,
    // An implementation whose pairing with the declared type the checker lost (lost-pairings.ts), `this` and `arguments` (parameter-lists.ts).
    'lost-any.ts': `${EXEC}const kept: unknown[] = [];\ninterface Keeper { keep(run: typeof execSync): void }\nconst impl: any = { keep: (run: unknown) => { kept.push(run); } };\nconst keeper: Keeper = impl;\nkeeper.keep(execSync);`,
    'lost-assign.ts': `${EXEC}const kept: unknown[] = [];\ninterface Keeper { keep(run: typeof execSync): void }\nconst keeper: Keeper = { keep() {} };\nObject.assign(keeper, { keep: (run: unknown) => { kept.push(run); } });\nkeeper.keep(execSync);`,
    'this-unknown.ts': `${EXEC}const kept: unknown[] = [];\ninterface Keeper { keep(this: typeof execSync): void }\nconst keeper: Keeper = { keep(this: unknown) { kept.push(this); } };\nkeeper.keep.call(execSync);`,
    'this-argument.ts': `${EXEC}const kept: unknown[] = [];\nconst use = (keep: (this: typeof execSync) => void): void => keep.call(execSync);\nconst wide = function (this: unknown): void { kept.push(this); };\nuse(wide);`,
    'this-callback.ts': `${EXEC}const kept: unknown[] = [];\nconst use = (keep: (this: typeof execSync) => void): void => keep.call(execSync);\nuse(function (this: unknown): void { kept.push(this); });`,
    'arguments-alias.ts': `${EXEC}const kept: unknown[] = [];\nconst keep: (run: typeof execSync) => void = function (run: typeof execSync) { void run; const all = arguments; kept.push(all[0]); };\nkeep(execSync);`,
    // Nothing to find: the gates skip the slot, the findings stay empty.
    'plain-data.ts': `const keep = (value: unknown): void => { void value; };\nconst box = { n: 1 };\nkeep(box);\n[1, 2].forEach((n: unknown) => { void n; });\nfunction withPrint<F extends (text: string) => void>(cb: F): void { cb('x'); }\nwithPrint((text: unknown) => { void text; });\nfunction count(text: string): number { return arguments.length + text.length; }\ncount('x');`,
  };

  describe('the gates\' own examples', () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'tki-flow-gates-'));
    writeFileSync(path.join(directory, 'package.json'), '{ "type": "module" }');
    for (const [file, text] of Object.entries(CASES)) writeFileSync(path.join(directory, file), text);
    const names = Object.keys(CASES).map((file) => path.join(directory, file));
    // A program per mode, as above; each file's UNANALYZED findings.
    const judged = (flow: FlowCheck): Map<string, string[]> => {
      const program = ts.createProgram(names, TYPED_OPTIONS);
      return new Map(Object.keys(CASES).map((file) => {
        const facts = analyzeTypedSourceFile(program, program.getSourceFile(path.join(directory, file))!, { policy: RECOMMENDED_POLICY, relativePath: `lib/${file}` }, flow);
        return [file, facts.findings.filter((finding) => finding.capability === 'UNANALYZED').map((finding) => `${finding.start} ${finding.message}`)];
      }));
    };
    let gated = new Map<string, string[]>();
    let exhaustive = new Map<string, string[]>();
    beforeAll(() => {
      gated = judged('gated');
      exhaustive = judged('exhaustive');
    }, 600_000);
    afterAll(() => rmSync(directory, { recursive: true, force: true }));

    it.each(Object.keys(CASES))('%s: the same findings gated and exhaustive', (file) => {
      expect(gated.get(file)).toEqual(exhaustive.get(file));
      expect((exhaustive.get(file) ?? []).length > 0).toBe(file !== 'plain-data.ts');
    });
  });
});

const requested = (process.env['TKI_FLOW_DIFFERENTIAL'] ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');

describe.runIf(requested.length > 0)('the gated flow check on the bench projects (TKI_FLOW_DIFFERENTIAL)', () => {
  it.each(requested)('%s: the same findings gated and exhaustive', (name) => {
    const directory = path.join(repoRoot, '.tki-cache/bench', name);
    if (!existsSync(path.join(directory, 'tsconfig.json'))) throw new Error(`${directory} has no copy: run the bench (bench/guard-typed.ts) first`);
    const gated = judge(directory, 'gated');
    const exhaustive = judge(directory, 'exhaustive');
    expect(gated.files).toBe(exhaustive.files);
    expect(gated.findings).toEqual(exhaustive.findings);
  }, 3_600_000);
});
