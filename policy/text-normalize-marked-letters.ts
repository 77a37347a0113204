/**
 * Latin letters with a mark attached to their body (a hook, curl, swash tail, belt, middle tilde,
 * flourish, stroke or bar…) that a reader reads as the letter itself (issue 13, round 17: `Aᶅᶅ ƫeʂƫʂ
 * paʂʂ.`), for the skeleton of the one normalization (text-normalize.ts). Neither NFKD nor TR39's
 * confusables map them: they have no decomposition and no prototype, or one outside ASCII. Derived
 * from the Unicode 14 character names `LATIN SMALL|CAPITAL LETTER <x> WITH <mark>` in the Latin
 * blocks (Extended-A to -G, IPA, phonetic extensions) that have no decomposition, keeping those whose
 * matching form was still not ASCII; TR39's own prototype wins where it reaches ASCII (`ƈ` → `c'`).
 * Each maps to its base letter, in its case.
 */
export const LETTERS_WITH_ATTACHED_MARKS: ReadonlyArray<readonly [number, string]> = [
  [0x01ab, 't'], [0x0221, 'd'], [0x0234, 'l'], [0x0235, 'n'], [0x0236, 't'], [0x023a, 'A'], [0x023f, 's'],
  [0x0240, 'z'], [0x024b, 'q'], [0x0255, 'c'], [0x026c, 'l'], [0x027e, 'r'], [0x0291, 'z'], [0x1d6c, 'b'],
  [0x1d6d, 'd'], [0x1d71, 'p'], [0x1d73, 'r'], [0x1d80, 'b'], [0x1d81, 'd'], [0x1d82, 'f'], [0x1d84, 'k'],
  [0x1d85, 'l'], [0x1d86, 'm'], [0x1d87, 'n'], [0x1d88, 'p'], [0x1d89, 'r'], [0x1d8a, 's'], [0x1d8d, 'x'],
  [0x1d8e, 'z'], [0x1d8f, 'a'], [0x1d91, 'd'], [0x1d92, 'e'], [0x1d96, 'i'], [0x1d99, 'u'], [0x2c60, 'L'],
  [0x2c61, 'l'], [0x2c65, 'a'], [0x2c6b, 'Z'], [0x2c6c, 'z'], [0x2c71, 'v'], [0x2c72, 'W'], [0x2c73, 'w'],
  [0x2c74, 'v'], [0x2c78, 'e'], [0x2c7a, 'o'], [0x2c7e, 'S'], [0x2c7f, 'Z'], [0xa742, 'K'], [0xa743, 'k'],
  [0xa744, 'K'], [0xa745, 'k'], [0xa748, 'L'], [0xa749, 'l'], [0xa74c, 'O'], [0xa74d, 'o'], [0xa750, 'P'],
  [0xa751, 'p'], [0xa752, 'P'], [0xa753, 'p'], [0xa754, 'P'], [0xa755, 'p'], [0xa756, 'Q'], [0xa757, 'q'],
  [0xa758, 'Q'], [0xa759, 'q'], [0xa75e, 'V'], [0xa75f, 'v'], [0xa78e, 'l'], [0xa790, 'N'], [0xa791, 'n'],
  [0xa792, 'C'], [0xa793, 'c'], [0xa794, 'c'], [0xa795, 'h'], [0xa796, 'B'], [0xa797, 'b'], [0xa7a0, 'G'],
  [0xa7a1, 'g'], [0xa7a2, 'K'], [0xa7a3, 'k'], [0xa7a4, 'N'], [0xa7a5, 'n'], [0xa7a6, 'R'], [0xa7a7, 'r'],
  [0xa7a8, 'S'], [0xa7a9, 's'], [0xa7ad, 'L'], [0xa7b8, 'U'], [0xa7b9, 'u'], [0xa7c4, 'C'], [0xa7c6, 'Z'],
  [0xa7c7, 'D'], [0xa7c8, 'd'], [0xa7c9, 'S'], [0xa7ca, 's'], [0xab34, 'e'], [0xab37, 'l'], [0xab38, 'l'],
  [0xab39, 'l'], [0xab3a, 'm'], [0xab3b, 'n'], [0xab49, 'r'], [0xab56, 'x'], [0xab57, 'x'], [0xab58, 'x'],
  [0xab59, 'x'], [0x1df09, 't'], [0x1df11, 'l'], [0x1df13, 'l'], [0x1df16, 'r'], [0x1df1a, 'i'], [0x1df1b, 'o'],
  [0x1df1d, 'c'], [0x1df1e, 's'],
];
