import type { RawFinding, Rule } from './rule';
import { hanAt, isBlank, isLiteral, looksDamaged, proseLines } from './style-text';

// Marks that are never written twice in a row, and that never follow one another.
const POINTS = '，。、；：？！';
// ？！ and ！？ together are allowed (GB/T 15834: a question said with force).
const BOTH_ENDS = '？！';
const CN_DIGITS = '一二三四五六七八九十';
// Where an inline numbering may open: the line's start or after a clause mark.
const OPENS_ITEM = /[：:；;。！？]/;
// Half-width ? and ! are left out: on a page copied through a wrong encoding, a lost character shows as `?`.
const HALF: Record<string, string> = { ',': '，', ';': '；', ':': '：' };
const CANDIDATE = /[，。、；：？！,;:][，。、；：？！,;:]|[）)][、.．]|[.．]、|[一二三四五六七八九十][.．]/;

/**
 * The point a character stands for: a full-width one as it is, a half-width one in Chinese text
 * (`件,,其中`, `8.85%,;求助`: a Chinese character before the run or after it) as its full-width form.
 */
function pointAt(text: string, i: number, runStart: number, runEnd: number): string | null {
  const c = text[i];
  if (POINTS.includes(c)) return c;
  if (!(c in HALF)) return null;
  return hanAt(text, runStart - 1) || hanAt(text, runEnd) ? HALF[c] : null;
}

export const punctuationRepeat: Rule = {
  id: 'punctuation-repeat',
  title: '标点重复',
  severity: 'warning',
  description: '标点重复或连用（“。。”“，，”“，。”），序号后多余的标点（“（一）、”“1.、”），句中序号“一.”应为“一、”',
  tags: ['style'],
  fix: 'safe',
  check(ctx) {
    const { doc } = ctx;
    const findings: RawFinding[] = [];
    for (const line of proseLines(ctx)) {
      const text = line.norm;
      // Most lines have none of the patterns: one look decides.
      if (!CANDIDATE.test(text) || looksDamaged(text)) continue;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        const at = line.start + i;
        if (POINTS.includes(c) || c in HALF) {
          // The run of marks this one opens (read once), and what each stands for.
          let end = i + 1;
          while (end < text.length && (POINTS.includes(text[end]) || text[end] in HALF)) end++;
          const points = [];
          for (let k = i; k < end; k++) points.push(pointAt(text, k, i, end));
          for (let k = 0; end - i >= 2 && k < points.length - 1; ) {
            const first = points[k];
            const next = points[k + 1];
            if (!first || !next || !isLiteral(ctx, at + k)) {
              k++;
            } else if (next === first) {
              let last = k + 1;
              while (last < points.length && points[last] === first) last++;
              findings.push({
                start: at + k,
                end: at + last,
                message: `标点重复：“${doc.text.slice(at + k, at + last)}”`,
                fix: { title: `删去重复的“${first}”`, edits: [{ start: at + k + 1, end: at + last, newText: '' }] },
              });
              k = last;
            } else if (!(BOTH_ENDS.includes(first) && BOTH_ENDS.includes(next))) {
              // Which one was meant is the writer's call (a clause cut short, or a stray mark).
              findings.push({ start: at + k, end: at + k + 2, message: `标点连用：“${doc.text.slice(at + k, at + k + 2)}”，应只保留一个` });
              k += 2;
            } else k++;
          }
          i = end - 1;
        } else if ((c === '）' || c === ')') && '、.．'.includes(text[i + 1] ?? ' ')) {
          // `（一）、加强…`: the bracket already separates the number from the text.
          const m = /[（(]([一二三四五六七八九十]{1,3}|\d{1,2})$/.exec(text.slice(Math.max(0, i - 5), i));
          if (!m) continue;
          const start = i - m[0].length;
          let b = start - 1;
          while (b >= 0 && isBlank(text.charCodeAt(b))) b--;
          if (b >= 0 && !OPENS_ITEM.test(text[b])) continue;
          if (!hanAt(text, i + 2) || !isLiteral(ctx, at + 1)) continue;
          findings.push({
            start: line.start + start,
            end: at + 2,
            message: `序号后多余的标点：“${doc.text.slice(line.start + start, at + 2)}”，括号序号后不再加“${text[i + 1]}”`,
            fix: { title: `删去“${text[i + 1]}”`, edits: [{ start: at + 1, end: at + 2, newText: '' }] },
          });
        } else if ((c === '.' || c === '．') && text[i + 1] === '、' && /(?:^|[^\d.])\d{1,2}$/.test(text.slice(Math.max(0, i - 3), i))) {
          // `1.、加强…`
          if (!hanAt(text, i + 2) || !isLiteral(ctx, at)) continue;
          findings.push({
            start: at,
            end: at + 2,
            message: `序号后多余的标点：“${text[i]}、”`,
            fix: { title: '删去“、”', edits: [{ start: at + 1, end: at + 2, newText: '' }] },
          });
        } else if ((c === '.' || c === '．') && CN_DIGITS.includes(text[i - 1] ?? ' ') && hanAt(text, i + 1)) {
          // `…措施：一.加强…`: a numbering in the running text (at a line's start it is a heading: heading-style).
          let s = i - 1;
          while (s > 0 && CN_DIGITS.includes(text[s - 1]) && i - s < 2) s--;
          if (s === 0 || !OPENS_ITEM.test(text[s - 1]) || !isLiteral(ctx, at)) continue;
          findings.push({
            start: line.start + s,
            end: at + 1,
            message: `汉字序号后应用顿号：“${doc.text.slice(line.start + s, at + 1)}”应为“${doc.text.slice(line.start + s, at)}、”`,
            fix: { title: '改为“、”', edits: [{ start: at, end: at + 1, newText: '、' }] },
          });
        }
      }
    }
    return findings;
  },
};
