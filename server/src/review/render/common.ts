// What every format shows the same way: part marks, the deadline, counts.
import { PART_KEYS, type PartKey, type PartStatus, type ReportRow, type ReviewResult } from '../types';
import { KEY_FIGURE_COLUMNS, type KeyFigureColumn } from '../figures';

/** ✓ its own heading, ⚠ only a paragraph or sentence, ✗ missing; the optional fifth part is blank when absent. */
export function partMark(row: ReportRow, key: PartKey): string {
  const status: PartStatus = row.parts[key];
  if (status === 'heading') return '✓';
  if (status === 'paragraph') return '⚠';
  return key === 'other' ? '' : '✗';
}

export const PART_SHORT: Record<PartKey, string> = { measures: '举措', firstResponsible: '第一责任人', problems: '不足', nextYear: '安排', other: '其他' };

export const PART_EXPLAINED: Record<PartStatus, string> = { heading: '有独立标题', paragraph: '只有段落或句子，没有独立标题', missing: '缺少' };

/** `✓ 2024-03-01` within the deadline, `✗ …` past it, `?` unknown. */
export function deadlineText(row: ReportRow): string {
  const date = row.signatureDate ?? '无落款日期';
  if (row.meetsDeadline === true) return `✓ ${date}`;
  if (row.meetsDeadline === false) return `✗ ${date}（时限 ${Number(row.deadline!.slice(5, 7))}月1日）`;
  return row.signatureDate ? `? ${date}（单位类型不明）` : '? 无落款日期';
}

export function unitKindText(row: ReportRow): string {
  return row.unitKind === 'government' ? '政府' : row.unitKind === 'department' ? '部门' : '';
}

/** The key-figure columns some report fills. */
export function usedColumns(result: ReviewResult): KeyFigureColumn[] {
  const used = new Set(result.reports.flatMap((r) => r.figures.map((f) => f.key)));
  return KEY_FIGURE_COLUMNS.filter((c) => used.has(c.key));
}

/** How many reports have each part as a heading, as a paragraph, or not at all. */
export function partCounts(result: ReviewResult): Record<PartKey, Record<PartStatus, number>> {
  const out = {} as Record<PartKey, Record<PartStatus, number>>;
  for (const key of PART_KEYS) {
    out[key] = { heading: 0, paragraph: 0, missing: 0 };
    for (const row of result.reports) out[key][row.parts[key]]++;
  }
  return out;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** `a.md 第3段` (and the page of a PDF). */
export function where(place: { file: string; paragraph: number; page?: number }, withFile = true): string {
  return `${withFile ? place.file + ' ' : ''}第${place.paragraph}段${place.page !== undefined ? `（第${place.page}页）` : ''}`;
}
