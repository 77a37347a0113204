/** `..` as a whole segment: at the start, between slashes, or at the end. */
const PARENT_SEGMENT = /(?:^|\/)\.\.(?:\/|$)/;
/** Nothing but empty and `.` segments: the packet directory itself. */
const ONLY_CURRENT_DIRECTORY = /^(?:\.?\/)*\.?$/;
const DRIVE_LETTER = /^[A-Za-z]:/;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The lexical half of "content_file stays inside the packet directory" (SPEC §2): a relative
 * POSIX path with no `..` segment. The read edge adds the filesystem half (symlinks, file type).
 * Returns the reason when the path is refused. Runs once per item, so it scans with a few
 * anchored tests instead of splitting the path.
 */
export function contentPathProblem(relativePath: string): string | undefined {
  if (relativePath === '') return 'empty path';
  if (relativePath.includes('\0')) return 'NUL byte in path';
  if (relativePath.includes('\\')) return 'backslash in path';
  if (relativePath.startsWith('/') || relativePath.startsWith('~')) return 'absolute path';
  if (relativePath.includes(':')) {
    if (DRIVE_LETTER.test(relativePath)) return 'absolute path';
    // A URL is a live reference (a KB API, a database): the inspector reads only the packet.
    if (URL_SCHEME.test(relativePath)) return 'a URL or live reference, never fetched';
  }
  if (relativePath.includes('..') && PARENT_SEGMENT.test(relativePath)) return '`..` segment';
  if (ONLY_CURRENT_DIRECTORY.test(relativePath)) return 'names the packet directory itself';
  return undefined;
}
