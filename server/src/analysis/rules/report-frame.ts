import { topLevel } from '../structure';
import type { RawFinding, Rule } from './rule';

/**
 * The frame of a finished report (GB/T 9704-2012 7.2, 7.3.5): a title, and after
 * the last part the issuing unit (落款) and the date (成文日期). Said only of a
 * text that reads as a whole report — its plan, the last part, written — so a
 * draft in progress or an excerpt is left alone.
 */
export const reportFrame: Rule = {
  id: 'report-frame',
  title: '缺少标题或落款',
  severity: 'info',
  description: '完整的报告缺少标题、落款（发文单位）或成文日期',
  tags: ['sections'],
  check({ doc, structure, sections }) {
    const findings: RawFinding[] = [];
    const top = topLevel(structure.headings);
    const parts = structure.headings.filter((h) => h.level === top).length;
    if (!structure.title && parts >= 2) {
      const first = doc.lines.find((l) => l.text.trim() !== '');
      if (first) {
        const lead = first.text.length - first.text.trimStart().length;
        findings.push({ start: first.start + lead, end: first.start + lead, message: '报告缺少标题（如“某区人民政府关于2024年度法治政府建设情况的报告”）' });
      }
    }
    // Only a report whose last part is written has an ending to judge.
    const plan = sections.nextYear;
    if (!plan || structure.lastContentLine < plan.startLine) return findings;
    const end = doc.lines[structure.lastContentLine];
    const at = { start: end.start + end.text.trimEnd().length, end: end.start + end.text.trimEnd().length };
    const signature = structure.signature;
    if (!signature) findings.push({ ...at, message: '报告末尾缺少落款（发文单位）和成文日期' });
    else if (!signature.date) findings.push({ start: signature.end, end: signature.end, message: '落款下缺少成文日期（如“2025年2月20日”）' });
    else if (!signature.unit) findings.push({ start: signature.start, end: signature.start, message: '成文日期上方缺少落款（发文单位）' });
    return findings;
  },
};
