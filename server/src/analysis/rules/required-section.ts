import { partInsertion } from '../skeleton';
import type { RawFinding, Rule, RuleContext } from './rule';

/** The five-part rule dates from 2019 (厅字〔2019〕28号); earlier reports followed the looser 纲要. */
const FIRST_YEAR_OF_RULE = 2019;

/** Where a missing part is reported: the title line, else the first non-blank line. */
function anchor(ctx: RuleContext): { start: number; end: number } {
  const { doc, structure } = ctx;
  if (structure.title) return { start: structure.title.start, end: structure.title.end };
  const line = doc.lines.find((l) => l.text.trim() !== '');
  if (!line) return { start: 0, end: 0 };
  const lead = line.text.length - line.text.trimStart().length;
  return { start: line.start + lead, end: line.start + line.text.trimEnd().length };
}

export const requiredSection: Rule = {
  id: 'required-section',
  title: '缺少必备部分',
  severity: 'error',
  description: '缺少《法治政府建设与责任落实督察工作规定》要求的必备部分',
  tags: ['sections'],
  fix: 'manual',
  check(ctx) {
    const findings: RawFinding[] = [];
    const early = ctx.year.year !== null && ctx.year.year < FIRST_YEAR_OF_RULE;
    const at = anchor(ctx);
    for (const entry of ctx.catalogue) {
      if (!entry.required || ctx.sections[entry.key]) continue;
      const insertion = partInsertion(ctx, entry);
      const message =
        `缺少必备部分“${entry.name}”：《法治政府建设与责任落实督察工作规定》要求年度报告写明“${entry.regulation}”` +
        (early ? `（本报告为 ${ctx.year.year} 年度，早于该规定施行，仅作提示）` : '');
      findings.push({
        ...at,
        message,
        severity: early ? 'info' : undefined,
        fix: { title: `插入“${insertion.heading}”部分`, edits: [insertion.insert] },
        moreFixes: insertion.renumber.length
          ? [{ title: `插入“${insertion.heading}”部分，并重新编号其后的标题`, edits: [insertion.insert, ...insertion.renumber] }]
          : undefined,
      });
    }
    return findings;
  },
};
