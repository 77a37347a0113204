/**
 * Whether a token names a file or a path: a `/` next to a letter (`tools/evil.py`, `runs/x`), or
 * `name.ext` with a short alphabetic extension (`canon.py`). Shared by the record reader (which lines
 * of a log are about a subject) and the prose coverage (which sentences a claim's subject covers).
 * Numbers (`22/22`, `1.5`) and hashes (`sha256:…`) are not artifacts.
 */
const ARTIFACT_TOKEN = /^(?:[\p{L}\p{N}_.~-]*\/[\p{L}\p{N}_./~-]*\p{L}[\p{L}\p{N}_./~-]*|[\p{L}\p{N}_~-][\p{L}\p{N}_.~-]*\.\p{L}[\p{L}\p{N}]{0,7})$/u;

/** `e.g`, `i.e`, `U.S`: abbreviations, not files. */
const ABBREVIATION = /^\p{L}(?:\.\p{L})+$/u;

export function isArtifactToken(token: string): boolean {
  return token !== '' && !token.startsWith('sha256:') && token.length <= 4096 && !ABBREVIATION.test(token) && ARTIFACT_TOKEN.test(token);
}
