import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractDocument, type ExtractedDocument, type ExtractOptions } from '../../server/src/documents';
import { corpus, CORPUS, FIXTURES } from '../helpers';
import { autoNumberedDocx, convert, findingsOf, headingsOf, manualDocx, SOFFICE } from '../documents-fixtures';

const DIR = join(FIXTURES, 'documents');
const report = readFileSync(join(DIR, 'report.txt'), 'utf8').replace(/\n$/, '');
const reportDoc = new Uint8Array(readFileSync(join(DIR, 'report.doc')));

async function read(data: Uint8Array, name: string, options: ExtractOptions = { soffice: null }): Promise<ExtractedDocument> {
  const result = await extractDocument(data, name, options);
  if (!result.ok) throw new Error(result.reason);
  return result.document;
}

describe('.doc and .wps through word-extractor', () => {
  it('reads the paragraphs of a Word 97–2003 file (made by LibreOffice from the text), one per line', async () => {
    const doc = await read(reportDoc, '报告.doc');
    expect(doc.kind).toBe('doc');
    expect(doc.format).toBe('plain');
    expect(doc.text).toBe(report);
    expect(doc.paragraphs!.length).toBe(report.split('\n').length);
    expect(findingsOf(doc.text)).toEqual(findingsOf(report));
    expect(headingsOf(doc.text)).toEqual(headingsOf(report));
  });

  it('reads a .wps in the Word binary format (what WPS Office writes) the same way', async () => {
    const doc = await read(reportDoc, '报告.wps');
    expect(doc.kind).toBe('wps');
    expect(doc.text).toBe(report);
  });

  it('goes by the content, not the extension, and says so', async () => {
    const docx = new Uint8Array(readFileSync(join(DIR, 'report-numbered.docx')));
    const asDoc = await read(docx, '报告.doc');
    expect(asDoc.text).toBe(report + '\n');
    expect(asDoc.notes[0]).toBe('文件扩展名是 .doc，内容实际是 .docx 格式，已按 .docx 读取');
    const asDocx = await read(reportDoc, '报告.docx');
    expect(asDocx.text).toBe(report);
    expect(asDocx.notes[0]).toBe('文件扩展名是 .docx，内容实际是 Word 97–2003（.doc）格式，已按 .doc 读取');
  });

  it('without LibreOffice, a file it cannot read gets the reason to save it as .docx, naming the file', async () => {
    const notWord = new TextEncoder().encode('{\\rtf1\\ansi 这是 RTF}');
    expect(await extractDocument(notWord, 'D:\\报告\\旧报告.wps', { soffice: null })).toEqual({
      ok: false,
      reason: '无法读取“旧报告.wps”（不是 Word 97–2003 格式（可能是旧版 WPS 或 Microsoft Works 格式），未找到 LibreOffice（soffice）无法转换）：请在 Word/WPS 中另存为 .docx 后再检查',
    });
    const broken = reportDoc.slice(0, 1536);
    const result = await extractDocument(broken, '坏.doc', { soffice: null });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^无法读取“坏\.doc”（.+）：请在 Word\/WPS 中另存为 \.docx 后再检查$/);
  });
});

describe('the LibreOffice fallback', () => {
  const fake = (script: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-report-fake-soffice-'));
    const path = join(dir, 'soffice');
    writeFileSync(path, `#!/bin/sh\n${script}\n`);
    chmodSync(path, 0o755);
    return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
  };
  const notWord = new TextEncoder().encode('not a word file at all');

  it('stops a conversion that hangs at the time limit, ends its process group and removes its folder', async () => {
    const soffice = fake('sleep 30 & sleep 30');
    const work = mkdtempSync(join(tmpdir(), 'fazhi-report-tmp-'));
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = work;
    try {
      const started = Date.now();
      const result = await extractDocument(notWord, '报告.wps', { soffice: soffice.path, timeoutMs: 300 });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(result).toEqual({ ok: false, reason: 'LibreOffice 转换超时（超过 0 秒）；请在 Word/WPS 中把“报告.wps”另存为 .docx 后再检查' });
      expect(readdirSync(work)).toEqual([]);
    } finally {
      process.env.TMPDIR = previous;
      if (previous === undefined) delete process.env.TMPDIR;
      soffice.dispose();
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('reports a conversion that fails, and falls back to the text word-extractor read', async () => {
    const soffice = fake('echo "Error: source file could not be loaded" >&2; exit 1');
    try {
      expect(await extractDocument(notWord, '报告.doc', { soffice: soffice.path })).toEqual({
        ok: false,
        reason: 'LibreOffice 未能转换此文件（Error: source file could not be loaded）；请在 Word/WPS 中把“报告.doc”另存为 .docx 后再检查',
      });
    } finally {
      soffice.dispose();
    }
  });

  const skip = SOFFICE ? null : 'LibreOffice (soffice) is not installed';
  if (skip) it.skip(`conversions with the real LibreOffice: skipped, ${skip}`, () => {});

  for (const [key, file] of Object.entries(CORPUS)) {
    it.skipIf(skip)(`${key}: a .doc made by LibreOffice from the .docx with typed numbering has the findings of the source`, async () => {
      const source = corpus(file);
      const doc = convert(await manualDocx(source), `${key}.docx`, 'doc');
      for (const options of [{ soffice: null }, {}]) {
        const read1 = await read(doc, `${key}.doc`, options);
        expect(findingsOf(read1.text)).toEqual(findingsOf(source));
        expect(headingsOf(read1.text)).toEqual(headingsOf(source));
      }
    }, 120_000);
  }

  it.skipIf(skip)('a .doc with automatic numbering: LibreOffice gives the numbers back; without it, a note says they are missing', async () => {
    const source = corpus(CORPUS.xinyang);
    const { bytes } = await autoNumberedDocx(source);
    const doc = convert(bytes, 'auto.docx', 'doc');
    const plain = await read(doc, 'auto.doc', { soffice: null });
    expect(plain.text).not.toContain('(一)努力开创');
    expect(plain.text).toContain('努力开创法治政府建设新局面');
    expect(plain.notes.some((n) => n.startsWith('此文件可能使用了自动编号'))).toBe(true);
    const converted = await read(doc, 'auto.doc', {});
    expect(converted.notes).toContain('已用 LibreOffice 转换为 .docx 后读取');
    expect(converted.text).toContain('(一)努力开创法治政府建设新局面');
    expect(converted.text).toContain('(三)进一步提升普法质效');
    // The second-level headings are all there, numbered as in the source.
    expect(headingsOf(converted.text).filter((h) => h.startsWith('2 '))).toEqual(headingsOf(source).filter((h) => h.startsWith('2 ')));
  }, 120_000);
});
