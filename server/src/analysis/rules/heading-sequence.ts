import { formatChineseInteger } from '../numerals';
import { formatNumbering, formatNumeral, numeralSpan } from '../numbering';
import { renumberGroup, siblingGroups } from '../renumber';
import type { ItemMarker } from '../structure';
import type { RawFinding, RawFix, Rule } from './rule';

export const headingSequence: Rule = {
  id: 'heading-sequence',
  title: '序号跳号或重复',
  severity: 'warning',
  description: '标题或“一是、二是”序号跳号、重复或重新开始',
  tags: ['outline'],
  fix: 'safe',
  check({ structure }) {
    const findings: RawFinding[] = [];
    for (const group of siblingGroups(structure.headings)) {
      // One renumbering of the whole group, shared by its findings.
      let renumber: RawFix | undefined;
      // A numeral lost in a web copy (`、坚持…`) stands where it should: the count goes on from there.
      const effective: number[] = [];
      group.forEach((h, i) => {
        const expected = i === 0 ? 1 : effective[i - 1] + 1;
        effective.push(h.value === 0 ? expected : h.value);
        if (h.value === expected) return;
        const prev = group[i - 1];
        const want = formatNumbering(expected, h.style, h);
        let message: string;
        if (h.value === 0) message = `标题缺少序号：此处应为“${want}”`;
        else if (!prev) message = `同级标题序号应从“${formatNumbering(1, h.style, h)}”开始，文中第一个是“${h.numbering}”`;
        else if (h.value === effective[i - 1]) message = `标题序号重复：第 ${prev.line + 1} 行已是“${prev.numbering}”，此处应为“${want}”`;
        else if (h.value < effective[i - 1]) message = `标题序号重新开始：同一层级上一个标题是“${prev.numbering}”（第 ${prev.line + 1} 行），此处为“${h.numbering}”，应为“${want}”`;
        else message = `标题序号跳号：“${prev.numbering}”之后是“${h.numbering}”，缺少“${want}”`;
        const span = numeralSpan(h)!; // every heading with a value has a numeral, or a place for the lost one
        findings.push({
          start: h.numberingStart,
          end: h.numberingEnd,
          message,
          fix: { title: `改为“${want}”`, edits: [{ start: span.start, end: span.end, newText: formatNumeral(expected, h.style) }] },
          moreFixes: [(renumber ??= { title: '重新编号同级标题（只改序号）', edits: renumberGroup(group) })],
        });
      });
    }
    findings.push(...itemGaps(structure.items));
    return findings;
  },
};

/** `一是…三是`: an enumeration that skips or repeats a number (a new `一是` starts a new count). */
function itemGaps(items: ItemMarker[]): RawFinding[] {
  const findings: RawFinding[] = [];
  const last = new Map<string, ItemMarker>();
  for (const item of items) {
    const key = `${item.heading}:${item.parent}`;
    const prev = last.get(key);
    last.set(key, item);
    if (item.value === 1 || !prev || item.value === prev.value + 1) continue;
    const numeral = formatChineseInteger(prev.value + 1);
    const shi = item.numbering.endsWith('是');
    const expected = shi ? `${numeral}是` : `第${numeral}`;
    const message =
      item.value > prev.value + 1
        ? `列举序号跳号：“${prev.numbering}”之后是“${item.numbering}”，缺少“${expected}”`
        : `列举序号重复或倒序：“${prev.numbering}”之后是“${item.numbering}”，应为“${expected}”`;
    const numeralStart = item.numberingStart + (shi ? 0 : 1);
    const numeralEnd = item.numberingEnd - (shi ? 1 : 0);
    findings.push({
      start: item.numberingStart,
      end: item.numberingEnd,
      message,
      fix: { title: `改为“${expected}”`, edits: [{ start: numeralStart, end: numeralEnd, newText: numeral }] },
    });
  }
  return findings;
}
