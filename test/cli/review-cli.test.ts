// fazhi-report review over a reviewer's folder: the table agrees with
// `check`, the copy is found with both places, stock phrases are not copies,
// last year's reports show what was carried over; every format opens.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';
import { EDITED_LINE, EDITED_TO, PREVIOUS_DIR, makeReviewFolder, type ReviewFolder } from '../review-folder';
import type { ReviewResult } from '../../server/src/review/types';

const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let folder: ReviewFolder;
let out: string;
let result: ReviewResult;
let withPrevious: ReviewResult;

beforeAll(() => {
  folder = makeReviewFolder();
  out = mkdtempSync(join(tmpdir(), 'fazhi-review-out-'));
  const r = run(['review', '--format', 'json', folder.dir]);
  expect(r.stderr).toBe('');
  result = JSON.parse(r.stdout);
  withPrevious = JSON.parse(run(['review', '--format', 'json', '--previous', PREVIOUS_DIR, folder.dir]).stdout);
});

const row = (file: string) => result.reports.find((r) => r.file === file)!;

describe('one row per report', () => {
  it('lists every report of the folder once', () => {
    expect(result.reports.map((r) => r.file).sort()).toEqual(Object.values(folder.files).sort());
    expect(result.failures).toEqual([]);
  });

  it('has the parts and the counts that check reports for the same files', () => {
    const check = JSON.parse(run(['check', '--format', 'json', folder.dir]).stdout) as {
      file: string;
      sections: Record<string, { asHeading: boolean } | null>;
      findings: { severity: string }[];
    }[];
    expect(check.map((c) => c.file).sort()).toEqual(result.reports.map((r) => r.file).sort());
    for (const c of check) {
      const r = row(c.file);
      for (const key of ['measures', 'firstResponsible', 'problems', 'nextYear'] as const) {
        const s = c.sections[key];
        expect(r.parts[key], `${c.file} ${key}`).toBe(!s ? 'missing' : s.asHeading ? 'heading' : 'paragraph');
      }
      for (const severity of ['error', 'warning', 'info'] as const) {
        expect(r[`${severity}s`], `${c.file} ${severity}`).toBe(c.findings.filter((f) => f.severity === severity).length);
      }
      // Every error and warning counts in the group of each of its rule's tags: no group holds more than all of them.
      for (const g of Object.values(r.groups)) expect(g.errors).toBeLessThanOrEqual(r.errors);
      expect(Object.values(r.groups).reduce((n, g) => n + g.errors, 0)).toBeGreaterThanOrEqual(r.errors);
    }
  });

  it('reads the unit, its kind, the signature date and the deadline', () => {
    expect(row(folder.files.suxitong)).toMatchObject({ unit: '苏锡通园区', unitSource: 'title', reportYear: 2022, signatureDate: null, meetsDeadline: null });
    expect(row(folder.files.jiangsu)).toMatchObject({ unit: '江蘇省人民政府', unitKind: 'government', reportYear: 2020 });
    // A government's report is due by 4月1日: 3月20日 is in time, 4月8日 is not.
    expect(row(folder.files.qingshan)).toMatchObject({ unit: '青山区人民政府', unitKind: 'government', signatureDate: '2024-03-20', deadline: '2024-04-01', meetsDeadline: true });
    expect(row(folder.files.baishui)).toMatchObject({ signatureDate: '2024-04-08', meetsDeadline: false });
  });

  it('lists the first errors with their place and quote', () => {
    const r = row(folder.files.suxitong);
    const placeholder = r.findings.find((f) => f.rule === 'placeholder')!;
    expect(placeholder).toMatchObject({ severity: 'error', paragraph: 36, range: { start: { line: 35, character: 201 } } });
    expect(placeholder.quote).toContain('*****');
    expect(r.findings[0].severity).toBe('error');
  });

  it('extracts the key figures with their quotes', () => {
    const figures = Object.fromEntries(row(folder.files.donghu).figures.map((f) => [f.key, f]));
    expect(Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, f.text]))).toMatchObject({
      '行政复议·收到': '56件',
      '行政复议·受理': '51件',
      '行政复议·审结': '49件',
      '行政复议·纠错': '8件',
      '行政复议·纠错率': '16.3%',
      '规范性文件·审查': '18件',
      '规范性文件·备案': '18件',
    });
    expect(figures['行政复议·收到'].quote).toContain('收到行政复议申请56件');
    expect(figures['行政复议·收到'].paragraph).toBe(5);
    expect(Object.fromEntries(row(folder.files.baishui).figures.map((f) => [f.key, f.value]))).toMatchObject({ '重大行政决策·决策': 9, '行政复议·收到': 42, '行政复议·纠错': 6 });
  });
});

describe('copied passages', () => {
  it('finds the copy under another unit name with both places, the edited paragraph shared only in part', () => {
    const pairing = result.copies.find((c) => [c.a, c.b].sort().join() === [folder.files.suxitong, folder.files.copy].sort().join())!;
    expect(pairing).toBeDefined();
    const passages = pairing.passages;
    // Nearly every paragraph of the report (the copy changed only the unit's name and one paragraph).
    expect(passages.length).toBeGreaterThanOrEqual(30);
    const whole = passages.filter((p) => p.share === 1);
    expect(whole.length).toBeGreaterThanOrEqual(passages.length - 2);
    for (const p of passages) {
      expect(p.a.paragraph).toBe(p.b.paragraph);
      expect(p.a.text.length).toBeGreaterThan(0);
      expect(p.a.marks.length).toBeGreaterThan(0);
    }
    const edited = passages.find((p) => p.a.paragraph === EDITED_LINE)!;
    expect(edited.share).toBeLessThan(1);
    expect(edited.share).toBeGreaterThan(0.6);
    const copySide = edited.a.file === folder.files.copy ? edited.a : edited.b;
    expect(copySide.text).toContain(EDITED_TO);
    expect(copySide.range.start.line).toBe(EDITED_LINE - 1);
  });

  it('reports nothing between reports that share only the genre’s stock sentences', () => {
    const stock = [folder.files.qingshan, folder.files.baishui];
    expect(result.copies.filter((c) => stock.includes(c.a) || stock.includes(c.b))).toEqual([]);
    // They do share those sentences, word for word.
    const opening = (file: string) => readFileSync(file, 'utf8').split('\n')[4].replace(/^2023年，[^，]+，/, '');
    expect(opening(folder.files.qingshan)).toBe(opening(folder.files.baishui));
  });

  it('finds no other pairs in the folder', () => {
    expect(result.copies).toHaveLength(1);
  });
});

describe('--previous: last year’s reports of the same units', () => {
  it('matches the reports by unit', () => {
    expect(withPrevious.previous!.matched).toEqual([{ file: folder.files.donghu, previousFile: join(PREVIOUS_DIR, 'donghu-2022.md'), unit: '东湖区人民政府' }]);
  });

  it('finds the paragraph carried over unchanged', () => {
    const carried = withPrevious.previous!.carriedOver.find((p) => p.share === 1)!;
    expect(carried.a).toMatchObject({ file: folder.files.donghu, paragraph: 6 });
    expect(carried.b).toMatchObject({ file: join(PREVIOUS_DIR, 'donghu-2022.md'), paragraph: 6 });
    expect(carried.a.text).toContain('首违不罚');
  });

  it('finds the same figure for the same indicator in both years, with both quotes', () => {
    const repeated = withPrevious.previous!.repeatedFigures.map((f) => [f.key, f.current.text, f.previous.text]);
    // 214起 不予处罚 is in both years too, but it counts what was not punished: not a 处罚 figure.
    expect(repeated).toEqual([['行政复议·收到', '56件', '56件']]);
    expect(withPrevious.previous!.repeatedFigures[0].previous.quote).toContain('收到行政复议申请56件');
  });

  it('lists the item of last year’s plan that left no trace in this year’s measures', () => {
    const untraced = withPrevious.previous!.untracedPlans.map((u) => u.item.quote);
    expect(untraced).toEqual(['建设智慧社区矫正监管平台，实现电子定位全覆盖']);
    expect(withPrevious.previous!.untracedPlans[0].measures?.quote).toContain('推进法治政府建设的主要举措和成效');
  });

  it('without --previous there is no comparison', () => {
    expect(result.previous).toBeNull();
  });
});

describe('formats', () => {
  it('table: columns line up in terminal cells, Chinese counted as two', () => {
    const r = run(['review', '--format', 'table', folder.dir]);
    const lines = r.stdout.split('\n');
    const rule = lines.findIndex((l) => l.startsWith('──'));
    const header = lines[rule - 1];
    // Each column starts where its rule starts: the cell before it fills its width.
    const starts = [...lines[rule].matchAll(/─+/g)].map((m) => stringWidth(lines[rule].slice(0, m.index)));
    for (const line of [header, ...lines.slice(rule + 1, rule + 1 + result.reports.length)]) {
      const cells = line.split(/ {2,}/);
      let at = 0;
      const positions: number[] = [];
      for (const cell of cells) {
        const index = line.indexOf(cell, at);
        positions.push(stringWidth(line.slice(0, index)));
        at = index + cell.length;
      }
      for (const p of positions) expect(starts).toContain(p);
    }
    expect(r.stdout).toContain('雷同段落');
    expect(r.code).toBe(1);
  });

  it('CSV: UTF-8 with a BOM, one row per report, fields quoted as RFC 4180 asks', () => {
    const file = join(out, 'review.csv');
    expect(run(['review', '-o', file, folder.dir]).code).toBe(1);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + result.reports.length);
    expect(lines[0].split(',').slice(0, 4)).toEqual(['文件', '单位', '单位类型', '报告年度']);
    expect(text).toContain('江蘇省人民政府');
  });

  it('XLSX: opens with exceljs and has the four sheets', async () => {
    const file = join(out, 'review.xlsx');
    expect(run(['review', '-o', file, '--previous', PREVIOUS_DIR, folder.dir]).code).toBe(1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual(['报告', '问题', '关键数据', '雷同段落', '上年对照']);
    const reports = book.getWorksheet('报告')!;
    expect(reports.rowCount).toBe(1 + result.reports.length);
    expect(reports.getRow(1).getCell(1).value).toBe('文件');
    const figures = book.getWorksheet('关键数据')!;
    const values = figures.getSheetValues().slice(2) as unknown[][];
    expect(values.some((v) => v[3] === '行政复议' && v[4] === '收到' && v[5] === 56)).toBe(true);
    const copies = book.getWorksheet('雷同段落')!;
    expect(copies.rowCount - 1).toBe(result.copies.reduce((n, c) => n + c.passages.length, 0));
  });

  it('HTML: one file, nothing loaded from anywhere', () => {
    const file = join(out, 'review.html');
    expect(run(['review', '-o', file, folder.dir]).code).toBe(1);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(html).not.toMatch(/<(?:link|img|iframe)\b|<script[^>]*\bsrc=|@import|url\(/i);
    expect(html).toContain('<svg class="chart"');
  });

  it('JSON is the default into a pipe, and a usage error exits 2', () => {
    expect(JSON.parse(run(['review', folder.dir]).stdout).reports).toHaveLength(result.reports.length);
    const bad = run(['review', '--format', 'pdf', folder.dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format 只能是 table、csv、xlsx、html、json');
  });

  it('worker threads give the same result, in the same order, as one thread', () => {
    const one = run(['review', '--format', 'json', '--jobs', '1', '--previous', PREVIOUS_DIR, folder.dir]).stdout;
    const two = run(['review', '--format', 'json', '--jobs', '2', '--previous', PREVIOUS_DIR, folder.dir]).stdout;
    expect(JSON.parse(two)).toEqual(JSON.parse(one));
    expect(JSON.parse(one)).toEqual(withPrevious);
    const bad = run(['review', '--jobs', '0', folder.dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--jobs 应为 1–64 之间的整数');
  });

  it('an unreadable file is named with its reason and exits 2', () => {
    const r = run(['review', '--format', 'json', folder.dir, join(out, 'missing.docx')]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).failures).toEqual([{ file: join(out, 'missing.docx'), error: '文件或目录不存在' }]);
  });
});

describe('every kind of file the readers take', () => {
  it('reviews .docx, .doc, .wps-as-.docx, PDF and GBK or UTF-16 text alike, places in 第N段 and pages', () => {
    // One report saved eight ways (test/fixtures/documents).
    const r = run(['review', '--format', 'json', join(ROOT, 'test', 'fixtures', 'documents')]);
    const out = JSON.parse(r.stdout) as ReviewResult;
    expect(out.failures).toEqual([]);
    expect(new Set(out.reports.map((x) => x.kind))).toEqual(new Set(['text', 'docx', 'doc', 'pdf']));
    for (const row of out.reports) {
      expect(row, row.file).toMatchObject({ unit: '示例区', reportYear: 2023, parts: { measures: 'heading', firstResponsible: 'heading', problems: 'heading', nextYear: 'heading' } });
      expect(row.findings.every((f) => f.paragraph >= 1 && f.quote.length > 0)).toBe(true);
    }
    const pdf = out.reports.find((x) => x.kind === 'pdf')!;
    expect(pdf.findings.every((f) => f.page === 1)).toBe(true);
    // The same text in two formats is one report twice: every pair of files shares its paragraphs.
    expect(out.copies).toHaveLength((out.reports.length * (out.reports.length - 1)) / 2);
    const docxPdf = out.copies.find((c) => c.a.endsWith('report-numbered.docx') && c.b.endsWith('report.pdf'))!;
    expect(docxPdf.passages.map((p) => [p.share, p.a.paragraph === p.b.paragraph, p.b.page! >= 1])).toEqual(docxPdf.passages.map(() => [1, true, true]));
    expect(docxPdf.passages.at(-1)!.b.page).toBe(2);
  });
});

const soffice = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find(existsSync);
// Calc reads CSV; Writer alone (libreoffice-writer-nogui) cannot load it.
const calc = existsSync('/usr/lib/libreoffice/program/libsclo.so');
if (!soffice || !calc) console.warn(`CSV in LibreOffice skipped: ${!soffice ? 'LibreOffice (soffice) is not installed' : 'LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui)'}`);

describe.skipIf(!soffice || !calc)('CSV in LibreOffice', () => {
  it('converts to .xlsx with the Chinese text intact', async () => {
    const csv = join(out, 'lo.csv');
    run(['review', '-o', csv, folder.dir]);
    const profile = mkdtempSync(join(tmpdir(), 'fazhi-lo-profile-'));
    // Filter options: comma, no text delimiter change, UTF-8 (76), first line 1.
    execFileSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', out, csv], { timeout: 120_000, stdio: 'ignore' });
    expect(readdirSync(out)).toContain('lo.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'lo.xlsx'));
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('文件');
    const units = (sheet.getColumn(2).values as unknown[]).slice(2);
    expect(units).toContain('江蘇省人民政府');
    expect(units).toContain('青山区人民政府');
  }, 150_000);
});
