// A plain-text summary of one report for a review email, in Chinese.
import type { Analysis, SectionKey } from './types';
import type { SectionEntry } from './sections';
import { CHECKLIST_ORDER } from './skeleton';
import { ruleDescriptors } from './rules';

const SEVERITY_NAME = { error: '错误', warning: '警告', info: '提示' } as const;

const STATE = { heading: '✓ 有标题', paragraph: '⚠ 仅以段落或句子出现', missing: '✗ 缺少', optional: '○ 未写' } as const;

/** `maxListed`: the errors and warnings quoted, errors first. */
export function reviewSummary(analysis: Analysis, catalogue: SectionEntry[], fileName: string, maxListed = 5): string {
  const titles = new Map(ruleDescriptors().map((r) => [r.id, r.title]));
  const lines: string[] = [];
  const title = analysis.title?.text ?? '（无标题）';
  lines.push(`报告：${title}`);
  lines.push(`文件：${fileName}`);
  lines.push(`报告年度：${analysis.reportYear !== null ? `${analysis.reportYear} 年` : '未能确定'}`);
  lines.push('必备部分：');
  for (const entry of CHECKLIST_ORDER.map((key) => catalogue.find((e) => e.key === key)!)) {
    const found = analysis.sections[entry.key as SectionKey];
    const state = found ? (found.asHeading ? 'heading' : 'paragraph') : entry.required ? 'missing' : 'optional';
    const where = found ? `（第 ${found.range.start.line + 1} 行）` : entry.required ? '' : entry.key === 'other' ? '（可选）' : '（本报告不要求）';
    lines.push(`  ${STATE[state]}  ${entry.name}${where}`);
  }
  const bySeverity = { error: 0, warning: 0, info: 0 };
  const byRule = new Map<string, number>();
  for (const f of analysis.findings) {
    bySeverity[f.severity]++;
    byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  }
  lines.push(`问题：错误 ${bySeverity.error} 处，警告 ${bySeverity.warning} 处，提示 ${bySeverity.info} 处`);
  // A reviewer reads the rules' Chinese names; the id is for `fazhiReport.rules`.
  for (const [rule, n] of [...byRule.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) lines.push(`  ${titles.get(rule) ?? rule}（${rule}）：${n} 处`);
  const listed = [...analysis.findings.filter((f) => f.severity === 'error'), ...analysis.findings.filter((f) => f.severity === 'warning')];
  if (listed.length) {
    lines.push(listed.length > maxListed ? `主要问题（前 ${maxListed} 处，共 ${listed.length} 处）：` : '错误和警告：');
    for (const f of listed.slice(0, maxListed)) lines.push(`  第 ${f.range.start.line + 1} 行【${SEVERITY_NAME[f.severity]}】${f.message}`);
  }
  return lines.join('\n') + '\n';
}
