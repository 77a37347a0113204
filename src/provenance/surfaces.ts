/**
 * Surface names. A governed surface is a name such as `kb` or `pg:dot_tools`; a local path in
 * its place (SPEC §2: "local-first authority") is never evidence, whatever allowed_surfaces says.
 */
const LOCAL_SURFACE = /^(?:\/|\.{1,2}\/|~|file:|[A-Za-z]:[\\/]|\\\\|local(?:host)?(?::|$))/i;

export function isLocalSurface(surface: string): boolean {
  return LOCAL_SURFACE.test(surface.trim());
}

/**
 * A live reference instead of an exported one: a network or database address (`postgresql://…`,
 * `https://kb…`). The packet must carry what was observed; a live address is never followed, and
 * relying on one is unsafe access (SPEC §7 rows 34–35). Only network schemes count, so an
 * exporter's own identifier scheme such as `kb://policies/x.md` stays a plain name.
 */
const LIVE_REFERENCE =
  /^(?:https?|wss?|ftps?|sftp|ssh|postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|sqlserver|oracle|ldaps?|grpcs?|jdbc:[a-z0-9]+|odbc):\/\//i;

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
