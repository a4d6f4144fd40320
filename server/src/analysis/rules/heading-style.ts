import { formatNumbering, LEVEL_NAME, STANDARD_STYLE } from '../numbering';
import type { HeadingLine, NumberingStyle } from '../structure';
import type { RawFinding, Rule } from './rule';

const STYLE_NAME: Record<NumberingStyle, string> = {
  'cn-dun': '“一、”',
  'cn-dot': '“一．”',
  'cn-paren-full': '全角括号“（一）”',
  'cn-paren-half': '半角括号“(一)”',
  'arabic-dot': '“1.”',
  'arabic-dun': '“1、”',
  'arabic-fullstop': '“1．”',
  'arabic-paren-full': '全角括号“（1）”',
  'arabic-paren-half': '半角括号“(1)”',
  circled: '“①”',
  none: '无编号',
};


export const headingStyle: Rule = {
  id: 'heading-style',
  title: '编号样式不一',
  severity: 'info',
  description: '同一层级的标题编号样式不一致（如“1.”与“1、”混用）',
  tags: ['outline', 'style'],
  fix: 'safe',
  check({ structure }) {
    const findings: RawFinding[] = [];
    const byLevel = new Map<number, HeadingLine[]>();
    for (const h of structure.headings) {
      if (h.style === 'none') continue;
      const list = byLevel.get(h.level);
      if (list) list.push(h);
      else byLevel.set(h.level, [h]);
    }
    for (const [level, headings] of byLevel) {
      const counts = new Map<NumberingStyle, number>();
      for (const h of headings) counts.set(h.style, (counts.get(h.style) ?? 0) + 1);
      if (counts.size < 2) continue;
      // The style most used wins; on a tie, the one GB/T 9704 prescribes, else the first used.
      const ranked = [...counts.entries()].sort(
        (a, b) => b[1] - a[1] || Number(b[0] === STANDARD_STYLE[level]) - Number(a[0] === STANDARD_STYLE[level]),
      );
      const main = ranked[0][0];
      const example = headings.find((h) => h.style === main)!;
      for (const h of headings) {
        if (h.style === main) continue;
        const want = formatNumbering(h.value, main, example);
        findings.push({
          start: h.numberingStart,
          end: h.numberingEnd,
          message: `编号样式不一致：本文${LEVEL_NAME[level]}标题多用${STYLE_NAME[main]}（${counts.get(main)} 处），此处“${h.numbering}”为${STYLE_NAME[h.style]}`,
          fix: { title: `改为“${want}”`, edits: [{ start: h.numberingStart, end: h.numberingEnd, newText: want }] },
        });
      }
    }
    return findings;
  },
};
