// CSV for a spreadsheet: one row per report, UTF-8 with a byte order mark so
// that Excel reads the Chinese text as UTF-8, lines ended by CRLF (RFC 4180).
import { GROUP_KEYS, GROUP_LABELS, PART_KEYS, PART_LABELS, type ReviewResult } from '../types';
import { partMark, unitKindText, usedColumns } from './common';

/** One field: quoted when it holds a comma, a quote or a line break; a formula-like start is defused. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // A cell starting with = + - @ would be run as a formula by a spreadsheet (CSV injection).
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(result: ReviewResult): string {
  const columns = usedColumns(result);
  const header = [
    '文件', '单位', '单位类型', '报告年度', '落款日期', '报送时限', '按时报送',
    ...PART_KEYS.map((k) => PART_LABELS[k]),
    '错误', '警告', '提示',
    ...GROUP_KEYS.flatMap((g) => [`${GROUP_LABELS[g]}错误`, `${GROUP_LABELS[g]}警告`]),
    '首个错误', '首个错误位置', '首个错误原文',
    ...columns.map((c) => c.label),
  ];
  const lines = [header.map(csvField).join(',')];
  for (const r of result.reports) {
    const first = r.findings.find((f) => f.severity === 'error');
    const fields: (string | number | null)[] = [
      r.file, r.unit, unitKindText(r) || null, r.reportYear, r.signatureDate, r.deadline,
      r.meetsDeadline === null ? '未知' : r.meetsDeadline ? '是' : '否',
      ...PART_KEYS.map((k) => partMark(r, k)),
      r.errors, r.warnings, r.infos,
      ...GROUP_KEYS.flatMap((g) => [r.groups[g].errors, r.groups[g].warnings]),
      first?.message ?? null, first ? `第${first.paragraph}段` : null, first?.quote ?? null,
      ...columns.map((c) => r.figures.find((f) => f.key === c.key)?.text ?? null),
    ];
    lines.push(fields.map(csvField).join(','));
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
