/**
 * The lexical half of "content_file stays inside the packet directory" (SPEC §2): a relative
 * POSIX path with no `..` segment. The read edge adds the filesystem half (symlinks, file type).
 * Returns the reason when the path is refused.
 */
export function contentPathProblem(relativePath: string): string | undefined {
  if (relativePath === '') return 'empty path';
  if (relativePath.includes('\0')) return 'NUL byte in path';
  if (relativePath.includes('\\')) return 'backslash in path';
  if (relativePath.startsWith('/') || /^[A-Za-z]:/.test(relativePath) || relativePath.startsWith('~')) return 'absolute path';
  // A URL is a live reference (a KB API, a database): the inspector reads only the packet.
  if (/^[a-z][a-z0-9+.-]*:/i.test(relativePath)) return 'a URL or live reference, never fetched';
  const segments = relativePath.split('/');
  if (segments.includes('..')) return '`..` segment';
  if (segments.every((segment) => segment === '' || segment === '.')) return 'names the packet directory itself';
  return undefined;
}
