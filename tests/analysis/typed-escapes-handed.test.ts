import { afterAll, describe, expect, it } from 'vitest';
import type { FileFacts } from '../../analysis/syntax/index.js';
import { policyConfigSchema } from '../../policy/schema.js';
import ts from 'typescript';
import { TYPED_OPTIONS, typedProject } from './typed-program.js';

/**
 * A capability handed to a lossy slot through a position that moves or hides the argument
 * (red-team round 9, `grant9-*`): `f.call`/`f.apply`/`f.bind`, a spread array literal, a tagged
 * template's substitution, a JSX attribute, a binding or parameter default, a callback parameter
 * annotated wider than what its caller hands it, and `Reflect.get(ns, 'member')`.
 */
const PROVIDER_GRANTED = policyConfigSchema.parse({ grants: [{ files: ['lib/p-*.ts', 'lib/p-*.tsx', 'lib/ok-*.ts', 'lib/ok-*.tsx'], capabilities: ['EXEC'], reason: 'the provider holds it on purpose' }] });
const EXEC = "import { execSync } from 'node:child_process';\nimport { keep, keepBoth, tag, Keep, h } from './bag.js';\n";
const LOCAL = "import { keep, keepBoth, tag, Keep, h } from './bag.js';\nconst execSync = (command: string): string => command;\n";

const SHAPES: Record<string, string> = {
  'bind-bound-argument': 'keep.bind(undefined, execSync)();',
  'bind-second-argument': "keepBoth.bind(undefined, 'x', execSync)();",
  'call-method': 'keep.call(undefined, execSync);',
  'apply-list': 'keep.apply(undefined, [execSync]);',
  'spread-tuple-argument': 'keep(...([execSync] as const));',
  'spread-after-argument': "keepBoth('x', ...[execSync]);",
  'tagged-template': 'tag`${execSync}`;',
  'destructuring-default': 'export const { run: tool = execSync }: { run?: Function } = {};',
  'parameter-default': 'export function later(f: Function = execSync): void {\n  keep(f);\n}',
  'callback-then': 'await Promise.resolve(execSync).then((f: Function) => keep(f));',
  'callback-foreach-object': 'export const stash: object[] = [];\n[execSync].forEach((f: object) => stash.push(f));',
  'callback-function-expression': '[execSync].map(function (f: unknown) {\n  return keep(f as Function);\n});',
};

const JSX = '/** @jsx h */\n';

const FILES: Record<string, string> = {
  'bag.ts': [
    'export const bag: { run?: unknown } = {};',
    'export function keep(f: Function): void {\n  bag.run = f;\n}',
    'export function keepBoth(label: string, f: Function): void {\n  bag.run = [label, f];\n}',
    'export function tag(strings: TemplateStringsArray, ...values: unknown[]): void {\n  bag.run = values[0];\n}',
    'export function h(component: (props: never) => unknown, props: unknown): unknown {\n  return (component as (p: unknown) => unknown)(props);\n}',
    'export namespace h {\n  export namespace JSX {\n    export type Element = unknown;\n    export interface IntrinsicElements {}\n  }\n}',
    'export function Keep(props: { run: Function }): unknown {\n  bag.run = props.run;\n  return null;\n}',
  ].join('\n'),
  'p-jsx-attribute.tsx': `${JSX}${EXEC}export const element = <Keep run={execSync} />;`,
  'ok-jsx-attribute.tsx': `${JSX}${LOCAL}export const element = <Keep run={execSync} />;`,
  'p-reflect-get-namespace.ts': "import * as cp from 'node:child_process';\nexport const tool: Function = Reflect.get(cp, 'execSync');",
  'ok-reflect-get-local.ts': "const helpers = { execSync: (command: string): string => command };\nexport const tool: Function = Reflect.get(helpers, 'execSync');",
  // The value's own type in the slot, and data only: nothing is lost.
  'ok-call-own-type.ts': `${EXEC}export function mine(f: typeof execSync): string {\n  return String(f('id'));\n}\nmine.call(undefined, execSync);\nmine.bind(undefined, execSync)();\nmine(...([execSync] as const));`,
  'ok-callback-unannotated.ts': `${EXEC}await Promise.resolve(execSync).then((f) => f('id'));\n[execSync].forEach((f: typeof execSync) => f('id'));`,
  'ok-callback-data.ts': `${EXEC}[String(execSync('id'))].forEach((line: unknown) => console.log(line));\nkeep.call(undefined, String);`,
  'ok-reflect-get-data.ts': "import * as cp from 'node:child_process';\nexport const name: unknown = Reflect.get(cp.execSync, 'name');",
};
for (const [name, body] of Object.entries(SHAPES)) {
  FILES[`p-${name}.ts`] = `${EXEC}${body}`;
  FILES[`ok-${name}.ts`] = `${LOCAL}${body}`;
}

// Classic JSX runtime (`/** @jsx h */`): the attribute is the component's prop.
const project = typedProject(FILES, { ...TYPED_OPTIONS, jsx: ts.JsxEmit.React });
afterAll(() => project.dispose());

const unanalyzed = (facts: FileFacts): string[] => facts.findings.filter((finding) => finding.capability === 'UNANALYZED').map((finding) => finding.message);
const escapes = Object.keys(FILES).filter((file) => file.startsWith('p-'));
const lookalikes = Object.keys(FILES).filter((file) => file.startsWith('ok-'));

describe('a capability handed on through a position that moves or hides the argument', () => {
  it.each(escapes)('%s: UNANALYZED at the hand-off, naming the capability', (file) => {
    const messages = unanalyzed(project.typed(file, PROVIDER_GRANTED));
    expect(messages.length, messages.join('\n')).toBeGreaterThan(0);
    expect(messages.join('\n')).toMatch(/reaches EXEC/);
  });

  it.each(lookalikes)('%s: no finding', (file) => {
    expect(project.typed(file, PROVIDER_GRANTED).findings.map((finding) => finding.message)).toEqual([]);
  });
});
