/**
 * Reading prose rules: normalisation, clause splitting, and the noise that holds digits without
 * being a scoring condition (list numbering "1、", years "2022年", titles in 《》 or quotes,
 * dates, "争取/力争" aspirations). All regexes here are linear (no nested quantifiers).
 */
export function normaliseRule(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/>=/g, '≥')
    .replace(/<=/g, '≤')
    .replace(/[\u2013\u2014\u2212~～]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\r\n?/g, '\n');
}

/** Clauses: split at sentence and list punctuation. */
export function clauses(text: string): string[] {
  return text
    .split(/[。；;\n，,]/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** Removes what holds digits without being a condition. */
export function stripNoise(clause: string): string {
  return clause
    .replace(/^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.、)）]\s*/, '')
    .replace(/^\s*[(（]\s*\d{1,2}\s*[)）]\s*/, '')
    .replace(/《[^《》]*》/g, '《》')
    .replace(/“[^“”]*”/g, '“”')
    .replace(/"[^"]*"/g, '""')
    .replace(/\d{4}\s*年度?/g, '年')
    .replace(/(?:每月)?\d{1,2}\s*月\s*\d{1,2}\s*日/g, '某日')
    .replace(/每月\s*\d{1,2}\s*日/g, '某日')
    .replace(/(\d{1,2}\s*[.、)）])(?=\D)/g, '');
}

/** "争取新增…1-2项", "力争全市达1300以上": aspirations, not scoring conditions. */
export function isAspiration(clause: string): boolean {
  return /^(?:\d+\s*[.、]\s*)?(?:争取|力争|努力)/.test(clause.trim());
}

export function hasDigits(s: string): boolean {
  return /\d/.test(s);
}

/** Whether any clause still holds digits after noise and the matched parts are removed. */
export function residueHasDigits(text: string, matched: readonly string[]): boolean {
  let rest = text;
  for (const m of matched) rest = rest.split(m).join(' ');
  return clauses(rest).some((c) => !isAspiration(c) && hasDigits(stripNoise(c)));
}

const CN: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** "5" / "两" / "十" → number; null when not a small count. */
export function smallNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1 && CN[s] !== undefined) return CN[s]!;
  if (s.length === 2 && s[0] === '十' && CN[s[1]!] !== undefined) return 10 + CN[s[1]!]!;
  return null;
}

export const NUM = '(\\d+(?:\\.\\d+)?)';
