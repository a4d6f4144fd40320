// The terminal table: columns measured in terminal cells (a Chinese character
// takes two, string-width knows which), shrunk to the terminal's width with
// the widest columns cut first.
import stringWidth from 'string-width';
import { PART_KEYS, GROUP_KEYS, GROUP_LABELS, type ReviewResult } from '../types';
import { PART_SHORT, deadlineText, partMark, percent, usedColumns, where } from './common';

/** Cuts a cell to `width` terminal cells, ending with … when cut. */
export function fit(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = stringWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return out + '…';
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** Rows under a header, columns two cells apart, the whole no wider than `maxWidth`. */
export function table(header: string[], rows: string[][], maxWidth: number): string[] {
  const clean = (s: string) => s.replace(/\s+/g, ' ');
  const all = [header, ...rows].map((r) => r.map(clean));
  const widths = header.map((_, i) => Math.max(...all.map((r) => stringWidth(r[i] ?? ''))));
  const gap = 2;
  const total = () => widths.reduce((a, b) => a + b, 0) + gap * (widths.length - 1);
  // Narrow the widest column, one cell at a time, down to 6 cells.
  while (total() > maxWidth) {
    let widest = 0;
    for (let i = 1; i < widths.length; i++) if (widths[i] > widths[widest]) widest = i;
    if (widths[widest] <= 6) break;
    widths[widest]--;
  }
  const line = (r: string[]) =>
    r
      .map((cell, i) => pad(fit(cell ?? '', widths[i]), widths[i]))
      .join(' '.repeat(gap))
      .trimEnd();
  return [line(all[0]), widths.map((w) => '─'.repeat(w)).join(' '.repeat(gap)), ...all.slice(1).map(line)];
}

function basename(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

export function renderTable(result: ReviewResult, width = 120): string {
  const out: string[] = [];
  const groups = GROUP_KEYS.filter((g) => result.reports.some((r) => r.groups[g].errors || r.groups[g].warnings));
  out.push(`审阅 ${result.reports.length} 份报告${result.failures.length ? `，${result.failures.length} 个文件无法读取` : ''}`);
  out.push('必备部分：✓ 有独立标题  ⚠ 只有段落或句子  ✗ 缺少；时限：部门 3月1日前，政府 4月1日前（报告年度的次年）');
  out.push('');
  out.push(
    ...table(
      ['文件', '单位', '年度', '落款日期', ...PART_KEYS.map((k) => PART_SHORT[k]), '错误', '警告', ...groups.map((g) => GROUP_LABELS[g]), '首个错误'],
      result.reports.map((r) => {
        const first = r.findings.find((f) => f.severity === 'error');
        return [
          basename(r.file),
          r.unit ?? '?',
          r.reportYear ? String(r.reportYear) : '?',
          deadlineText(r),
          ...PART_KEYS.map((k) => partMark(r, k)),
          String(r.errors),
          String(r.warnings),
          ...groups.map((g) => `${r.groups[g].errors}/${r.groups[g].warnings}`),
          first ? `第${first.paragraph}段 ${first.message}（“${first.quote}”）` : '',
        ];
      }),
      width,
    ),
  );
  if (groups.length) out.push(`（分组列为 错误/警告；一条规则可属于多个分组）`);

  const columns = usedColumns(result);
  if (columns.length) {
    out.push('', '关键数据');
    out.push(...table(['文件', ...columns.map((c) => c.label)], result.reports.map((r) => [basename(r.file), ...columns.map((c) => r.figures.find((f) => f.key === c.key)?.text ?? '')]), width));
  }

  out.push('', result.copies.length ? '雷同段落（两份报告共有的段落，已排除本类报告的常用语）' : '雷同段落：未发现');
  for (const c of result.copies) {
    out.push(`■ ${c.a}  ↔  ${c.b}：${c.passages.length} 段`);
    for (const p of c.passages) {
      out.push(fit(`  ${percent(p.share)}  ${where(p.a, false)}“${p.a.quote}”  ↔  ${where(p.b, false)}“${p.b.quote}”`, width));
    }
  }

  const prev = result.previous;
  if (prev) {
    out.push('', `与上年报告对照（${prev.dir.join('、')}）：按单位匹配 ${prev.matched.length} 份${prev.unmatched.length ? `，${prev.unmatched.length} 份无上年报告` : ''}`);
    out.push(prev.carriedOver.length ? '沿用上年的段落：' : '沿用上年的段落：未发现');
    for (const p of prev.carriedOver) out.push(fit(`  ${percent(p.share)}  ${where(p.a)}“${p.a.quote}”  ←  ${where(p.b)}`, width));
    out.push(prev.repeatedFigures.length ? '与上年相同的数据：' : '与上年相同的数据：未发现');
    for (const f of prev.repeatedFigures) out.push(fit(`  ${basename(f.file)}  ${f.key} ${f.current.text}：今年“${f.current.quote}”  上年“${f.previous.quote}”`, width));
    out.push(prev.untracedPlans.length ? '上年安排在今年举措中未见下文（供参考）：' : '上年安排在今年举措中未见下文：未发现');
    for (const u of prev.untracedPlans) out.push(fit(`  ${basename(u.file)}  上年 ${where(u.item, false)}“${u.item.quote}”`, width));
  }

  if (result.failures.length) {
    out.push('', '无法读取的文件：');
    for (const f of result.failures) out.push(`  ${f.file}：${f.error}`);
  }
  return out.join('\n') + '\n';
}
