import type { RawFinding, Rule } from './rule';

/**
 * 成文日期 in Arabic numerals, the year in full, month and day without a
 * leading zero (GB/T 9704-2012 7.3.5.4: “用阿拉伯数字将年、月、日标全，年份应标全称，
 * 月、日不编虚位（即1不编为01）”): `2024年03月06日` and `二〇二四年三月六日` become `2024年3月6日`.
 */
export const signatureDate: Rule = {
  id: 'signature-date',
  title: '成文日期格式',
  severity: 'info',
  description: '成文日期应使用阿拉伯数字，月、日不编虚位（GB/T 9704-2012 7.3.5.4）',
  tags: ['style'],
  fix: 'safe',
  check({ doc, structure }) {
    const date = structure.signature?.date;
    if (!date || (!date.chinese && !date.leadingZero)) return [];
    const written = doc.text.slice(date.start, date.end);
    // Brackets around the date (（2024年3月6日）) are kept; only the date itself is rewritten.
    const open = /^[（(]/.test(written) ? 1 : 0;
    const close = /[）)]$/.test(written) ? 1 : 0;
    const right = `${date.year}年${date.month}月${date.day}日`;
    const finding: RawFinding = {
      start: date.start,
      end: date.end,
      message: `成文日期应写作“${right}”：用阿拉伯数字，月、日不编虚位（GB/T 9704-2012 7.3.5.4）`,
      fix: { title: `改为“${right}”`, edits: [{ start: date.start + open, end: date.end - close, newText: right }] },
    };
    return [finding];
  },
};
