// The exported and the annotated .docx as LibreOffice lays them out: to PDF (soffice, headless),
// the text and its positions read back with pdftotext, the pages drawn with pdftoppm. With
// FAZHI_UPDATE_IMAGES=1 the pictures are copied to images/ for the README.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AlignmentType, Document, ImageRun, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType, BorderStyle } from 'docx';
import { annotateDocx } from '../../server/src/word/annotate';
import { exportDocx } from '../../server/src/word/export';
import { widthInChars } from '../../server/src/word/gongwen';
import { corpus, CORPUS, ROOT } from '../helpers';
import { HAS_CJK_FONT, SOFFICE } from '../documents-fixtures';
import { anchoredTexts, commentsOf } from '../word-helpers';

const HAS_POPPLER = spawnSync('pdftoppm', ['-v']).error === undefined && spawnSync('pdftotext', ['-v']).error === undefined;
const SKIP = !SOFFICE
  ? 'LibreOffice (soffice) is not installed'
  : !HAS_POPPLER
    ? 'pdftoppm/pdftotext (Debian poppler-utils) are not installed'
    : !HAS_CJK_FONT
      ? 'no font with Chinese glyphs is installed (fc-list :lang=zh)'
      : null;
const SAMPLE = readFileSync(join(ROOT, 'samples', '2023-示例区-法治政府建设情况报告.md'), 'utf8');

/** LibreOffice's PDF of a .docx, comments as PDF annotations. */
function toPdf(docx: Uint8Array, dir: string, name: string): string {
  const input = join(dir, `${name}.docx`);
  writeFileSync(input, docx);
  const filter = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}';
  const r = spawnSync(SOFFICE!, [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', dir, input], { timeout: 120_000, encoding: 'utf8' });
  const pdf = join(dir, `${name}.pdf`);
  try {
    readFileSync(pdf);
  } catch {
    throw new Error(`LibreOffice did not convert ${name}.docx: ${r.stderr}`);
  }
  return pdf;
}

/** Page `page` drawn at `dpi` as PNG. */
function toPng(pdf: string, page: number, dpi: number): string {
  const prefix = pdf.replace(/\.pdf$/, `-p${page}`);
  const r = spawnSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf, prefix], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
  return `${prefix}.png`;
}

/** The words of a page with their boxes (pdftotext -bbox), in points from the top left. */
function words(pdf: string, page: number): { text: string; x: number; y: number; right: number }[] {
  const r = spawnSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  return [...r.stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ text: m[4], x: Number(m[1]), y: Number(m[2]), right: Number(m[3]) }));
}

/** The page's text lines (pdftotext's reading), blank lines dropped. */
function lines(pdf: string, page: number): string[] {
  const r = spawnSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  return r.stdout.split('\n').filter((l) => l.trim() !== '');
}

function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString()).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function keep(path: string, name: string): void {
  if (process.env.FAZHI_UPDATE_IMAGES === '1') copyFileSync(path, join(ROOT, 'images', name));
}

describe('rendered by LibreOffice', () => {
  if (SKIP) it.skip(`rendering the exported and annotated .docx: skipped, ${SKIP}`, () => {});

  it.skipIf(SKIP)('export: 22 lines to the page, 28 characters to the full line, page numbers right on odd pages and left on even', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-word-render-'));
    try {
      // The Xinyang report: long paragraphs, full-width text, three pages.
      const pdf = toPdf((await exportDocx(corpus(CORPUS.xinyang), { format: 'plain' })).bytes, dir, 'xinyang');
      const first = lines(pdf, 1);
      expect(first[first.length - 1].replace(/\s/g, '')).toBe('—1—');
      expect(first.length - 1).toBe(22);
      // A line full-width throughout holds 28 characters when it is not a paragraph's first or last.
      const fullWidth = first.slice(1, -1).map((l) => l.trim()).filter((l) => /^[\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e“”]+$/.test(l));
      expect(fullWidth.length).toBeGreaterThan(3);
      expect(Math.max(...fullWidth.map((l) => widthInChars(l)))).toBe(28);
      const mid = 595.3 / 2;
      // pdftotext reads `— 1 —` as three words: the dashes place the number.
      const dashes = (page: number) => words(pdf, page).filter((w) => w.text === '—' && w.y > 700);
      expect(dashes(1)).toHaveLength(2);
      expect(Math.min(...dashes(1).map((w) => w.x))).toBeGreaterThan(mid);
      expect(Math.max(...dashes(2).map((w) => w.right))).toBeLessThan(mid);

      const sample = toPdf((await exportDocx(SAMPLE, { format: 'markdown' })).bytes, dir, 'export');
      expect(lines(sample, 1)[0].replace(/\s/g, '')).toBe('示例区人民政府关于2023年度法治政府建设');
      const png = toPng(sample, 1, 100);
      expect(pngSize(png)).toEqual({ width: 827, height: 1170 }); // A4 at 100 dpi, rounded up
      keep(png, 'word-export.png');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(SKIP)('annotate: a comment on the page for each finding; the first page beside the comments it holds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-word-render-'));
    try {
      const result = await annotateDocx((await exportDocx(SAMPLE, { format: 'markdown' })).bytes);
      if (!result.ok) throw new Error(result.reason);
      const pdf = toPdf(result.bytes, dir, 'annotated');
      // LibreOffice writes each comment as a PDF text annotation at its anchor.
      const annotations = readFileSync(pdf).toString('latin1').match(/\/Subtype\s*\/Text\b/g) ?? [];
      expect(annotations).toHaveLength(result.comments);
      const page = toPng(pdf, 1, 80);
      const text = lines(pdf, 1).join('').replace(/\s/g, '');
      const anchors = anchoredTexts(result.bytes);
      const onPage = commentsOf(result.bytes).filter((c) => text.includes(anchors.get(c.id)!.text.replace(/\s/g, '')));
      expect(onPage.length).toBeGreaterThanOrEqual(5);
      const sheet = toPdf(await marginView(readFileSync(page), onPage.map((c) => ({ quote: anchors.get(c.id)!.text, paragraphs: c.paragraphs }))), dir, 'margin');
      const png = toPng(sheet, 1, 110);
      const size = pngSize(png); // 260 × 215 mm at 110 dpi
      expect([size.width, Math.abs(size.height - 931) <= 1]).toEqual([1126, true]);
      keep(png, 'word-annotate.png');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * LibreOffice 7.4 (Debian 12) exports comments as PDF annotations only, never in the margin as
 * Word shows them; so the page it drew is set beside the comments anchored on it, in their order,
 * each under the text it is anchored on, as Word's margin lists them.
 */
async function marginView(page: Buffer, comments: { quote: string; paragraphs: string[] }[]): Promise<Uint8Array> {
  const mm = (x: number) => Math.round((x * 1440) / 25.4);
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const balloon = comments.map(
    (c) =>
      new TableRow({
        children: [
          new TableCell({
            shading: { type: ShadingType.CLEAR, fill: 'FCE4E4', color: 'auto' },
            margins: { top: 60, bottom: 60, left: 100, right: 100 },
            borders: { top: { style: BorderStyle.SINGLE, size: 4, color: 'C0504D' }, bottom: { style: BorderStyle.SINGLE, size: 4, color: 'C0504D' }, left: { style: BorderStyle.SINGLE, size: 4, color: 'C0504D' }, right: { style: BorderStyle.SINGLE, size: 4, color: 'C0504D' } },
            children: [
              new Paragraph({ children: [new TextRun({ text: `法治报告检查 · “${c.quote.length > 16 ? `${c.quote.slice(0, 16)}…` : c.quote}”`, bold: true, size: 15, color: '943634' })] }),
              ...c.paragraphs.map((p) => new Paragraph({ children: [new TextRun({ text: p, size: 15 })] })),
            ],
          }),
        ],
      }),
  );
  const spacer = () => new TableRow({ children: [new TableCell({ borders: { top: none, bottom: none, left: none, right: none }, children: [new Paragraph({ spacing: { before: 0, after: 0, line: 100 }, children: [] })] })] });
  const doc = new Document({
    sections: [
      {
        properties: { page: { size: { width: mm(260), height: mm(215) }, margin: { top: mm(5), bottom: mm(5), left: mm(5), right: mm(5) } } },
        children: [
          new Table({
            width: { size: mm(250), type: WidthType.DXA },
            columnWidths: [mm(146), mm(104)],
            borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
            rows: [
              new TableRow({
                children: [
                  new TableCell({
                    width: { size: mm(146), type: WidthType.DXA },
                    verticalAlign: VerticalAlign.TOP,
                    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: 'png', data: page, transformation: { width: 540, height: 764 }, outline: { type: 'solidFill', solidFillType: 'rgb', value: '999999' } })] })],
                  }),
                  new TableCell({
                    width: { size: mm(104), type: WidthType.DXA },
                    children: [new Table({ width: { size: mm(100), type: WidthType.DXA }, columnWidths: [mm(100)], rows: balloon.flatMap((b) => [b, spacer()]) })],
                  }),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
