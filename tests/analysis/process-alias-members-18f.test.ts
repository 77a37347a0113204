import { afterAll, describe, expect, it } from 'vitest';
import { capabilitiesOf, typedProject } from './typed-program.js';

/**
 * Round 17 (alias17, docs/choices.md 57 and 77): members of `process` read through an alias are judged
 * by the members read, as direct reads are: a declared object pattern of the alias or of a local
 * function's parameter reads its keys, and the typed mode does not call `process` handed to that
 * parameter (typed `any`) a lost hand-off. A rest element, a nested pattern, a computed key or the
 * alias handed on stay UNANALYZED.
 */
const FILES: Record<string, string> = {
  // Look-alikes (benign).
  'destructured-pid.cjs': "const p = process;\nconst { pid, arch } = p;\nconsole.log('clean', pid > 0, typeof arch);\n",
  'function-reads-pid.cjs': "function look(p) {\n  return p.pid > 0;\n}\nconsole.log('clean', look(process));\n",
  'function-destructures-pid.cjs': "function look(p) {\n  const { pid, platform: os } = p;\n  return pid > 0 && os !== '';\n}\nconsole.log(look(process));\n",
  'destructured-string-key.cjs': "const p = process;\nconst { ['pid']: id } = p;\nconsole.log(id);\n",
  // The evasions next to them.
  'destructured-env.cjs': "const p = process;\nconst { env } = p;\nconsole.log(env.PATH);\n",
  'function-reads-env.cjs': 'function look(p) {\n  return p.env.PATH;\n}\nconsole.log(look(process));\n',
  'function-destructures-env.cjs': 'function look(p) {\n  const { env } = p;\n  return env.PATH;\n}\nconsole.log(look(process));\n',
  'alias-rest.cjs': 'const p = process;\nconst { pid, ...rest } = p;\nconsole.log(pid, rest.env.PATH);\n',
  'function-rest.cjs': 'function look(p) {\n  const { pid, ...rest } = p;\n  return pid > 0 ? rest.env.PATH : undefined;\n}\nconsole.log(look(process));\n',
  'alias-computed-key.cjs': "const p = process;\nconst key = ['e', 'nv'].join('') + String(Date.now()).slice(0, 0);\nconst { [key]: value } = p;\nconsole.log(value);\n",
  'function-hands-on.cjs': 'function look(p) {\n  const { pid } = p;\n  return other(p) + pid;\n}\nfunction other(q) {\n  return q.env.PATH;\n}\nconsole.log(look(process));\n',
  'alias-assignment-pattern.cjs': 'const p = process;\nlet env;\n({ env } = p);\nconsole.log(env.PATH);\n',
};

const project = typedProject(FILES);
afterAll(() => project.dispose());
const MODES = ['typed', 'syntactic'] as const;

describe('members of process read through an alias or a parameter are judged by the members read', () => {
  for (const mode of MODES) {
    it.each(['destructured-pid.cjs', 'function-reads-pid.cjs', 'function-destructures-pid.cjs', 'destructured-string-key.cjs'])(`${mode}: %s reads data members only: clean`, (file) => {
      expect(project[mode](file).findings).toEqual([]);
    });
    it.each(['destructured-env.cjs', 'function-reads-env.cjs', 'function-destructures-env.cjs'])(`${mode}: %s reads env: ENV, and nothing is UNANALYZED`, (file) => {
      expect(capabilitiesOf(project[mode](file))).toEqual(['ENV']);
    });
  }
});

describe('what is no read of a written key stays UNANALYZED', () => {
  for (const mode of MODES) {
    it.each(['alias-rest.cjs', 'function-rest.cjs', 'alias-computed-key.cjs', 'function-hands-on.cjs', 'alias-assignment-pattern.cjs'])(`${mode}: %s`, (file) => {
      expect(capabilitiesOf(project[mode](file))).toContain('UNANALYZED');
    });
  }
});
