import type { PacketItem } from '../packet/schema.js';
import type { EvidenceClass, ItemKind } from '../vocabulary.js';

/**
 * SPEC §3: an item's evidence class is derived from its kind, path and media type — a class the
 * packet asserts is never trusted (the schema has no field for one). Content-bearing kinds add
 * classes by what the artifact is: a `.md` is prose, a `.py` an executable artifact.
 */
const EXECUTABLE_EXTENSIONS = ['.py', '.sh', '.bash', '.zsh', '.js', '.mjs', '.cjs', '.ts', '.rb', '.pl', '.php', '.ps1', '.bat', '.cmd', '.exe', '.bin', '.jar', '.elf', '.appimage'];
const EXECUTABLE_MEDIA_TYPES = [
  'text/x-python',
  'text/x-script.python',
  'application/x-python-code',
  'text/x-shellscript',
  'application/x-sh',
  'text/javascript',
  'application/javascript',
  'application/x-executable',
  'application/x-elf',
  'application/java-archive',
];
const PROSE_EXTENSIONS = ['.md', '.markdown', '.txt', '.rst', '.adoc', '.html', '.htm'];
const PROSE_MEDIA_TYPES = ['text/markdown', 'text/x-markdown', 'text/plain', 'text/html', 'text/x-rst', 'text/asciidoc'];
const TEST_REPORT_MEDIA_TYPES = ['application/junit+xml', 'application/vnd.test-report+json'];
const TEST_REPORT_PATH = /(?:^|[/_.-])(?:junit|test-report|test-results|testreport)(?:[/_.-]|$)/i;
const CI_PATH = /(?:^|\/)(?:ci|\.github|\.gitlab-ci|pipelines)(?:\/|$)/i;

function baseMediaType(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot);
}

export function isExecutablePath(path: string): boolean {
  return EXECUTABLE_EXTENSIONS.includes(extensionOf(path));
}

function isExecutable(item: PacketItem): boolean {
  return (item.path !== undefined && isExecutablePath(item.path)) || EXECUTABLE_MEDIA_TYPES.includes(baseMediaType(item.media_type));
}

function isProse(item: PacketItem): boolean {
  return (item.path !== undefined && PROSE_EXTENSIONS.includes(extensionOf(item.path))) || PROSE_MEDIA_TYPES.includes(baseMediaType(item.media_type));
}

function isTestReport(item: PacketItem): boolean {
  return TEST_REPORT_MEDIA_TYPES.includes(baseMediaType(item.media_type)) || (item.path !== undefined && TEST_REPORT_PATH.test(item.path));
}

function isCiRecord(item: PacketItem): boolean {
  return item.path !== undefined && CI_PATH.test(item.path);
}

const BASE_CLASSES: Readonly<Record<ItemKind, readonly EvidenceClass[]>> = {
  KB_DOCUMENT: ['CONTENT_EVIDENCE'],
  ARTIFACT_LISTING: ['ARTIFACT_EXISTENCE_EVIDENCE'],
  ARTIFACT_CONTENT: ['CONTENT_EVIDENCE'],
  RUN_LOG: ['LOG'],
  EXIT_CODE_RECORD: ['EXIT_CODE'],
  RUN_LEDGER_ENTRY: ['RUN_LEDGER'],
  HASH_PIN: ['HASH_EVIDENCE'],
  QUERY_RESULT: ['COUNT_EVIDENCE'],
  APPROVAL_RECORD: ['APPROVAL_RECORD'],
};

export function deriveEvidenceClasses(item: PacketItem): EvidenceClass[] {
  const classes = new Set<EvidenceClass>(BASE_CLASSES[item.kind]);
  const contentBearing = item.kind === 'KB_DOCUMENT' || item.kind === 'ARTIFACT_CONTENT';
  // Iron law: an artifact that resolves proves that it exists — nothing more.
  if (contentBearing && item.path !== undefined) classes.add('ARTIFACT_EXISTENCE_EVIDENCE');
  if (contentBearing && isExecutable(item)) classes.add('EXECUTABLE_ARTIFACT');
  if (contentBearing && (isProse(item) || (item.kind === 'KB_DOCUMENT' && !isExecutable(item)))) classes.add('PROSE');
  if (contentBearing && isTestReport(item)) classes.add('TEST_REPORT');
  if ((item.kind === 'RUN_LOG' || item.kind === 'RUN_LEDGER_ENTRY') && isCiRecord(item)) classes.add('CI_RUN_RECORD');
  return [...classes];
}
