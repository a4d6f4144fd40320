// fazhi-report rules: every rule with its metadata (the SARIF rules and the README's table read the same list).
import { ruleDescriptors } from '../analysis/api';
import { UsageError } from './check';
import { Output } from './output';

const FIX_LABEL = { none: '无', safe: '可自动修复', manual: '手动修复' } as const;

/** Every rule: id, Chinese title, English name, default severity, description, tags and whether it offers a fix (`safe`: `--fix`-able). */
export function rules(format: string): number {
  if (!['text', 'json'].includes(format)) throw new UsageError(`--format 只能是 text 或 json，收到 ${format}`);
  const list = ruleDescriptors();
  const out = new Output();
  if (format === 'json') {
    out.write(JSON.stringify(list.map(({ id, title, name, severity, description, tags, fix }) => ({ id, title, name, severity, description, tags, fix, hasFix: fix !== 'none' })), null, 2) + '\n');
  } else {
    const width = Math.max(...list.map((r) => r.id.length));
    for (const r of list) out.write(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  [${r.tags.join(',') || '-'}]  修复：${FIX_LABEL[r.fix]}  ${r.description}\n`);
  }
  out.flush();
  return 0;
}

