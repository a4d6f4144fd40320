import { deadlineFor, readUnit } from '../unit';
import type { RawFinding, Rule } from './rule';

const KIND_NAME = { department: '政府部门', government: '地方政府' } as const;

/**
 * The date under the signature against the deadline for the unit's kind
 * (data/units.json): a department reports by 3月1日, a government by 4月1日 of
 * the year after the report year. Information for the writer, who may be
 * dating a late report, and for the reviewer.
 */
export const reportDeadline: Rule = {
  id: 'report-deadline',
  title: '晚于报送时限',
  severity: 'info',
  description: '成文日期晚于报送时限（政府部门为次年3月1日前，地方政府为次年4月1日前）',
  tags: ['sections'],
  check({ doc, structure, year }) {
    const date = structure.signature?.date;
    if (!date || year.year === null || year.source === 'body') return [];
    const title = structure.title ? doc.text.slice(structure.title.start, structure.title.end) : null;
    const unit = readUnit(title, structure.signature?.unit?.text ?? null);
    const iso = `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
    const { deadline, met } = deadlineFor(unit.kind, year.year, iso);
    if (met !== false || !deadline || !unit.kind) return [];
    const [y, m, d] = deadline.split('-').map(Number);
    const findings: RawFinding[] = [
      {
        start: date.start,
        end: date.end,
        message: `成文日期 ${date.year}年${date.month}月${date.day}日 晚于报送时限：${unit.unit ?? '本单位'}为${KIND_NAME[unit.kind]}，${year.year} 年度报告应于 ${y}年${m}月${d}日前报送`,
      },
    ];
    return findings;
  },
};
