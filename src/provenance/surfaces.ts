/**
 * Surface names. A governed surface is a name such as `kb` or `pg:dot_tools`; a local path in
 * its place (SPEC §2: "local-first authority") is never evidence, whatever allowed_surfaces says.
 */
const LOCAL_SURFACE = /^(?:\/|\.{1,2}(?:\/|\\|$)|~|(?:file|sqlite3?|duckdb|jar|unix):|[A-Za-z]:|\\|local(?:host)?(?:[:/]|$))/i;

export function isLocalSurface(surface: string): boolean {
  return LOCAL_SURFACE.test(surface.trim());
}

/**
 * A live reference instead of an exported one: a network or database address (`postgresql://…`,
 * `https://kb…`). The packet must carry what was observed; a live address is never followed, and
 * relying on one is unsafe access (SPEC §7 rows 34–35). Only network schemes count, so an
 * exporter's own identifier scheme such as `kb://policies/x.md` stays a plain name.
 */
const LIVE_SCHEMES =
  'https?|wss?|ftps?|sftp|scp|ssh|telnet|git|svn|smb|cifs|nfs|dav|webdavs?|tcp|udp|postgres(?:ql)?|pg|mysql|mariadb|mongodb(?:\\+srv)?|rediss?|memcached?|amqps?|mqtts?|kafka|nats|sqlserver|mssql|oracle|db2|ldaps?|grpcs?|cassandra|couchdb|couchbase|neo4j|bolt|elasticsearch|opensearch|clickhouse|snowflake|bigquery|cockroachdb|s3[an]?|gs|gcs|az|abfss?|wasbs?|adls|hdfs|webhdfs|swift|minio|jdbc:[a-z0-9]+|odbc';

/**
 * A network scheme with one slash, two or none (`http:/kb`, `http:kb` are read as addresses by
 * lenient clients); an IPv4 or bracketed IPv6 address with or without a port; a `host:port`.
 * `pg:dot_tools` (a governed name) has no slash after `pg:` and no port, so it stays a name.
 */
const LIVE_REFERENCE = new RegExp(`^(?:(?:${LIVE_SCHEMES}):\\/|(?:${LIVE_SCHEMES.replace('|pg|', '|')}):(?!$)|\\d{1,3}(?:\\.\\d{1,3}){3}(?:[:/]|$)|\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+:\\d{2,5}(?:\\/|$))`, 'i');

export function isLiveReference(value: string): boolean {
  return LIVE_REFERENCE.test(value.trim());
}

/** The two corpora that SPEC §4 forbids joining. */
export const CORPORA = ['TAC', 'IU'] as const;
export type Corpus = (typeof CORPORA)[number];

/** A surface belongs to a corpus when one of its name tokens is the corpus name (`pg:tac_corpus` → TAC). */
export function corpusOf(surface: string): Corpus | undefined {
  const tokens = surface.toLowerCase().split(/[^a-z0-9]+/);
  return CORPORA.find((corpus) => tokens.includes(corpus.toLowerCase()));
}

/** Every corpus named by a surface expression such as `pg:tac+iu` (a joined surface names both). */
export function corporaNamedBy(surface: string): Corpus[] {
  const tokens = surface.toLowerCase().split(/[^a-z0-9]+/);
  return CORPORA.filter((corpus) => tokens.includes(corpus.toLowerCase()));
}
