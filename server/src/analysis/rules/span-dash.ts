import type { RawFinding, Rule } from './rule';
import { charTable, digitsBack, digitsForward, isAsciiLetter, isDigit, isLiteral, proseLines } from './style-text';

// Marks written where a span of time takes the 一字线 (— U+2014, or ― U+2015 from GB 2312's A1AA):
// hyphens and en dashes, tildes, the box-drawing line, and 一 typed or recognised for a dash.
const DASHES = '-－–‐‑─~～〜一';
const TILDES = '~～〜';
const DASH_CHARS = charTable(DASHES + '—');

type Token =
  | { kind: 'year'; value: number; nian: boolean; start: number; end: number }
  | { kind: 'month' | 'day' | 'number'; value: number; start: number; end: number; afterMonth?: boolean }
  | { kind: 'time'; value: number; start: number; end: number };

const isYear = (n: number, digits: number) => digits === 4 && n >= 1900 && n <= 2099;

/** Nothing that makes a number part of a longer code (`2024-03-01`, `A-3`, `1.5`) may stand before it. */
function freeBefore(text: string, i: number): boolean {
  const c = text.charCodeAt(i - 1);
  return !(isDigit(c) || isAsciiLetter(c) || '.-－/:_'.includes(text[i - 1] ?? ' '));
}

/** The date or time that ends just before `end`: `2021年`, `2021`, `3月`, `10日`, `8:30`, or a bare `1` (of `1—6月`). */
function leftToken(text: string, end: number): Token | null {
  const last = text[end - 1];
  if (last === '年' || last === '月' || last === '日' || last === '号') {
    const s = digitsBack(text, end - 1, 4);
    if (s === end - 1 || !freeBefore(text, s)) return null;
    const value = Number(text.slice(s, end - 1));
    if (last === '年') return isYear(value, end - 1 - s) ? { kind: 'year', value, nian: true, start: s, end } : null;
    if (end - 1 - s > 2) return null;
    return { kind: last === '月' ? 'month' : 'day', value, start: s, end };
  }
  const s = digitsBack(text, end, 4);
  if (s === end) return null;
  if (text[s - 1] === ':' || text[s - 1] === '：') {
    const h = digitsBack(text, s - 1, 2);
    if (h === s - 1 || end - s !== 2 || !freeBefore(text, h)) return null;
    return { kind: 'time', value: Number(text.slice(h, s - 1)) * 60 + Number(text.slice(s, end)), start: h, end };
  }
  if (!freeBefore(text, s)) return null;
  const value = Number(text.slice(s, end));
  if (isYear(value, end - s)) return { kind: 'year', value, nian: false, start: s, end };
  if (end - s > 2) return null;
  return { kind: 'number', value, start: s, end, afterMonth: text[s - 1] === '月' };
}

/** The date or time that starts at `start`: `2025年`, `2025` (of `(2021-2025)`), `6月`, `6月30日`, `10日`, `17:30`. */
function rightToken(text: string, start: number): Token | null {
  const e = digitsForward(text, start, 4);
  if (e === start || isDigit(text.charCodeAt(e))) return null;
  const value = Number(text.slice(start, e));
  const next = text[e];
  if (isYear(value, e - start)) {
    if (next === '年') return { kind: 'year', value, nian: true, start, end: e + 1 };
    // A bare year closes a period: `（2021-2025）`, `2024-2025学年`.
    if (next === ')' || next === '）' || text.startsWith('学年', e)) return { kind: 'year', value, nian: false, start, end: e };
    return null;
  }
  if (e - start > 2) return null;
  if (next === '月') {
    const d = digitsForward(text, e + 1, 2);
    if (d > e + 1 && (text[d] === '日' || text[d] === '号')) return { kind: 'month', value, start, end: d + 1 };
    return { kind: 'month', value, start, end: e + 1 };
  }
  if (next === '日' || next === '号') return { kind: 'day', value, start, end: e + 1 };
  if (next === ':' || next === '：') {
    const m = digitsForward(text, e + 1, 2);
    if (m - e - 1 !== 2 || isDigit(text.charCodeAt(m))) return null;
    return { kind: 'time', value: value * 60 + Number(text.slice(e + 1, m)), start, end: m };
  }
  return null;
}

/** Whether the two sides make a span of time (years, months, days, times of day). */
function isSpan(left: Token, right: Token, dash: string): boolean {
  if (dash === '一') return left.kind === 'year' && right.kind === 'year' && right.value > left.value;
  switch (left.kind) {
    case 'year':
      return right.kind === 'year' && right.value > left.value && right.value - left.value <= 100;
    case 'month':
      return (right.kind === 'month' && left.value >= 1 && right.value <= 12 && right.value > left.value) || (right.kind === 'year' && right.nian);
    case 'day':
      return (right.kind === 'day' && right.value > left.value && right.value <= 31) || (right.kind === 'month' && right.value <= 12);
    case 'number':
      // `1-6月` (months), `3月1-10日` (days).
      if (right.kind === 'month') return left.value >= 1 && left.value < right.value && right.value <= 12 && !left.afterMonth;
      return right.kind === 'day' && !!left.afterMonth && left.value >= 1 && left.value < right.value && right.value <= 31;
    case 'time':
      return right.kind === 'time' && right.value > left.value;
  }
}

export const spanDash: Rule = {
  id: 'span-dash',
  title: '起止号误用',
  severity: 'warning',
  description: '年份、日期、时间的起止用一字线“—”（GB/T 15834 4.13：2021—2025年、1—6月），不用短横线“-”或浪纹线“～”',
  tags: ['style'],
  fix: 'safe',
  check(ctx) {
    const { doc } = ctx;
    const findings: RawFinding[] = [];
    for (const line of proseLines(ctx)) {
      const text = line.norm;
      for (let i = 1; i < text.length - 1; i++) {
        if (!DASH_CHARS[text.charCodeAt(i)]) continue;
        const c = text[i];
        // Every span has a digit just before its dash (or a 年, 月, 日 after one, or one space).
        if (c === '一' && !isDigit(text.charCodeAt(i - 1))) continue;
        let len = 1;
        if (c === '—' && text[i + 1] === '—') len = 2; // a 破折号 written for the span
        else if (!DASHES.includes(c)) continue;
        let from = i;
        let to = i + len;
        if (c !== '一') {
          if (text[from - 1] === ' ') from--;
          if (text[to] === ' ') to++;
        }
        const left = leftToken(text, from);
        const right = left && rightToken(text, to);
        if (!left || !right || !isSpan(left, right, c) || !isLiteral(ctx, line.start + i)) continue;
        // The message quotes the whole date (`7月16日-7月22日`), the fix touches the dash only.
        let shown = left.start;
        while (shown > 0 && left.start - shown < 10 && /[0-9年月]/.test(text[shown - 1])) shown--;
        while (shown < left.start && !isDigit(text.charCodeAt(shown))) shown++; // `今年1-4月` quotes `1-4月`
        const start = line.start + shown;
        const end = line.start + right.end;
        const written = doc.text.slice(start, end);
        const fixed = doc.text.slice(start, line.start + from) + '—' + doc.text.slice(line.start + to, end);
        const tilde = TILDES.includes(c);
        findings.push({
          start: line.start + from,
          end: line.start + to,
          severity: tilde ? 'info' : undefined,
          message: tilde
            ? `时间起止一般用一字线“—”（GB/T 15834 4.13）：“${written}”宜写作“${fixed}”`
            : `时间起止应用一字线“—”（GB/T 15834 4.13）：“${written}”应为“${fixed}”`,
          fix: { title: `改为“${fixed}”`, edits: [{ start: line.start + from, end: line.start + to, newText: '—' }] },
        });
        i = to - 1;
      }
    }
    return findings;
  },
};
