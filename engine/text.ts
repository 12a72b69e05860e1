import Decimal from 'decimal.js';

/**
 * Text normalisation shared by recognition and checks. The documents mix full-width and
 * half-width characters, line breaks inside labels and stray spaces; everything that compares
 * text goes through here.
 */

/**
 * Characters NFKC leaves alone and the dash/space unification does not touch: ASCII, CJK
 * unified ideographs, 、。 and 《》〈〉「」『』【】. Text made only of these (most cells) is returned
 * as is, without the cost of `normalize` and two replacements (test/engine/text.test.ts checks
 * every character of the set).
 */
// eslint-disable-next-line no-control-regex -- control characters are part of the stable set
export const NFKC_STABLE = /^[\u0000-\u007F\u4E00-\u9FFF\u3001\u3002\u3008-\u3011]*$/;
/** Other strings repeat (rule texts, labels): short ones keep their result; cleared when full. */
const nfkcCache = new Map<string, string>();
const NFKC_CACHE_MAX = 4096;
const NFKC_CACHE_LONGEST = 512;

/** NFKC (full-width → half-width, "（" → "(") and unify a few dashes/spaces NFKC leaves alone. */
export function nfkc(s: string): string {
  if (NFKC_STABLE.test(s)) return s;
  let out = nfkcCache.get(s);
  if (out === undefined) {
    out = s
      .normalize('NFKC')
      .replace(/[\u2013\u2014\u2212\uFF0D]/g, '-')
      .replace(/\u3000/g, ' ');
    if (s.length <= NFKC_CACHE_LONGEST) {
      if (nfkcCache.size >= NFKC_CACHE_MAX) nfkcCache.clear();
      nfkcCache.set(s, out);
    }
  }
  return out;
}

const NEEDS_COMPACTING = /[\r\n]|[ \t\u3000]{2}/;

/** For display in paths and names: line breaks and runs of spaces removed, ends trimmed. */
export function compactLabel(s: string): string {
  // Most labels have neither line breaks nor runs of spaces: then only the trim applies.
  if (!NEEDS_COMPACTING.test(s)) return s.trim();
  // Chinese labels are broken over lines for width ("自身\n建设"); joining without a space is right.
  return s
    .replace(/\s*[\r\n]+\s*/g, '')
    .replace(/[ \t\u3000]{2,}/g, ' ')
    .trim();
}

/**
 * Text that is already its own match key: NFKC_STABLE's characters without white space, control
 * characters and capitals (item names, rule texts, most labels). One test instead of the
 * normalisation, a replacement and a lower-casing, which for Chinese text goes through ICU and
 * makes a copy: keys are taken of every body row's first cell and every item's name.
 */
const KEY_STABLE = /^[\u0021-\u0040\u005B-\u007E\u4E00-\u9FFF\u3001\u3002\u3008-\u3011]*$/;

/** For matching headers and keys: NFKC, no whitespace at all, lower case. */
export function matchKey(s: string): string {
  if (KEY_STABLE.test(s)) return s;
  return nfkc(s).replace(/\s+/g, '').toLowerCase();
}

/**
 * matchKey of labels and names, remembered: the same labels and item names recur in every
 * returned workbook of a review (template check, duplicate names). Keyed by the text itself, so a
 * changed text is a new key; cleared when full.
 */
const keyCache = new Map<string, string>();
export function cachedMatchKey(s: string): string {
  // Text that is its own key (most item names) is neither looked up nor kept.
  if (KEY_STABLE.test(s)) return s;
  let k = keyCache.get(s);
  if (k === undefined) {
    if (keyCache.size >= 20_000) keyCache.clear();
    keyCache.set(s, (k = matchKey(s)));
  }
  return k;
}

/** Splits a cell listing several owners or people ("体改科 中医科教科\n有关科室", "周显葆、童军"). */
export function splitNames(s: string): string[] {
  return nfkc(s)
    .split(/[\s,，、;；/]+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Reads a number typed as text: "10", "１０", "10分", "25%", " 5 ". Returns the number and
 * whether it was a percent; null when the text is not just a number (with an optional unit).
 * Percent text gives the fraction ("25%" → 0.25) so it compares with percent-formatted cells.
 */
export function numberFromText(
  raw: string,
): { value: number; digits: string; percent: boolean; unit: string } | null {
  // Thousands separators ("1,000.5") are dropped; anything else around the number is not a number.
  const s = nfkc(raw)
    .replace(/\s+/g, '')
    .replace(/^([+-]?\d{1,3}(?:,\d{3})+)(?=[.%\D]|$)/, (g) => g.replace(/,/g, ''));
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(%|分|万元|万|元|个|项|例|人|次|天|家)?$/.exec(s);
  if (!m || !PLAIN_NUMBER.test(m[1] ?? '')) return null;
  const digits = m[1] ?? '0';
  const n = Number(digits);
  if (!Number.isFinite(n)) return null;
  const unit = m[2] ?? '';
  return unit === '%'
    ? { value: new Decimal(digits).div(100).toNumber(), digits, percent: true, unit }
    : { value: n, digits, percent: false, unit };
}
