import measures from '../data/measures.json';
import { parseChineseInteger } from '../numerals';
import type { RawFinding, Rule } from './rule';
import { bookTitleSpans, isLiteral, SpanCursor } from './style-text';

const COUNTS = [...measures.counts].sort((a, b) => b.length - a.length);
const COUNT_SET = new Set(measures.counts);
const CN = '二两三四五六七八九十百千';
// A Chinese count closes its clause (`办结十件，`); followed by a noun it is a name (`三项制度`, `两个维护`).
const CLOSES = '，,。；;、：:）)！？';
// `第三次`, `这两件`, `每三个月`, `约三次`, `超百人`: an order, a reference, an estimate or a threshold, not a figure of the list.
const NOT_AFTER = '第每各这那此前后头近约数几一零〇超过逾破上';

export const mixedNumerals: Rule = {
  id: 'mixed-numerals',
  title: '数字写法不一',
  severity: 'info',
  description: '同一句列举的统计数字中阿拉伯数字与汉字数字混用（“受理12件，办结十件”），应统一用阿拉伯数字（GB/T 15835）',
  tags: ['style'],
  fix: 'safe',
  check(ctx) {
    const { doc, numbers, structure } = ctx;
    const findings: RawFinding[] = [];
    // The sentences that count things in Arabic digits: a Chinese count beside them breaks the list's form.
    const arabic = new Set<number>();
    for (const f of numbers.quantities) {
      if (!f.chinese && !f.percent && !f.permille && !f.range && COUNT_SET.has(f.unit) && f.line <= structure.lastContentLine) arabic.add(f.statement);
    }
    for (const s of numbers.statements) {
      if (!arabic.has(s.index)) continue;
      const text = doc.norm.slice(s.start, s.end);
      const titles = new SpanCursor(bookTitleSpans(text, 200));
      for (let i = 0; i < text.length; i++) {
        if (!CN.includes(text[i])) continue;
        let e = i;
        while (e < text.length && e - i < 4 && CN.includes(text[e])) e++;
        const numeral = text.slice(i, e);
        const at = i;
        i = e - 1;
        if (CN.includes(text[e] ?? ' ') || NOT_AFTER.includes(text[at - 1] ?? ' ') || titles.has(at)) continue;
        const unit = COUNTS.find((u) => text.startsWith(u, e));
        if (!unit || !CLOSES.includes(text[e + unit.length] ?? '。')) continue;
        const value = parseChineseInteger(numeral);
        // `百人`, `千家`: a round number said in words (`超百人`), not a count.
        if (value === null || value < 2 || numeral[0] === '百' || numeral[0] === '千' || !isLiteral(ctx, s.start + at)) continue;
        const start = s.start + at;
        const digits = String(value);
        findings.push({
          start,
          end: s.start + e,
          message: `同一句统计数字中阿拉伯数字与汉字数字混用：“${doc.text.slice(start, s.start + e)}${unit}”宜写作“${digits}${unit}”（GB/T 15835）`,
          fix: { title: `改为“${digits}${unit}”`, edits: [{ start, end: s.start + e, newText: digits }] },
        });
      }
    }
    return findings;
  },
};
