import { Parser } from 'commonmark';

/** What a reader of report.md sees, per CommonMark: visible text and the structure around it. */
export interface MarkdownView {
  readonly text: string;
  readonly headings: number;
  readonly links: number;
  readonly images: number;
  readonly html: number;
}

export function viewMarkdown(markdown: string): MarkdownView {
  const tree = new Parser().parse(markdown);
  const walker = tree.walker();
  let text = '';
  let headings = 0;
  let links = 0;
  let images = 0;
  let html = 0;
  for (let event = walker.next(); event !== null; event = walker.next()) {
    if (!event.entering) continue;
    const node = event.node;
    switch (node.type) {
      case 'text':
      case 'code':
        text += node.literal ?? '';
        break;
      case 'code_block':
        text += node.literal ?? '';
        break;
      case 'softbreak':
      case 'linebreak':
        text += '\n';
        break;
      case 'heading':
        headings += 1;
        break;
      case 'link':
        links += 1;
        break;
      case 'image':
        images += 1;
        break;
      case 'html_inline':
      case 'html_block':
        html += 1;
        break;
      default:
        break;
    }
  }
  return { text, headings, links, images, html };
}

/** Table rows whose count of unescaped pipes (outside code spans) differs from the header row's. */
export function brokenTableRows(markdown: string): string[] {
  const broken: string[] = [];
  let expected: number | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      expected = undefined;
      continue;
    }
    const pipes = countCellPipes(line);
    if (expected === undefined) expected = pipes;
    else if (pipes !== expected) broken.push(line);
  }
  return broken;
}

function countCellPipes(line: string): number {
  // GFM: a pipe splits cells unless backslash-escaped; code spans do NOT protect pipes in GFM tables.
  let count = 0;
  for (let index = 0; index < line.length; index += 1) {
    if (line[index] === '\\') {
      index += 1;
      continue;
    }
    if (line[index] === '|') count += 1;
  }
  return count;
}

/** Raw characters a terminal or renderer would act on instead of showing. */
export const RAW_INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/u;
