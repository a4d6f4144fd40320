import { failedRelations, written } from './relation-rule';
import type { RawFinding, Rule } from './rule';

export const partExceedsTotal: Rule = {
  id: 'part-exceeds-total',
  title: '部分大于整体',
  severity: 'warning',
  description: '部分大于整体（“其中”的一项大于总数；纠错、败诉、调解成功等多于其所属的审结、受理数）',
  tags: ['numbers'],
  check(ctx) {
    const findings: RawFinding[] = [];
    for (const r of failedRelations(ctx, ['subset'])) {
      const [part] = r.members;
      const whole = r.anchor;
      findings.push({
        start: part.start,
        end: part.end,
        message:
          (r.slack ?? 1) > 1
            ? `“${part.metric.slice(-8) || '部分'}”${written(ctx, part)}超过“${whole.metric.slice(-8) || '整体'}”${written(ctx, whole)}的 ${r.slack} 倍：结转的旧案也难以解释，请核对数字`
            : `部分大于整体：“${part.metric.slice(-8) || '部分'}”${written(ctx, part)}，多于“${whole.metric.slice(-8) || '整体'}”${written(ctx, whole)}`,
      });
    }
    return findings;
  },
};
