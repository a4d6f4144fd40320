import type { RawFinding, Rule } from './rule';

export const planYear: Rule = {
  id: 'plan-year',
  title: '计划年份不符',
  severity: 'warning',
  description: '下一年度安排的年份不是报告年度加一',
  tags: ['sections'],
  check({ year }) {
    const findings: RawFinding[] = [];
    // The plan's year is only checked against a year read elsewhere (not from the plan itself, nor guessed from the body).
    if (year.year !== null && year.source !== 'plan' && year.source !== 'body' && year.planYear !== null && year.planYearAt && year.planYear !== year.year + 1) {
      findings.push({
        ...year.planYearAt,
        message: `下一年度安排的年份应为 ${year.year + 1} 年（报告年度 ${year.year} 年 + 1），文中为 ${year.planYear} 年`,
      });
    }
    return findings;
  },
};
