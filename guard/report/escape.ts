/**
 * Control characters from scanned files or paths are shown escaped, so a crafted file name or
 * message cannot move the cursor or rewrite a CI log line.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
