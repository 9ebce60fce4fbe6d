// Display width of text without ANSI codes, in terminal columns, equal to
// string-width 8's (tests/text-width.test.ts checks it against string-width on every
// code point and on sequences), at a fraction of its start-up cost (issue 14).
//
// The rules are string-width's: a grapheme cluster with no visible character is 0
// columns; an emoji cluster is 2; otherwise the East Asian Width of its first
// visible character, plus that of spacing marks and half/full-width forms after it.
// What makes string-width slow to start is not the rules but two things it builds:
// /\p{RGI_Emoji}/v (about 35 ms to compile) and an Intl.Segmenter (about 15 ms to
// load its break data). Here the RGI emoji test is a few cheap checks (a single
// emoji, a variation or keycap sequence, a skin tone, one of the valid flags), and
// clusters are found by hand for text whose clustering is simple (every script but
// those below); Intl.Segmenter is created only for text with Hangul jamo, Indic
// conjunct linkers, prepended letters and the like, whose rules change with Unicode.
import { eastAsianWidth } from 'get-east-asian-width';

// Unicode property classes, built on the first text that is not plain: V8 builds
// each property's set when it parses the pattern, ~2 ms for these together, which
// every command that loads this module and prints only ASCII would pay. Built from
// strings, not literals: V8 checks a literal's pattern, building those sets, when it
// parses the file, even inside a function that never runs (1.6 ms of every command
// on Node 20 and 24).
interface Classes {
  /** Code points that print nothing: string-width's non-printing classes. */
  invisible: RegExp;
  spacingMark: RegExp;
  emojiPresentation: RegExp;
  emoji: RegExp;
  pictographic: RegExp;
  pictographicAll: RegExp;
  modifierBase: RegExp;
  /** Joins the character before it into one cluster (grapheme break rules GB9 and GB9a). */
  extend: RegExp;
  segmenterOnly: RegExp;
}

let built: Classes | undefined;

/** A pattern built when this runs, not when the file is parsed (see above). */
const unicode = (source: string, flags = 'u'): RegExp => new RegExp(source, flags);

function classes(): Classes {
  built ??= {
    invisible: unicode(String.raw`^[\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]$`),
    spacingMark: unicode(String.raw`^\p{Spacing_Mark}$`),
    emojiPresentation: unicode(String.raw`^\p{Emoji_Presentation}$`),
    emoji: unicode(String.raw`^\p{Emoji}$`),
    pictographic: unicode(String.raw`^\p{Extended_Pictographic}$`),
    pictographicAll: unicode(String.raw`\p{Extended_Pictographic}`, 'gu'),
    modifierBase: unicode(String.raw`^\p{Emoji_Modifier_Base}$`),
    extend: unicode(String.raw`^[\p{Mn}\p{Me}\p{Mc}\u200c\u200d\ufe00-\ufe0f\uff9e\uff9f\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]$`),
    segmenterOnly: unicode(SEGMENTER_ONLY),
  };
  return built;
}

/**
 * Text with these is clustered by Intl.Segmenter: Hangul jamo (L V T syllables),
 * the Indic conjunct linkers (Unicode 15.1, GB9c), prepended characters (GB9b),
 * the two spacing marks that are letters (Thai and Lao AM) and the spacing marks
 * that begin a cluster of their own; Kirat Rai, whose vowels join like jamo.
 */
const SEGMENTER_ONLY = String.raw`[\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u094d\u09cd\u0acd\u0b4d\u0c4d\u0d4d\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\u0e33\u0eb3\u102b\u102c\u1038\u1062-\u1064\u1067-\u106d\u1083\u1087-\u108c\u108f\u109a-\u109c\u1a61\u1a63\u1a64\uaa7b\uaa7d\u{110bd}\u{110cd}\u{111c2}\u{111c3}\u{113d1}\u{11720}\u{11721}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}\u{16d40}-\u{16d7f}]`;

// The flags that are RGI emoji, as pairs of letters (a pair of regional indicators
// that is not a country is one column, as in string-width).
const FLAGS = new Set(
  'ACADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCPCQCRCUCVCWCXCYCZDEDGDJDKDMDODZEAECEEEGEHERESETEUFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUICIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTATCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUNUSUYUZVAVCVEVGVIVNVUWFWSXKYEYTZAZMZW'.match(
    /../g,
  ),
);

const isRegional = (cp: number): boolean => cp >= 0x1f1e6 && cp <= 0x1f1ff;
const isTone = (cp: number): boolean => cp >= 0x1f3fb && cp <= 0x1f3ff;

/** True for a cluster that \p{RGI_Emoji} matches, or a ZWJ or keycap sequence terminals draw as one emoji. */
function isWideEmoji(cluster: string): boolean {
  const k = classes();
  const cps = Array.from(cluster, (c) => c.codePointAt(0)!);
  const [a, b, c] = cps;
  if (cps.length === 1) return k.emojiPresentation.test(cluster) && !isRegional(a!);
  const keycapBase = a === 0x23 || a === 0x2a || (a! >= 0x30 && a! <= 0x39);
  if (keycapBase) return (cps.length === 2 && b === 0x20e3) || (cps.length === 3 && b === 0xfe0f && c === 0x20e3);
  if (cps.length === 2) {
    const base = String.fromCodePoint(a!);
    if (b === 0xfe0f) return k.emoji.test(base) && !k.emojiPresentation.test(base);
    if (isTone(b!)) return k.modifierBase.test(base);
    if (isRegional(a!) && isRegional(b!)) return FLAGS.has(String.fromCharCode(65 + a! - 0x1f1e6, 65 + b! - 0x1f1e6));
  }
  // RGI tag sequences (England, Scotland, Wales) start with a black flag, two columns either way.
  if (cluster.length > 50 || !cluster.includes('\u200d')) return false;
  return (cluster.match(k.pictographicAll)?.length ?? 0) >= 2;
}

function isHangulL(cp: number | undefined): boolean {
  return cp !== undefined && ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0xa960 && cp <= 0xa97c));
}
function isHangulV(cp: number | undefined): boolean {
  return cp !== undefined && ((cp >= 0x1160 && cp <= 0x11a7) || (cp >= 0xd7b0 && cp <= 0xd7c6));
}
function isHangulT(cp: number | undefined): boolean {
  return cp !== undefined && ((cp >= 0x11a8 && cp <= 0x11ff) || (cp >= 0xd7cb && cp <= 0xd7fb));
}

/** A cluster of jamo: each L V (T) syllable is 2 columns, other jamo their own width; undefined if it does not start with one. */
function hangulWidth(cps: number[]): number | undefined {
  let w = 0;
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!;
    if (!isHangulL(cp) && !isHangulV(cp) && !isHangulT(cp)) {
      if (i === 0) return undefined;
      for (let j = i; j < cps.length; j++) w += eastAsianWidth(cps[j]!);
      return w;
    }
    if (isHangulL(cp) && isHangulV(cps[i + 1])) {
      w += 2;
      i += isHangulT(cps[i + 2]) ? 2 : 1;
    } else w += eastAsianWidth(cp);
  }
  return w;
}

// Text repeats its clusters (letters, spaces, the same emoji): their widths are kept.
const known = new Map<string, number>();

/** Width of one grapheme cluster. */
export function clusterWidth(cluster: string): number {
  let w = known.get(cluster);
  if (w === undefined) {
    w = measureCluster(cluster);
    if (known.size < 4096) known.set(cluster, w);
  }
  return w;
}

function measureCluster(cluster: string): number {
  const k = classes();
  const chars = Array.from(cluster);
  const start = chars.findIndex((c) => !k.invisible.test(c));
  if (start === -1) return 0;
  if (isWideEmoji(cluster)) return 2;
  const hangul = hangulWidth(
    chars
      .slice(start)
      .filter((c) => !k.invisible.test(c))
      .map((c) => c.codePointAt(0)!),
  );
  if (hangul !== undefined) return hangul;
  let w = eastAsianWidth(chars[start]!.codePointAt(0)!);
  for (const c of chars.slice(start + 1)) if (k.spacingMark.test(c) || (c >= '\uff00' && c <= '\uffef')) w += eastAsianWidth(c.codePointAt(0)!);
  return w;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * The grapheme clusters of a text. By hand where the rules are simple: a character
 * and the marks, selectors, skin tones and tags after it; emoji joined by ZWJ
 * (GB11); regional indicators in pairs (GB12, GB13); CR LF.
 */
export function* clusters(text: string): Generator<string> {
  const k = classes();
  if (k.segmenterOnly.test(text)) {
    segmenter ??= new Intl.Segmenter();
    for (const { segment } of segmenter.segment(text)) yield segment;
    return;
  }
  let i = 0;
  while (i < text.length) {
    const start = i;
    const first = text.codePointAt(i)!;
    i += first > 0xffff ? 2 : 1;
    // Controls and line separators never join (GB4, GB5), except CR LF (GB3).
    if (first === 0x0d && text.charCodeAt(i) === 0x0a) i++;
    else if (!(first < 0x20 || (first >= 0x7f && first < 0xa0) || first === 0x2028 || first === 0x2029)) {
      if (isRegional(first) && isRegional(text.codePointAt(i) ?? 0)) i += 2;
      let pictographic = first >= 0xa9 && k.pictographic.test(String.fromCodePoint(first));
      for (;;) {
        const cp = text.codePointAt(i);
        // Nothing below the combining marks (U+0300) joins the character before it.
        if (cp === undefined || cp < 0x300) break;
        const c = String.fromCodePoint(cp);
        if (k.extend.test(c)) {
          i += c.length;
          // A ZWJ after an emoji joins the next emoji to it.
          if (cp === 0x200d && pictographic) {
            const next = text.codePointAt(i);
            if (next !== undefined && k.pictographic.test(String.fromCodePoint(next))) i += next > 0xffff ? 2 : 1;
            else pictographic = false;
          }
          continue;
        }
        break;
      }
    }
    yield text.slice(start, i);
  }
}

/** Display width of text without ANSI codes. */
export function textWidth(text: string): number {
  let w = 0;
  for (const cluster of clusters(text)) w += clusterWidth(cluster);
  return w;
}
