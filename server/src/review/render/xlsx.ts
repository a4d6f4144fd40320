// The workbook (exceljs): sheets 报告, 问题, 关键数据, 雷同段落, and 上年对照
// with --previous. Numbers are numbers, every sheet has a frozen header row
// and a filter, so a reviewer sorts and filters in Excel or WPS at once.
import ExcelJS from 'exceljs';
import { GROUP_KEYS, GROUP_LABELS, PART_KEYS, PART_LABELS, type ReviewResult } from '../types';
import { partMark, unitKindText, usedColumns, where } from './common';

export const SHEET_NAMES = { reports: '报告', findings: '问题', figures: '关键数据', copies: '雷同段落', previous: '上年对照' } as const;

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

function sheet(book: ExcelJS.Workbook, name: string, header: { title: string; width: number }[], rows: (string | number | null)[][]): ExcelJS.Worksheet {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = header.map((h) => ({ header: h.title, width: h.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v) => (v === null ? '' : v)));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return ws;
}

export async function renderXlsx(result: ReviewResult): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'fazhi-report';
  const columns = usedColumns(result);

  sheet(
    book,
    SHEET_NAMES.reports,
    [
      { title: '文件', width: 36 }, { title: '单位', width: 22 }, { title: '单位类型', width: 8 }, { title: '报告年度', width: 8 },
      { title: '落款日期', width: 12 }, { title: '报送时限', width: 12 }, { title: '按时报送', width: 8 },
      ...PART_KEYS.map((k) => ({ title: PART_LABELS[k], width: 10 })),
      { title: '错误', width: 6 }, { title: '警告', width: 6 }, { title: '提示', width: 6 },
      ...GROUP_KEYS.flatMap((g) => [{ title: `${GROUP_LABELS[g]}错误`, width: 8 }, { title: `${GROUP_LABELS[g]}警告`, width: 8 }]),
      { title: '首个错误', width: 40 }, { title: '首个错误原文', width: 30 },
      ...columns.map((c) => ({ title: c.label, width: 12 })),
    ],
    result.reports.map((r) => {
      const first = r.findings.find((f) => f.severity === 'error');
      return [
        r.file, r.unit, unitKindText(r) || null, r.reportYear, r.signatureDate, r.deadline, r.meetsDeadline === null ? '未知' : r.meetsDeadline ? '是' : '否',
        ...PART_KEYS.map((k) => partMark(r, k)),
        r.errors, r.warnings, r.infos,
        ...GROUP_KEYS.flatMap((g) => [r.groups[g].errors, r.groups[g].warnings]),
        first ? `${where(first, false)} ${first.message}` : null, first?.quote ?? null,
        ...columns.map((c) => r.figures.find((f) => f.key === c.key)?.value ?? null),
      ];
    }),
  );

  sheet(
    book,
    SHEET_NAMES.findings,
    [{ title: '文件', width: 36 }, { title: '单位', width: 22 }, { title: '级别', width: 6 }, { title: '规则', width: 16 }, { title: '说明', width: 60 }, { title: '位置', width: 10 }, { title: '行', width: 6 }, { title: '原文', width: 30 }],
    result.reports.flatMap((r) => r.findings.map((f) => [r.file, r.unit, SEVERITY[f.severity], f.title, f.message, where(f, false), f.range.start.line + 1, f.quote])),
  );

  sheet(
    book,
    SHEET_NAMES.figures,
    [{ title: '文件', width: 36 }, { title: '单位', width: 22 }, { title: '领域', width: 12 }, { title: '指标', width: 16 }, { title: '数值', width: 10 }, { title: '原文写法', width: 12 }, { title: '位置', width: 10 }, { title: '原文', width: 60 }],
    result.reports.flatMap((r) => r.figures.map((f) => [r.file, r.unit, f.area, f.figure, f.value, f.text, where(f, false), f.quote])),
  );

  sheet(
    book,
    SHEET_NAMES.copies,
    [{ title: '文件甲', width: 36 }, { title: '位置甲', width: 10 }, { title: '段落甲', width: 60 }, { title: '文件乙', width: 36 }, { title: '位置乙', width: 10 }, { title: '段落乙', width: 60 }, { title: '相同比例', width: 10 }],
    result.copies.flatMap((c) => c.passages.map((p) => [p.a.file, where(p.a, false), p.a.text, p.b.file, where(p.b, false), p.b.text, p.share])),
  ).getColumn(7).numFmt = '0%';

  const prev = result.previous;
  if (prev) {
    sheet(
      book,
      SHEET_NAMES.previous,
      [{ title: '类别', width: 16 }, { title: '今年文件', width: 36 }, { title: '今年位置', width: 10 }, { title: '今年原文', width: 60 }, { title: '上年文件', width: 36 }, { title: '上年位置', width: 10 }, { title: '上年原文', width: 60 }, { title: '说明', width: 20 }],
      [
        ...prev.carriedOver.map((p) => ['沿用上年段落', p.a.file, where(p.a, false), p.a.text, p.b.file, where(p.b, false), p.b.text, `相同 ${Math.round(p.share * 100)}%`]),
        ...prev.repeatedFigures.map((f) => ['与上年相同的数据', f.file, where(f.current, false), f.current.quote, f.previousFile, where(f.previous, false), f.previous.quote, `${f.key} ${f.current.text}`]),
        ...prev.untracedPlans.map((u) => ['上年安排未见下文', u.file, u.measures ? where(u.measures, false) : '', u.measures?.quote ?? '', u.previousFile, where(u.item, false), u.item.quote, '供参考']),
      ],
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
