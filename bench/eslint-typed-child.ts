import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../eslint-plugin-tki/index.js';

/**
 * One ESLint run in a process of its own (typescript-eslint's project service lives for the
 * process, so two configurations in one process would share it): `node eslint-typed-child.js
 * DIR plugin|baseline EXT`. Both configurations use the same parser and `projectService`; the
 * baseline runs one cheap typed rule, the other the tki plugin, whose rules then run typed.
 */
const [directory, mode, extension] = process.argv.slice(2);
if (directory === undefined || (mode !== 'plugin' && mode !== 'baseline') || extension === undefined) {
  process.stderr.write('usage: eslint-typed-child DIR plugin|baseline EXT\n');
  process.exit(2);
}
const files = [`**/*.${extension}`];
const parsing: Linter.Config = {
  files,
  languageOptions: { parser: tseslint.parser as Linter.Parser, parserOptions: { projectService: true, tsconfigRootDir: directory } },
};
const rules: Linter.Config =
  mode === 'plugin'
    ? { files, ...(plugin.configs.recommended as Linter.Config) }
    : { files, plugins: { '@typescript-eslint': tseslint.plugin as never }, rules: { '@typescript-eslint/no-for-in-array': 'error' } };
const eslint = new ESLint({ cwd: directory, overrideConfigFile: true, overrideConfig: [parsing, rules], ignore: false });
const results = await eslint.lintFiles(files);
const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal === true));
process.stdout.write(`${JSON.stringify({ files: results.length, messages: results.reduce((sum, result) => sum + result.messages.length, 0), fatal: fatal.length })}\n`);
