import type { RawFinding, Rule } from './rule';

const FORM_NAME = { paragraph: '段落', item: '条目', sentence: '一句话' } as const;

export const sectionHeading: Rule = {
  id: 'section-heading',
  title: '必备部分无标题',
  severity: 'info',
  description: '必备部分只以段落或句子出现，没有单列标题',
  tags: ['sections'],
  check({ sections, catalogue }) {
    const findings: RawFinding[] = [];
    for (const entry of catalogue) {
      const s = sections[entry.key];
      if (!s || s.asHeading || !(s.form in FORM_NAME)) continue;
      const form = FORM_NAME[s.form as keyof typeof FORM_NAME];
      findings.push({
        start: s.start,
        end: s.form === 'paragraph' ? s.start + s.title.length : s.end,
        message: `“${entry.name}”只以${form}出现（“${s.title}”），建议单列一级标题，如“${entry.skeleton.replace('YYYY年度', '下一年度')}”`,
      });
    }
    return findings;
  },
};
