import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileFacts } from '../../analysis/syntax/index.js';
import { analyzeTypedSourceFile, type FlowCheck } from '../../analysis/typed/index.js';
import { policyConfigSchema } from '../../policy/schema.js';
import { TYPED_OPTIONS, typedProject } from './typed-program.js';

/**
 * Red-team round 17 (issue #10, `grant17-construct-signature`, `-property`, `abstract-construct-signature`,
 * `reflect-construct-signature`): a capability handed through a construct signature (`new (run: typeof
 * execSync) => object`) to a class whose constructor takes it wider. Choice 68's pairing of an
 * implementation with the declared type covered call signatures only; a class meets a construct signature
 * wherever it is written into one (an annotated initializer, a property, an argument, a return, a cast,
 * an `any` variable, a constrained type parameter), whichever way it is then built (`new`,
 * `Reflect.construct`, `super(…)`, a mixin's `class extends B`). Each row's shape, siblings, and the same
 * shapes exactly typed or handing only data (clean).
 */
const GRANTED = policyConfigSchema.parse({ grants: [{ files: ['lib/p-*.ts', 'lib/ok-*.ts'], capabilities: ['EXEC'], reason: 'the provider holds it on purpose' }] });
const EXEC = "import { execSync } from 'node:child_process';\nexport const kept: unknown[] = [];\n";
const MAKER = 'type BoxMaker = new (run: typeof execSync) => object;\n';
const WIDE_BOX = 'class Box {\n  constructor(run: unknown) {\n    kept.push(run);\n  }\n}\n';
const EXACT_BOX = 'class Box {\n  constructor(run: typeof execSync) {\n    void run;\n  }\n}\n';
const WIDE_CLASS = 'class {\n    constructor(run: unknown) {\n      kept.push(run);\n    }\n  }';
const MIX = 'function mix<T>(B: new (...a: any[]) => T) {\n  return class extends B {};\n}\n';

const ESCAPES: Record<string, string> = {
  // grant17-construct-signature and siblings: the class written into the construct signature's slot.
  'p-interface-construct.ts': `${EXEC}interface BoxMaker {\n  new (run: typeof execSync): object;\n}\n${WIDE_BOX}const Maker: BoxMaker = Box;\nnew Maker(execSync);`,
  'p-alias-construct.ts': `${EXEC}${MAKER}${WIDE_BOX}const Maker: BoxMaker = Box;\nnew Maker(execSync);`,
  'p-argument-construct.ts': `${EXEC}${MAKER}${WIDE_BOX}function build(Maker: BoxMaker): object {\n  return new Maker(execSync);\n}\nbuild(Box);`,
  'p-return-construct.ts': `${EXEC}${MAKER}${WIDE_BOX}function maker(): BoxMaker {\n  return Box;\n}\nnew (maker())(execSync);`,
  'p-subclass-construct.ts': `${EXEC}${MAKER}${WIDE_BOX}class Made extends Box {}\nconst Maker: BoxMaker = Made;\nnew Maker(execSync);`,
  'p-arguments-construct.ts': `${EXEC}${MAKER}class Box {\n  constructor() {\n    kept.push(arguments[0]);\n  }\n}\nconst Maker: BoxMaker = Box;\nnew Maker(execSync);`,
  // grant17-construct-signature-property and siblings: a class expression where a construct signature is expected.
  'p-property-class-expression.ts': `${EXEC}interface Kit {\n  Maker: new (run: typeof execSync) => object;\n}\nconst kit: Kit = {\n  Maker: ${WIDE_CLASS},\n};\nnew kit.Maker(execSync);`,
  'p-argument-class-expression.ts': `${EXEC}${MAKER}function build(Maker: BoxMaker): object {\n  return new Maker(execSync);\n}\nbuild(${WIDE_CLASS});`,
  'p-property-class-expression-base.ts': `${EXEC}${WIDE_BOX}interface Kit {\n  Maker: new (run: typeof execSync) => object;\n}\nconst kit: Kit = { Maker: class extends Box {} };\nnew kit.Maker(execSync);`,
  // grant17-abstract-construct-signature and siblings: `abstract new`, built through a subclass's `super(…)`.
  'p-abstract-construct.ts': `${EXEC}type BoxMaker = abstract new (run: typeof execSync) => object;\nabstract ${WIDE_BOX}const Maker: BoxMaker = Box;\nclass Made extends Maker {}\nnew Made(execSync);`,
  'p-super-construct.ts': `${EXEC}${MAKER}${WIDE_BOX}const Maker: BoxMaker = Box;\nclass Made extends Maker {\n  constructor() {\n    super(execSync);\n  }\n}\nnew Made();`,
  'p-mixin-super-construct.ts': `${EXEC}${MAKER}${WIDE_BOX}const withRun = (B: BoxMaker) =>\n  class extends B {\n    constructor() {\n      super(execSync);\n    }\n  };\nnew (withRun(Box))();`,
  // grant17-reflect-construct-signature and siblings.
  'p-reflect-construct.ts': `${EXEC}${MAKER}${WIDE_BOX}const Maker: BoxMaker = Box;\nReflect.construct(Maker, [execSync]);`,
  'p-reflect-construct-argument.ts': `${EXEC}${MAKER}${WIDE_BOX}function build(Maker: BoxMaker): object {\n  return Reflect.construct(Maker, [execSync]);\n}\nbuild(Box);`,
  // The pairing lost on the way (choice 68's paths): a cast, an `any` variable, a constrained type parameter, a mixin.
  'p-cast-construct.ts': `${EXEC}${MAKER}${WIDE_BOX}const Maker = Box as unknown as BoxMaker;\nnew Maker(execSync);`,
  'p-any-construct.ts': `${EXEC}${MAKER}const impl: any = ${WIDE_CLASS};\nconst Maker: BoxMaker = impl;\nnew Maker(execSync);`,
  'p-constrained-mixin.ts': `${EXEC}${MAKER}${WIDE_BOX}function withRun<B extends BoxMaker>(Base: B) {\n  return class extends Base {};\n}\nconst Made = withRun(Box);\nnew Made(execSync);`,
  'p-generic-mixin-written.ts': `${EXEC}${MAKER}${WIDE_BOX}${MIX}const Maker: BoxMaker = mix(Box);\nnew Maker(execSync);`,
};

const LOOKALIKES: Record<string, string> = {
  // The same shapes with a constructor exactly typed.
  'ok-alias-construct-exact.ts': `${EXEC}${MAKER}${EXACT_BOX}const Maker: BoxMaker = Box;\nnew Maker(execSync);`,
  'ok-property-class-expression-exact.ts': `${EXEC}interface Kit {\n  Maker: new (run: typeof execSync) => object;\n}\nconst kit: Kit = { Maker: class {\n  constructor(run: typeof execSync) {\n    void run;\n  }\n} };\nnew kit.Maker(execSync);`,
  'ok-cast-construct-exact.ts': `${EXEC}${MAKER}${EXACT_BOX}const Maker = Box as unknown as BoxMaker;\nnew Maker(execSync);`,
  'ok-reflect-construct-exact.ts': `${EXEC}${MAKER}${EXACT_BOX}const Maker: BoxMaker = Box;\nReflect.construct(Maker, [execSync]);`,
  // A construct signature whose parameters carry no capability: an `unknown` constructor loses nothing.
  'ok-construct-data.ts': `export const kept: unknown[] = [];\ntype BoxMaker = new (text: string, count: number) => object;\n${WIDE_BOX}const Maker: BoxMaker = Box;\nnew Maker('x', 1);\nReflect.construct(Maker, ['y', 2]);`,
  'ok-class-expression-data.ts': `export const kept: unknown[] = [];\ninterface Kit {\n  Maker: new (text: string) => object;\n}\nconst kit: Kit = { Maker: ${WIDE_CLASS} };\nnew kit.Maker('x');`,
  'ok-abstract-construct-data.ts': `export const kept: unknown[] = [];\ntype BoxMaker = abstract new (text: string) => object;\nabstract ${WIDE_BOX}const Maker: BoxMaker = Box;\nclass Made extends Maker {}\nnew Made('x');`,
  // A class with no constructor of its own and no base takes no argument.
  'ok-no-constructor.ts': `${EXEC}${MAKER}class Box {\n  readonly made = true;\n}\nconst Maker: BoxMaker = Box;\nnew Maker(execSync);`,
};

const project = typedProject({ ...ESCAPES, ...LOOKALIKES });
afterAll(() => project.dispose());

const unanalyzed = (facts: FileFacts): string[] => facts.findings.filter((finding) => finding.capability === 'UNANALYZED').map((finding) => finding.message);

describe('a capability handed through a construct signature to a constructor that takes it wider', () => {
  it.each(Object.keys(ESCAPES))('%s: UNANALYZED, naming the capability', (file) => {
    expect(unanalyzed(project.typed(file, GRANTED)).join('\n')).toMatch(/reaches EXEC/);
  });

  it.each(Object.keys(LOOKALIKES))('%s: no hand-off', (file) => {
    expect(unanalyzed(project.typed(file, GRANTED))).toEqual([]);
  });
});

describe('the gated flow check finds what the exhaustive one finds (tests/analysis/typed-flow-gates.test.ts)', () => {
  it('on every construct-signature file above, each mode in a program of its own', () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'tki-construct-gates-'));
    try {
      writeFileSync(path.join(directory, 'package.json'), '{ "type": "module" }');
      const files = { ...ESCAPES, ...LOOKALIKES };
      for (const [file, text] of Object.entries(files)) writeFileSync(path.join(directory, file), text);
      const judged = (flow: FlowCheck): string[] => {
        const program = ts.createProgram(Object.keys(files).map((file) => path.join(directory, file)), TYPED_OPTIONS);
        return Object.keys(files).flatMap((file) => analyzeTypedSourceFile(program, program.getSourceFile(path.join(directory, file))!, { policy: GRANTED, relativePath: `lib/${file}` }, flow)
          .findings.map((finding) => `${file}:${finding.start} ${finding.ruleId} ${finding.message}`));
      };
      const exhaustive = judged('exhaustive');
      expect(exhaustive.filter((line) => line.includes('reaches EXEC')).length).toBeGreaterThanOrEqual(Object.keys(ESCAPES).length);
      expect(judged('gated')).toEqual(exhaustive);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 600_000);
});
