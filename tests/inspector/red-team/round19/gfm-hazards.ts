/**
 * GFM structure a Markdown line holds that CommonMark (the `commonmark` reference reader) does not
 * know, outside code spans: strikethrough (`~`), extended `www.`/`http://` autolinks and e-mail
 * autolinks. GitHub renders report.md as GFM, so a packet value must bring none of them.
 */
export function gfmHazards(line: string): string[] {
  const outsideCode = line.replace(/(`+)[\s\S]*?\1/g, ' ');
  const hazards: string[] = [];
  if (/(^|[^\\])(\\\\)*~/.test(outsideCode)) hazards.push('an unescaped ~ (strikethrough)');
  if (/(^|[\s*_~(])www\.[A-Za-z0-9-]+\.[A-Za-z]/.test(outsideCode)) hazards.push('a www. autolink');
  if (/https?:\/\/[A-Za-z0-9]/.test(outsideCode)) hazards.push('an http autolink');
  if (/[A-Za-z0-9._+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2}/.test(outsideCode)) hazards.push('an e-mail autolink');
  return hazards;
}

/** Characters a reader does not see when written raw: controls, format and default-ignorable code points, separators. */
export const INVISIBLE_WHEN_RAW = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}\u3164\uFFA0\u115F\u1160]/u;
