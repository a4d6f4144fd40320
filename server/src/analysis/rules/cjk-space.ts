import spacing from '../data/spacing.json';
import { blankNumber } from './blank-number';
import type { RawFinding, Rule } from './rule';
import { excerpt, isBlank, isHan, isLiteral, proseLines, SpanCursor } from './style-text';

const CLAUSE_MARK = /[，。；：！？,;:!?]/;
// A line is a sentence when it has a clause mark; a title, a menu, a list of names or a metadata line has none.
const SENTENCE_MARK = /[，。；！？]|[\u4e00-\u9fff][,;!?]/;
/** More gaps than this on one line: laid out with spaces between its words (a copied web menu), not prose. */
const MAX_GAPS = 4;
/** A run of at most this many characters set apart by spaces on both sides is an item of a list or menu. */
const MAX_ITEM = 4;
// `第一条 为了…`, `第二章 总则`: a label and its text are set apart by a space.
const LABEL = /第[一二三四五六七八九十百零〇\d]{1,6}[章节条款编部分]$/;
const OPENERS = '“‘（(《「『【〔';
const CLOSERS = '”’）)》」』】〕';

/** For each position of the line, whether it is inside quotes, brackets or 《》 (left open to the line's end if never closed). */
function enclosed(text: string): Uint8Array {
  const inside = new Uint8Array(text.length);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (CLOSERS.includes(text[i]) && depth > 0) depth--;
    inside[i] = depth > 0 ? 1 : 0;
    if (OPENERS.includes(text[i])) depth++;
  }
  return inside;
}

export const cjkSpace: Rule = {
  id: 'cjk-space',
  title: '汉字间空格',
  severity: 'info',
  description: '句子中两个汉字之间有空格（排版或复制时带入，或漏了标点）；新闻电头、署名、并列发文机关、引号和括号内的空格不提示',
  tags: ['style'],
  check(ctx) {
    const { doc, structure } = ctx;
    // A space where a figure is missing (`解决 个`) is blank-number's.
    const blanks = new SpanCursor(blankNumber.check(ctx).map((f) => [f.start, f.end] as [number, number]));
    // A run-in heading or item set apart from its text by a space is heading-punctuation's.
    const numberings = new Set([...structure.headings.map((h) => h.numberingStart), ...structure.items.map((i) => i.numberingStart)]);
    const findings: RawFinding[] = [];
    for (const line of proseLines(ctx)) {
      const text = line.norm;
      if (!/[ \u3000\u00a0\t]/.test(text) || !SENTENCE_MARK.test(text)) continue;
      const gaps: [number, number][] = [];
      for (let i = 1; i < text.length; i++) {
        if (!isBlank(text.charCodeAt(i)) || !isHan(text.charCodeAt(i - 1))) continue;
        let j = i;
        while (j < text.length && isBlank(text.charCodeAt(j))) j++;
        if (isHan(text.charCodeAt(j))) gaps.push([i, j]);
        i = j;
      }
      if (gaps.length === 0 || gaps.length > MAX_GAPS) continue;
      const inside = enclosed(text);
      for (const [i, j] of gaps) {
        const start = line.start + i;
        if (blanks.has(start) || inside[i] || !isLiteral(ctx, start)) continue;
        // The Chinese words on each side of the gap.
        let ls = i;
        while (ls > 0 && i - ls < 12 && isHan(text.charCodeAt(ls - 1))) ls--;
        let re = j;
        while (re < text.length && re - j < 12 && isHan(text.charCodeAt(re))) re++;
        const leftItem = i - ls <= MAX_ITEM && (ls === 0 || isBlank(text.charCodeAt(ls - 1)));
        const rightItem = re - j <= MAX_ITEM && (re === text.length || isBlank(text.charCodeAt(re)));
        const speaker = re - j <= 3 && (text[re] === '：' || text[re] === ':');
        const left = text.slice(Math.max(0, i - 12), i);
        if (leftItem || rightItem || speaker || LABEL.test(left)) continue;
        if (spacing.labelsBefore.some((w) => left.endsWith(w)) || spacing.labelsAfter.some((w) => text.startsWith(w, j))) continue;
        if (spacing.names.some((w) => left.endsWith(w)) && spacing.names.some((w) => text.startsWith(w, j))) continue;
        // The clause the gap is in, from the last mark before it: a numbered heading or item run in with its text.
        let s = i - 1;
        while (s > 0 && i - s < 40 && !CLAUSE_MARK.test(text[s - 1])) s--;
        while (s < i && isBlank(text.charCodeAt(s))) s++;
        if (numberings.has(line.start + s)) continue;
        findings.push({
          start,
          end: line.start + j,
          message: `汉字之间有空格：“${excerpt(doc, start, line.start + j)}”（删去空格，或改用标点）`,
        });
      }
    }
    return findings;
  },
};
