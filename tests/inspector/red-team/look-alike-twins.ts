import { HtmlRenderer, Parser } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { viewMarkdown } from './markdown-view.js';
import { dossier, flagsOf9, inspect9, summary9, twinOf } from './round9/gen9.js';

/** A look-alike dossier text and the ASCII twin whose flag and exit code it must get (rounds 13 and 14). */
export interface TwinVariant {
  readonly twin: string;
  readonly shown: string;
  /** The flag the twin gets and the variant must get too (default: FLAG_PROSE_ONLY_PASS). */
  readonly flag?: string;
  /** What CommonMark shows holds these words (the premise). */
  readonly readsAs?: string;
  /** CommonMark writes the shown text out unchanged as HTML (the browser decides what is shown). */
  readonly passesThrough?: boolean;
}

/**
 * One check per variant, judged by the round's open list (`judge`): the premises first, then the twin
 * must be flagged (else the control failed), then the variant must get the same flag and exit code.
 */
export function describeTwins(variants: Readonly<Record<string, TwinVariant>>, judge: (key: string, problem: string | undefined) => void, round: string): void {
  describe('a look-alike gets the flag and exit code of its twin', () => {
    for (const [name, variant] of Object.entries(variants)) {
      it(name, async () => {
        if (variant.readsAs !== undefined) expect(viewMarkdown(variant.shown).text).toContain(variant.readsAs);
        if (variant.passesThrough === true) expect(new HtmlRenderer().render(new Parser().parse(variant.shown))).toBe(`${variant.shown}\n`);
        const flag = variant.flag ?? 'FLAG_PROSE_ONLY_PASS';
        const twin = await twinOf(variant.twin);
        if (!flagsOf9(twin).includes(flag)) {
          judge(`look:${name}`, `control failed: the twin ${JSON.stringify(variant.twin)} is not flagged: ${summary9(twin)}`);
          return;
        }
        const result = await inspect9({ dossierText: dossier(variant.shown) }, `look${round}-${name}`);
        const same = flagsOf9(result).includes(flag) && result.exitCode === twin.exitCode;
        judge(`look:${name}`, same ? undefined : `${JSON.stringify(variant.shown.slice(0, 80))} → ${summary9(result)}, twin → ${summary9(twin)}`);
      });
    }
  });
}
