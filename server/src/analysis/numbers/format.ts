// Writing a recomputed figure back into the text, in the form the writer used.
import { formatChineseInteger } from '../numerals';
import type { RawEdit } from '../rules/rule';
import type { ReportDocument } from '../document';
import type { Quantity } from './quantities';

const CHINESE_DIGITS = '零一二三四五六七八九';

/**
 * A percentage at the stated precision that never says more than the
 * arithmetic: 1194/1195 at whole percents is 99.9%, not 100%; 1/1195 is 0.08%,
 * not 0%. Decimals are added until the rounded value is neither 100 nor 0
 * unless the ratio itself is.
 */
export function percentText(computed: number, decimals: number): string {
  let d = decimals;
  let text = computed.toFixed(d);
  while (d < 6 && ((Number(text) === 100 && computed < 100) || (Number(text) === 0 && computed > 0))) text = computed.toFixed(++d);
  return text;
}

/** `99.92` → `九十九点九二`. */
function chineseDecimal(text: string): string | null {
  const [whole, fraction] = text.split('.');
  const n = Number(whole);
  if (!Number.isInteger(n) || n >= 1000) return null;
  return formatChineseInteger(n) + (fraction ? '点' + [...fraction].map((d) => CHINESE_DIGITS[Number(d)]).join('') : '');
}

/** The edit replacing a stated percentage (its digits and its sign, or `百分之…`) with `value`. */
export function percentEdit(doc: ReportDocument, q: Quantity, value: string): RawEdit {
  const stated = doc.text.slice(q.figureStart, q.end);
  if (stated.startsWith('百分之')) {
    const chinese = chineseDecimal(value);
    return { start: q.figureStart, end: q.figureEnd, newText: chinese ? `百分之${chinese}` : `${value}%` };
  }
  const sign = /[%％]/.exec(stated);
  const end = sign ? q.figureStart + sign.index + 1 : q.figureEnd;
  return { start: q.figureStart, end, newText: value + (sign ? sign[0] : '%') };
}
