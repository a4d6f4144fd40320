// Chinese numerals as they occur in outline numbering and years.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** `二十三` → 23, `一百零一` → 101, `十一` → 11; null when it is not a numeral. */
export function parseChineseInteger(text: string): number | null {
  if (text.length === 0) return null;
  let total = 0;
  let digit = -1;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      total += (digit < 0 ? 1 : digit) * UNITS[ch];
      digit = -1;
    } else {
      return null;
    }
  }
  return total + (digit < 0 ? 0 : digit);
}

/** `二〇二二` → 2022 (digit by digit, as years are written). */
export function parseChineseDigits(text: string): number | null {
  let value = 0;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d === undefined || ch === '两') return null;
    value = value * 10 + d;
  }
  return text.length ? value : null;
}

const SMALL = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 23 → `二十三`, 101 → `一百零一`, 10 → `十`. */
export function formatChineseInteger(n: number): string {
  if (n < 10) return SMALL[n];
  if (n < 20) return '十' + (n % 10 ? SMALL[n % 10] : '');
  if (n < 100) return SMALL[Math.floor(n / 10)] + '十' + (n % 10 ? SMALL[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    const head = SMALL[Math.floor(n / 100)] + '百';
    if (rest === 0) return head;
    if (rest < 10) return head + '零' + SMALL[rest];
    return head + (rest < 20 ? '一' : '') + formatChineseInteger(rest);
  }
  return String(n);
}

/** Longer than any count a report writes (`九千九百九十九万九千九百九十九` is 15): not a numeral. */
export const MAX_NUMERAL_LENGTH = 24;

/**
 * Like parseChineseInteger, with 万 and 亿: `一万` → 10000, `三千五百万` → 35000000, `两千` → 2000.
 * One pass, no recursion, and a bound on the length: any input costs at most MAX_NUMERAL_LENGTH steps.
 */
export function parseChineseNumber(text: string): number | null {
  if (text.length === 0 || text.length > MAX_NUMERAL_LENGTH) return null;
  if (/^[〇零一二三四五六七八九]{2,}$/.test(text) && !/[十百千]/.test(text)) return parseChineseDigits(text);
  let yi = 0; // the part already multiplied by 亿
  let wan = 0; // the part already multiplied by 万, below 亿
  let section = 0; // below 万
  let digit = -1;
  let pending = false; // digits or units since the last 万 or 亿
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
      pending = true;
    } else if (ch in UNITS) {
      section += (digit < 0 ? 1 : digit) * UNITS[ch];
      digit = -1;
      pending = true;
    } else if (ch === '万' || ch === '亿') {
      const group = section + Math.max(digit, 0);
      if (ch === '万') {
        // `万` alone is ten thousand; `万万` or `亿万` with nothing between is no numeral.
        if (!pending && (yi > 0 || wan > 0)) return null;
        wan += (pending ? group : 1) * 10000;
      } else {
        // `一万亿`: the 万 group is multiplied too; `亿亿` is no numeral.
        if (!pending && wan === 0 && yi > 0) return null;
        yi = (yi + wan + (pending ? group : wan > 0 ? 0 : 1)) * 100000000;
        wan = 0;
      }
      section = 0;
      digit = -1;
      pending = false;
    } else return null;
  }
  return yi + wan + section + Math.max(digit, 0);
}
