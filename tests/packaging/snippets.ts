import { readFileSync } from 'node:fs';

/** One step of a document: a file to write, or a command to run with the exit code it states. */
export type Step =
  | { readonly kind: 'file'; readonly path: string; readonly text: string }
  | { readonly kind: 'command'; readonly command: string; readonly comment: string; readonly exitCode: number | undefined };

const FENCE = /^```(\w+)(?:[ \t]+(\S+))?\n([\s\S]*?)^```$/gm;

/**
 * The steps of one section (from `## title` to the next `## `): a fenced block whose info string
 * names a file (```js eslint.config.mjs) is that file; a `sh` block is commands, one a line, each
 * with what its `# exit N: …` comment states. Other blocks are prose.
 */
export function stepsOf(markdownFile: string, sectionTitle: string | undefined): Step[] {
  let text = readFileSync(markdownFile, 'utf8');
  if (sectionTitle !== undefined) {
    const start = text.indexOf(`\n## ${sectionTitle}\n`);
    if (start < 0) throw new Error(`${markdownFile} has no section "## ${sectionTitle}"`);
    const end = text.indexOf('\n## ', start + 1);
    text = text.slice(start, end < 0 ? undefined : end);
  }
  const steps: Step[] = [];
  for (const [, language, file, body = ''] of text.matchAll(FENCE)) {
    if (file !== undefined) {
      steps.push({ kind: 'file', path: file, text: body });
    } else if (language === 'sh') {
      for (const line of body.split('\n')) {
        const hash = line.search(/\s#\s/);
        const command = (hash < 0 ? line : line.slice(0, hash)).trim();
        if (command === '') continue;
        const comment = hash < 0 ? '' : line.slice(hash).replace(/^\s*#\s*/, '');
        const exit = /^exit (\d+)/.exec(comment)?.[1];
        steps.push({ kind: 'command', command, comment, exitCode: exit === undefined ? undefined : Number(exit) });
      }
    }
  }
  return steps;
}
