/**
 * HTML character references as CommonMark decodes them (rendered.ts). Numeric references are
 * decoded in full (0, surrogates and values past U+10FFFF become U+FFFD, as CommonMark says). Of
 * the ~2,100 named references, the inspector knows the ASCII, white-space, invisible and common
 * punctuation ones; any other name becomes U+FFFD, which the prose scan reports as undecodable
 * text, so an entity outside this table can only make the verdict stricter (fail closed).
 */
const NAMED: ReadonlyMap<string, string> = new Map(
  Object.entries({
    amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', emsp13: '\u2004',
    emsp14: '\u2005', numsp: '\u2007', puncsp: '\u2008', thinsp: '\u2009', ThinSpace: '\u2009', hairsp: '\u200a',
    VeryThinSpace: '\u200a', MediumSpace: '\u205f', NonBreakingSpace: '\u00a0', NoBreak: '\u2060', ZeroWidthSpace: '\u200b',
    NegativeThinSpace: '\u200b', NegativeMediumSpace: '\u200b', NegativeThickSpace: '\u200b', NegativeVeryThinSpace: '\u200b',
    zwj: '\u200d', zwnj: '\u200c', shy: '\u00ad', lrm: '\u200e', rlm: '\u200f', ic: '\u2063', InvisibleComma: '\u2063',
    it: '\u2062', InvisibleTimes: '\u2062', af: '\u2061', ApplyFunction: '\u2061', Tab: '\t', NewLine: '\n',
    excl: '!', num: '#', dollar: '$', percnt: '%', lpar: '(', rpar: ')', ast: '*', midast: '*', plus: '+', comma: ',',
    period: '.', sol: '/', colon: ':', semi: ';', equals: '=', quest: '?', commat: '@', lsqb: '[', lbrack: '[',
    bsol: '\\', rsqb: ']', rbrack: ']', Hat: '^', lowbar: '_', UnderBar: '_', grave: '`', DiacriticalGrave: '`',
    lcub: '{', lbrace: '{', verbar: '|', vert: '|', VerticalLine: '|', rcub: '}', rbrace: '}', hyphen: '\u2010',
    dash: '\u2010', ndash: '\u2013', mdash: '\u2014', minus: '\u2212', hellip: '\u2026', mldr: '\u2026', middot: '\u00b7',
    centerdot: '\u00b7', bull: '\u2022', bullet: '\u2022', lsquo: '\u2018', rsquo: '\u2019', rsquor: '\u2019',
    ldquo: '\u201c', rdquo: '\u201d', rdquor: '\u201d', laquo: '\u00ab', raquo: '\u00bb', times: '\u00d7',
    divide: '\u00f7', copy: '\u00a9', reg: '\u00ae', trade: '\u2122', deg: '\u00b0', sect: '\u00a7', para: '\u00b6',
    check: '\u2713', checkmark: '\u2713', cross: '\u2717', larr: '\u2190', rarr: '\u2192', szlig: '\u00df',
  }),
);

const REPLACEMENT = '\uFFFD';

/** The text a reference such as `&#112;`, `&#x70;` or `&nbsp;` stands for. */
export function decodeEntity(reference: string): string {
  const body = reference.slice(1, -1);
  if (body.startsWith('#')) {
    const value = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    if (!Number.isFinite(value) || value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return REPLACEMENT;
    return String.fromCodePoint(value);
  }
  return NAMED.get(body) ?? REPLACEMENT;
}
