import type { RawFinding, Rule } from './rule';

/**
 * The year under review named in the opening (`2024年，我局…`, `现将2024年…报告如下`)
 * or in the measures' heading (`一、2024年度推进…`) is not the report's year
 * (from the title or the setting): a 2025 report whose measures read 2024.
 */
export const yearMismatch: Rule = {
  id: 'year-mismatch',
  title: '年度不一致',
  severity: 'warning',
  description: '开篇或“主要举措和成效”标题中的年度与报告年度（标题或设置中的年度）不一致',
  tags: ['sections'],
  check({ year, sections }) {
    if (year.year === null || (year.source !== 'title' && year.source !== 'option')) return [];
    const from = year.source === 'title' ? '标题' : '设置';
    const findings: RawFinding[] = [];
    if (year.openingYear !== null && year.openingYearAt && year.openingYear !== year.year) {
      findings.push({ ...year.openingYearAt, message: `开篇所写的年度 ${year.openingYear} 年与报告年度 ${year.year} 年（${from}）不一致` });
    }
    // The first heading's year counts when that heading opens the measures (not a heading of another part).
    const measures = sections.measures;
    const at = year.headingYearAt;
    if (year.headingYear !== null && at && year.headingYear !== year.year && measures && at.start >= measures.start && at.start <= measures.end) {
      if (!findings.some((f) => f.start === at.start)) {
        findings.push({ ...at, message: `“主要举措和成效”标题中的年度 ${year.headingYear} 年与报告年度 ${year.year} 年（${from}）不一致` });
      }
    }
    return findings;
  },
};
