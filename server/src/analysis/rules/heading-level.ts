import { LEVEL_NAME } from '../numbering';
import type { HeadingLine } from '../structure';
import type { RawFinding, Rule } from './rule';

const LEVEL_EXAMPLE = ['', '一、', '（一）', '1.', '（1）'];

function missingLevels(from: number, to: number): string {
  const names: string[] = [];
  for (let l = from + 1; l < to; l++) names.push(`${LEVEL_NAME[l]}标题“${LEVEL_EXAMPLE[l]}”`);
  return names.join('、');
}

export const headingLevel: Rule = {
  id: 'heading-level',
  title: '标题层级错位',
  severity: 'warning',
  description: '标题层级错位：缺少上一级标题（如“（1）”直接位于“一、”之下）',
  tags: ['outline'],
  check({ structure }) {
    const findings: RawFinding[] = [];
    const numbered = structure.headings.filter((h) => h.style !== 'none');
    const stack: HeadingLine[] = [];
    let orphanRun = false;
    for (const h of numbered) {
      while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent && h.level > parent.level + 1) {
        findings.push({
          start: h.numberingStart,
          end: h.numberingEnd,
          message: `标题层级错位：${LEVEL_NAME[h.level]}标题“${h.numbering}”直接位于${LEVEL_NAME[parent.level]}标题“${parent.numbering}${parent.title}”（第 ${parent.line + 1} 行）之下，中间缺少${missingLevels(parent.level, h.level)}`,
        });
      } else if (!parent && h.level > 1) {
        // Report a run of top-level headings below level 1 once, at its first heading.
        if (!orphanRun) {
          findings.push({
            start: h.numberingStart,
            end: h.numberingEnd,
            message: `标题层级错位：${LEVEL_NAME[h.level]}标题“${h.numbering}”之前没有上级标题，缺少${missingLevels(0, h.level)}`,
          });
        }
        orphanRun = true;
      }
      if (h.level === 1) orphanRun = false;
      stack.push(h);
    }
    return findings;
  },
};
