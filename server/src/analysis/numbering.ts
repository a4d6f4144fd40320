// Writing and reading outline numbering in each GB/T 9704 style.
import { formatChineseInteger } from './numerals';
import type { HeadingLine, NumberingStyle } from './structure';

/** 一级 … 四级, for messages and symbol details. */
export const LEVEL_NAME = ['', '一级', '二级', '三级', '四级'];

/** The style GB/T 9704-2012 7.3.3 prescribes for each level. */
export const STANDARD_STYLE: Record<number, NumberingStyle> = { 1: 'cn-dun', 2: 'cn-paren-full', 3: 'arabic-dot', 4: 'arabic-paren-full' };

const NUMERAL = /[一二三四五六七八九十百零〇两]+|\d+|[①-⑳]/;

/** Offsets of the numeral inside a heading's numbering (`（三）` → `三`). */
export function numeralSpan(h: { numbering: string; numberingStart: number }): { start: number; end: number } | null {
  const m = NUMERAL.exec(h.numbering);
  if (m) return { start: h.numberingStart + m.index, end: h.numberingStart + m.index + m[0].length };
  // `、` whose numeral was lost: the numeral goes in front of it.
  return h.numbering.startsWith('、') ? { start: h.numberingStart, end: h.numberingStart } : null;
}

export function formatNumeral(value: number, style: NumberingStyle): string {
  if (style === 'circled') return value >= 1 && value <= 20 ? String.fromCharCode(0x2460 + value - 1) : `(${value})`;
  if (style.startsWith('cn-')) return formatChineseInteger(value);
  return String(value);
}

const DEFAULT_TEMPLATE: Record<NumberingStyle, [string, string]> = {
  'cn-dun': ['', '、'],
  'cn-dot': ['', '．'],
  'cn-paren-full': ['（', '）'],
  'cn-paren-half': ['(', ')'],
  'arabic-dot': ['', '.'],
  'arabic-dun': ['', '、'],
  'arabic-fullstop': ['', '．'],
  'arabic-paren-full': ['（', '）'],
  'arabic-paren-half': ['(', ')'],
  circled: ['', ''],
  none: ['', ''],
};

/** The numbering for `value` in `style`, written like `example` where one is given. */
export function formatNumbering(value: number, style: NumberingStyle, example?: HeadingLine): string {
  let [prefix, suffix] = DEFAULT_TEMPLATE[style];
  if (example && style !== 'circled') {
    const m = NUMERAL.exec(example.numbering);
    if (m) [prefix, suffix] = [example.numbering.slice(0, m.index), example.numbering.slice(m.index + m[0].length)];
  }
  return prefix + formatNumeral(value, style) + suffix;
}
