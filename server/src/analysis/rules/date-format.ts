import { parseChineseDigits, parseChineseInteger } from '../numerals';
import type { RawEdit, RawFinding, Rule } from './rule';
import { bookTitleSpans, digitsBack, digitsForward, isDigit, isLiteral, proseLines, SpanCursor } from './style-text';

const CN_COUNT = '一二三四五六七八九十';
const CN_YEAR = '〇零一二三四五六七八九';

interface Part {
  start: number;
  end: number;
  value: number;
  chinese: boolean;
  /** `03`: a leading zero, which only the all-digit form 2024-03-06 writes. */
  zero: boolean;
}

function arabicBefore(text: string, end: number, max: number): Part | null {
  const s = digitsBack(text, end, max + 1);
  if (s === end || end - s > max || isDigit(text.charCodeAt(s - 1))) return null;
  const raw = text.slice(s, end);
  return { start: s, end, value: Number(raw), chinese: false, zero: raw.length === 2 && raw[0] === '0' };
}

function chineseBefore(text: string, end: number, chars: string, max: number): string | null {
  let s = end;
  while (s > 0 && end - s < max && chars.includes(text[s - 1])) s--;
  if (s === end || chars.includes(text[s - 1] ?? ' ')) return null;
  return text.slice(s, end);
}

/** The month before `月` at `m`: `3`, `03`, `三`, `十二`. */
function monthBefore(text: string, m: number): Part | null {
  const arabic = arabicBefore(text, m, 2);
  if (arabic) return arabic.value >= 1 && arabic.value <= 12 ? arabic : null;
  const raw = chineseBefore(text, m, CN_COUNT, 3);
  const value = raw && parseChineseInteger(raw);
  return raw && value && value <= 12 ? { start: m - raw.length, end: m, value, chinese: true, zero: false } : null;
}

/** The year before `年` at `y`: `2024` or `二〇二四`. */
function yearBefore(text: string, y: number): Part | null {
  const arabic = arabicBefore(text, y, 4);
  if (arabic) return arabic.end - arabic.start === 4 && arabic.value >= 1900 && arabic.value <= 2099 ? arabic : null;
  const raw = chineseBefore(text, y, CN_YEAR, 4);
  const value = raw && raw.length === 4 ? parseChineseDigits(raw) : null;
  return raw && value && value >= 1900 && value <= 2099 ? { start: y - 4, end: y, value, chinese: true, zero: false } : null;
}

/** The day after `月` at `m`, before 日 or 号: `6`, `06`, `六`, `二十一`. */
function dayAfter(text: string, m: number): Part | null {
  const e = digitsForward(text, m + 1, 3);
  if (e > m + 1) {
    const raw = text.slice(m + 1, e);
    const value = Number(raw);
    if (raw.length > 2 || value < 1 || value > 31 || (text[e] !== '日' && text[e] !== '号')) return null;
    return { start: m + 1, end: e, value, chinese: false, zero: raw.length === 2 && raw[0] === '0' };
  }
  let c = m + 1;
  while (c < text.length && c - m - 1 < 3 && CN_COUNT.includes(text[c])) c++;
  if (c === m + 1 || (text[c] !== '日' && text[c] !== '号')) return null;
  const value = parseChineseInteger(text.slice(m + 1, c));
  return value && value <= 31 ? { start: m + 1, end: c, value, chinese: true, zero: false } : null;
}

// A date a system printed, not one the writer wrote: after a label (`发布时间：`), before a time of day or
// a weekday (`2024年03月06日 09:18`, `… 星期三`), or on a line that is no sentence (a citation `（2024年04月02日 07版）`).
const LABEL_BEFORE = /[\u4e00-\u9fff][:：]\s*$/;
const STAMP_AFTER = /^\s*(?:\d{1,2}[:：]\d{2}|星期|周[一二三四五六日])/;
const SENTENCE = /[，。；]|[\u4e00-\u9fff][,;]/;

function isStamp(text: string, start: number, end: number): boolean {
  return LABEL_BEFORE.test(text.slice(Math.max(0, start - 8), start)) || STAMP_AFTER.test(text.slice(end, end + 8)) || !SENTENCE.test(text);
}

export const dateFormat: Rule = {
  id: 'date-format',
  title: '日期写法',
  severity: 'warning',
  description: '正文日期的写法：“2024年3月6日”不写为“2024年03月06日”，阿拉伯数字与汉字数字不混用，汉字年份用“〇”（GB/T 15835）',
  tags: ['style'],
  fix: 'safe',
  check(ctx) {
    const { doc } = ctx;
    const findings: RawFinding[] = [];
    for (const line of proseLines(ctx)) {
      const text = line.norm;
      if (!text.includes('月') && !text.includes('零')) continue;
      // A cited title is cited as it was issued.
      const titleSpans = bookTitleSpans(text, 200);
      const titles = new SpanCursor(titleSpans);
      const rewrittenYears = new Set<number>();
      for (let m = 1; m < text.length; m++) {
        if (text[m] !== '月' || titles.has(m)) continue;
        const month = monthBefore(text, m);
        if (!month) continue;
        const year = text[month.start - 1] === '年' ? yearBefore(text, month.start - 1) : null;
        const day = dayAfter(text, m);
        if (!year && !day) continue; // `三月` alone is not a date to judge
        if (isStamp(text, (year ?? month).start, day ? day.end + 1 : m + 1)) continue;
        if (/农历|阴历/.test(text.slice(Math.max(0, (year ?? month).start - 4), (year ?? month).start))) continue;
        const parts = [year, month, day].filter((p): p is Part => p !== null);
        const mixed = parts.some((p) => p.chinese) && parts.some((p) => !p.chinese);
        const zeros = parts.filter((p) => p.zero);
        if (!mixed && zeros.length === 0) continue;
        if (!isLiteral(ctx, line.start + m)) continue;
        const edits: RawEdit[] = [];
        for (const p of parts) {
          if (p.zero) edits.push({ start: line.start + p.start, end: line.start + p.start + 1, newText: '' });
          else if (mixed && p.chinese) edits.push({ start: line.start + p.start, end: line.start + p.end, newText: String(p.value) });
        }
        if (year && mixed && year.chinese) rewrittenYears.add(year.start);
        const start = line.start + parts[0].start;
        const end = line.start + (day ? day.end + 1 : m + 1);
        let fixed = '';
        let p = start;
        for (const e of edits) {
          fixed += doc.text.slice(p, e.start) + e.newText;
          p = e.end;
        }
        fixed += doc.text.slice(p, end);
        const why = [zeros.length ? '月、日不加“0”' : '', mixed ? '阿拉伯数字与汉字数字不混用' : ''].filter(Boolean).join('，');
        findings.push({
          start,
          end,
          message: `日期写法：“${doc.text.slice(start, end)}”应为“${fixed}”（${why}）`,
          fix: { title: `改为“${fixed}”`, edits },
        });
      }
      // `二零二四年`: in a year, 0 is written 〇 (GB/T 15835: 二〇一二年, not 二零一二年).
      const yearTitles = new SpanCursor(titleSpans);
      for (let y = text.indexOf('零'); y >= 0; y = text.indexOf('零', y + 1)) {
        let s = y;
        while (s > 0 && y - s < 3 && CN_YEAR.includes(text[s - 1])) s--;
        let e = y + 1;
        while (e < text.length && e - s < 4 && CN_YEAR.includes(text[e])) e++;
        if (e - s !== 4 || text[e] !== '年' || CN_YEAR.includes(text[s - 1] ?? ' ') || yearTitles.has(s) || rewrittenYears.has(s)) continue;
        const year = yearBefore(text, e);
        if (!year || !isLiteral(ctx, line.start + s)) continue;
        const edits: RawEdit[] = [];
        for (let k = s; k < e; k++) if (text[k] === '零') edits.push({ start: line.start + k, end: line.start + k + 1, newText: '〇' });
        const written = doc.text.slice(line.start + s, line.start + e + 1);
        const fixed = written.replace(/零/g, '〇');
        findings.push({
          start: line.start + s,
          end: line.start + e + 1,
          message: `年份中的“0”写作“〇”：“${written}”应为“${fixed}”（GB/T 15835）`,
          fix: { title: `改为“${fixed}”`, edits },
        });
        y = e;
      }
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
