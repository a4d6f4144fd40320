import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractDocument, locate, type ExtractedDocument } from '../../server/src/documents';
import { dropRunningLines, joinParagraphs, type RawLine } from '../../server/src/documents/pdf';
import { corpus, CORPUS, FIXTURES, ROOT } from '../helpers';
import { convert, findingsOf, HAS_CJK_FONT, headingsOf, officialDocx, SOFFICE } from '../documents-fixtures';

const DIR = join(FIXTURES, 'documents');
const report = readFileSync(join(DIR, 'report.txt'), 'utf8');

async function read(data: Uint8Array, name = 'report.pdf'): Promise<ExtractedDocument> {
  const result = await extractDocument(data, name);
  if (!result.ok) throw new Error(result.reason);
  return result.document;
}

describe('pdf', () => {
  it('reads a PDF LibreOffice made from an official-style .docx: paragraphs as in the source, header, footer and page numbers dropped, pages recorded', async () => {
    const doc = await read(new Uint8Array(readFileSync(join(DIR, 'report.pdf'))));
    expect(doc.kind).toBe('pdf');
    expect(doc.format).toBe('plain');
    expect(doc.text).toBe(report.replace(/\n$/, ''));
    expect(doc.notes[0]).toMatch(/^已去掉 PDF 的页眉、页脚和页码 \d+ 行$/);
    expect(doc.text).not.toContain('法治政府建设年度报告\n');
    const pages = doc.paragraphs!.map((p) => p.page!);
    expect(pages[0]).toBe(1);
    expect(pages.at(-1)).toBeGreaterThan(1);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
    expect(findingsOf(doc.text)).toEqual(findingsOf(report));
    const at = doc.text.indexOf('XX');
    expect(locate(doc, at, at + 2)).toMatchObject({ paragraph: 5, page: 1 });
    expect(locate(doc, at, at + 2)!.quote).toContain('XX');
  });

  it('joins lines into paragraphs: a short line or 。！？： ends one, an outline number starts one', () => {
    const line = (text: string, right: number, x = 50, page = 1): RawLine => ({ text, x, right, y: 0, size: 10, page });
    const full = 500;
    const lines = [
      line('标题', 120),
      line('一、第一部分', 150),
      line('正文第一行写满了', full),
      line('接着写完。', 200),
      line('第二段开头写满到', full),
      line('行末是句号。', full),
      line('第三段', 100),
      line('（一）小标题写满到右边界', full),
      line('1.三级标题', 150),
    ];
    expect(joinParagraphs([lines]).map((l) => l.text)).toEqual(['标题', '一、第一部分', '正文第一行写满了接着写完。', '第二段开头写满到行末是句号。', '第三段', '（一）小标题写满到右边界', '1.三级标题']);
    // With first-line indents, a full line ending in 。 continues unless the next line is indented.
    const indented = [line('段落一写满到右边界，', full, 70), line('行末是句号。', full), line('仍是段落一。', 300), line('段落二。', 300, 70), line('第三行也缩进', 300, 70), line('第四行缩进', 300, 70)];
    expect(joinParagraphs([indented]).map((l) => l.text)).toEqual(['段落一写满到右边界，行末是句号。仍是段落一。', '段落二。', '第三行也缩进', '第四行缩进']);
    // Across a page break, a paragraph keeps the page it starts on.
    expect(joinParagraphs([[line('跨页的段落写满', full)], [line('到下一页。', 200, 50, 2)]])).toEqual([{ text: '跨页的段落写满到下一页。', page: 1 }]);
    expect(joinParagraphs([[line('Latin words run', full)], [line('across lines', 200, 50, 2)]])[0].text).toBe('Latin words run across lines');
  });

  it('drops page numbers at the top or bottom of a page and lines repeated at the same place on most pages', () => {
    const at = (text: string, y: number, page: number): RawLine => ({ text, x: 50, right: 300, y, size: 10, page });
    const footers = ['— 1 —', '-2-', '第3页', '第 4 页 共 10 页', '5 / 10', '6'];
    const words = ['甲', '乙', '丙', '丁', '戊', '己'];
    const pages = footers.map((footer, i) => [
      at(`（${i + 1}）某单位文件`, 800, i + 1),
      at(`${words[i]}段正文。`, 700, i + 1),
      ...(i === 0 ? [at('12', 650, 1)] : []),
      at(`${words[i]}段结尾。`, 600, i + 1),
      at(footer, 40, i + 1),
    ]);
    expect(dropRunningLines(pages)).toBe(6 + 6);
    expect(pages.map((p) => p.map((l) => l.text))).toEqual(words.map((w, i) => [`${w}段正文。`, ...(i === 0 ? ['12'] : []), `${w}段结尾。`]));
  });

  it('says so for a PDF without text, and for a password', async () => {
    // A one-page PDF with no text (as a scan without OCR has).
    const empty = minimalPdf('');
    expect(await extractDocument(empty, 'scan.pdf')).toEqual({ ok: false, reason: 'PDF 中没有可读取的文字（可能是扫描件或图片），请使用可复制文字的 PDF 或原始 Word 文件' });
  });

  it('reads the text of a standard font, from a Node Buffer too', async () => {
    const doc = await read(Buffer.from(minimalPdf('BT /F1 12 Tf 72 720 Td (Hello PDF) Tj ET')));
    expect(doc.text).toBe('Hello PDF');
    expect(doc.paragraphs).toEqual([{ start: 0, end: 9, index: 1, page: 1 }]);
  });

  it('reads Chinese in a font that is not embedded (character maps from pdfjs-dist, copied into dist/)', async () => {
    const doc = await read(cjkPdf('法治政府建设'));
    expect(doc.text).toBe('法治政府建设');
  });

  const skip = !SOFFICE ? 'LibreOffice (soffice) is not installed' : !HAS_CJK_FONT ? 'no font with Chinese glyphs is installed (fc-list :lang=zh)' : null;
  if (skip) it.skip(`real reports through LibreOffice's PDF export: skipped, ${skip}`, () => {});
  for (const [key, file] of Object.entries(CORPUS)) {
    it.skipIf(skip)(`${key}: an official-style .docx printed to PDF has the findings and outline of the source text`, async () => {
      const source = corpus(file);
      const doc = await read(convert(await officialDocx(source), `${key}.docx`, 'pdf'));
      // A space where a line wraps is not drawn in a PDF, so a missing number written as a space
      // (\`全年共收集 企业问题\`) can be lost there; nothing else may differ.
      const expected = findingsOf(source);
      const got = findingsOf(doc.text);
      const lost = expected.filter((f) => !got.some((g) => g.rule === f.rule && g.quote === f.quote));
      expect(got.filter((g) => !expected.some((f) => f.rule === g.rule && f.quote === g.quote))).toEqual([]);
      expect(lost.every((f) => f.rule === 'blank-number' && f.quote.trim() === '')).toBe(true);
      expect(lost.length).toBeLessThanOrEqual(1);
      expect(headingsOf(doc.text)).toEqual(headingsOf(source));
      // The paragraphs are the source's lines; spaces at the edges of a line, and between Chinese and other characters, are layout in a PDF.
      const squeeze = (t: string) => t.split('\n').map((l) => l.replace(/[ \t]+/g, '')).filter((l) => l !== '').join('\n');
      expect(squeeze(doc.text)).toBe(squeeze(source));
      const pages = doc.paragraphs!.map((p) => p.page!);
      expect(pages.at(-1)).toBeGreaterThan(2);
      for (const f of findingsOf(doc.text).slice(0, 20)) {
        const at = doc.text.indexOf(f.quote);
        const where = locate(doc, at, at + f.quote.length)!;
        expect(where.quote).toContain(f.quote.slice(0, 20));
        expect(where.page).toBeGreaterThanOrEqual(1);
      }
    }, 120_000);

    it.skipIf(skip)(`${key}: the plain text printed to PDF has the outline of the source text`, async () => {
      const source = corpus(file);
      const doc = await read(convert(new TextEncoder().encode(source), `${key}.txt`, 'pdf'));
      expect(headingsOf(doc.text)).toEqual(headingsOf(source));
      expect(findingsOf(doc.text).map((f) => f.rule).sort()).toEqual(findingsOf(source).map((f) => f.rule).sort());
    }, 120_000);
  }
});

describe('the bundle', () => {
  it('dist/documents.js (esbuild, CommonJS, Node 20) extracts a PDF on its own, without node_modules', () => {
    const bundle = join(ROOT, 'dist', 'documents.js');
    expect(existsSync(bundle), 'dist/documents.js is missing: run npm run build').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-report-bundle-'));
    try {
      cpSync(bundle, join(dir, 'documents.js'));
      cpSync(join(ROOT, 'dist', 'pdfjs'), join(dir, 'pdfjs'), { recursive: true });
      const script = `const d = require('./documents.js'); const fs = require('fs');
        (async () => {
          const pdf = await d.extractDocument(fs.readFileSync(process.argv[1]), 'r.pdf');
          const cjk = await d.extractDocument(fs.readFileSync(process.argv[2]), 'c.pdf');
          const docx = await d.extractDocument(fs.readFileSync(process.argv[3]), 'r.docx');
          const doc = await d.extractDocument(fs.readFileSync(process.argv[4]), 'r.doc', { soffice: null });
          process.stdout.write(JSON.stringify([pdf, cjk, docx, doc].map((r) => r.ok ? r.document.text : r.reason)));
        })();`;
      const cjkFile = join(dir, 'cjk.pdf');
      require('node:fs').writeFileSync(cjkFile, cjkPdf('法治政府建设'));
      const out = execFileSync(process.execPath, ['-e', script, join(DIR, 'report.pdf'), cjkFile, join(DIR, 'report-numbered.docx'), join(DIR, 'report.doc')], {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, NODE_PATH: '' },
        timeout: 60_000,
      });
      expect(JSON.parse(out)).toEqual([report.replace(/\n$/, ''), '法治政府建设', report, report.replace(/\n$/, '')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A one-page PDF with the given content stream and Helvetica as /F1, with a correct xref table. */
function minimalPdf(content: string): Uint8Array {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/** A PDF whose Chinese text is in STSong-Light, not embedded, through the predefined CMap UniGB-UCS2-H. */
function cjkPdf(text: string): Uint8Array {
  const hex = [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const content = `BT /F1 16 Tf 72 720 Td <${hex}> Tj ET`;
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}

function buildPdf(objects: string[]): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
