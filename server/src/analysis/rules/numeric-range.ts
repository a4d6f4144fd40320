import measures from '../data/measures.json';
import type { RawEdit, RawFinding, Rule } from './rule';
import { charTable, digitsBack, digitsForward, isAsciiLetter, isDigit, isLiteral, proseLines } from './style-text';

// `～` and `—` are the marks of a range (GB/T 15835); the others are slips for them.
const MARKS = '-－–‐‑~〜～—';
const RIGHT_MARKS = '～—';
const MARK_CHARS = charTable(MARKS);

// Written on the second value, they belong on the first too: 15%～30%, 9亿～16亿 (GB/T 15835).
const KEPT = '%％‰万亿';
const UNITS = [...new Set([...measures.counts, ...measures.continuous])].sort((a, b) => b.length - a.length);
const DATE_UNITS = new Set(measures.dates);
// A number after these is a label (`第3-5条`, `图1-2`, `表2-8`), not a value.
const LABELS = '第图表式附';

interface Value {
  start: number;
  end: number;
  /** `%`, `万` … written right after the digits, or ''. */
  suffix: string;
  value: number;
}

/** A plain number: no leading zero (codes and dates have them), at most six digits before the point. */
function plainNumber(raw: string): number | null {
  if (!/^\d{1,6}(?:\.\d{1,6})?$/.test(raw) || (raw.length > 1 && raw[0] === '0' && raw[1] !== '.')) return null;
  return Number(raw);
}

function leftValue(text: string, end: number): Value | null {
  let k = end;
  const suffix = KEPT.includes(text[k - 1] ?? ' ') ? text[k - 1] : '';
  if (suffix) k--;
  let s = digitsBack(text, k, 7);
  if (text[s - 1] === '.' && isDigit(text.charCodeAt(s - 2))) s = digitsBack(text, s - 1, 7);
  const value = plainNumber(text.slice(s, k));
  if (value === null) return null;
  const before = text[s - 1] ?? ' ';
  if (isDigit(before.charCodeAt(0)) || isAsciiLetter(before.charCodeAt(0)) || '.-－/_#〔['.includes(before) || MARKS.includes(before) || LABELS.includes(before)) return null;
  // `9:00-17:00`: a time of day (span-dash), not a value.
  if ((before === ':' || before === '：') && isDigit(text.charCodeAt(s - 2))) return null;
  // `3月1-10日` is a span of days (span-dash), not a range of values.
  if (before === '月') return null;
  return { start: s, end, suffix, value };
}

function rightValue(text: string, start: number): (Value & { unit: string }) | null {
  let e = digitsForward(text, start, 7);
  if (text[e] === '.' && isDigit(text.charCodeAt(e + 1))) e = digitsForward(text, e + 1, 7);
  const value = plainNumber(text.slice(start, e));
  if (value === null) return null;
  const suffix = KEPT.includes(text[e] ?? ' ') ? text[e] : '';
  const after = e + suffix.length;
  // `1-2-3`: a code.
  if (MARKS.includes(text[after] ?? ' ') && isDigit(text.charCodeAt(after + 1))) return null;
  if (!suffix && DATE_UNITS.has(text[after])) return null;
  const unit = UNITS.find((u) => text.startsWith(u, after)) ?? '';
  if (!suffix && !unit) return null;
  return { start, end: after, suffix, value, unit };
}

export const numericRange: Rule = {
  id: 'numeric-range',
  title: '数值范围写法',
  severity: 'warning',
  description: '数值范围用浪纹线“～”连接，前后数值都带“%”“万”“亿”（GB/T 15835：15%～30%、9亿～16亿，不写为15-30%、9～16亿）',
  tags: ['style'],
  fix: 'safe',
  check(ctx) {
    const { doc } = ctx;
    const findings: RawFinding[] = [];
    for (const line of proseLines(ctx)) {
      const text = line.norm;
      if (!/\d/.test(text)) continue;
      for (let i = 1; i < text.length - 1; i++) {
        if (!MARK_CHARS[text.charCodeAt(i)]) continue;
        const c = text[i];
        const from = text[i - 1] === ' ' ? i - 1 : i;
        const to = text[i + 1] === ' ' ? i + 2 : i + 1;
        if (!isDigit(text.charCodeAt(to))) continue;
        const left = leftValue(text, from);
        const right = left && rightValue(text, to);
        if (!left || !right) continue;
        // Two years are a span of time (span-dash), whatever follows.
        if (!left.suffix && !right.suffix && left.end - left.start === 4 && right.end - right.start === 4 && /^(?:19|20)/.test(text.slice(left.start, left.end)) && /^(?:19|20)/.test(text.slice(right.start, right.end))) continue;
        if (left.suffix && left.suffix !== right.suffix) continue;
        if (left.value >= right.value || !isLiteral(ctx, line.start + i)) continue;
        const needMark = !RIGHT_MARKS.includes(c);
        const needSuffix = !left.suffix && right.suffix !== '';
        if (!needMark && !needSuffix) continue;
        // One edit from the end of the first value through the mark: `13-17万` → `13万～17万`.
        const suffix = needSuffix ? doc.text[line.start + right.end - 1] : '';
        const edits: RawEdit[] = needMark
          ? [{ start: line.start + from, end: line.start + to, newText: suffix + '～' }]
          : [{ start: line.start + left.end, end: line.start + left.end, newText: suffix }];
        const start = line.start + left.start;
        const end = line.start + right.end;
        let fixed = '';
        let p = start;
        for (const e of edits) {
          fixed += doc.text.slice(p, e.start) + e.newText;
          p = e.end;
        }
        fixed += doc.text.slice(p, end);
        const why = [needMark ? '用浪纹线“～”连接' : '', needSuffix ? `前一个数值也要带“${right.suffix}”` : ''].filter(Boolean).join('，');
        findings.push({
          start,
          end,
          message: `数值范围应写作“${fixed}”（GB/T 15835：${why}）`,
          fix: { title: `改为“${fixed}”`, edits },
        });
        i = to - 1;
      }
    }
    return findings;
  },
};
