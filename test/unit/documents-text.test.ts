import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocument, kindForPath, locate, textParagraphs } from '../../server/src/documents';
import { firstInvalidUtf8 } from '../../server/src/documents/text';
import { FIXTURES, corpus, CORPUS } from '../helpers';
import { findingsOf } from '../documents-fixtures';

const DIR = join(FIXTURES, 'documents');
const report = readFileSync(join(DIR, 'report.txt'), 'utf8');
const bytes = (...b: number[]) => Uint8Array.from(b);

async function read(name: string, data: Uint8Array = new Uint8Array(readFileSync(join(DIR, name)))) {
  const result = await extractDocument(data, name);
  if (!result.ok) throw new Error(result.reason);
  return result.document;
}

describe('kinds by extension', () => {
  it('maps extensions in any case, and nothing else', () => {
    expect(kindForPath('报告.md')).toBe('markdown');
    expect(kindForPath('a/b/报告.MARKDOWN')).toBe('markdown');
    expect(kindForPath('C:\\报告\\2023.TXT')).toBe('text');
    expect(kindForPath('x.docx')).toBe('docx');
    expect(kindForPath('x.Doc')).toBe('doc');
    expect(kindForPath('x.wps')).toBe('wps');
    expect(kindForPath('x.pdf')).toBe('pdf');
    expect(kindForPath('x.odt')).toBeNull();
    expect(kindForPath('README')).toBeNull();
    expect(kindForPath('docx')).toBeNull();
    expect(kindForPath('dir.md/file')).toBeNull();
  });

  it('names an unsupported type and an empty file', async () => {
    expect(await extractDocument(bytes(1, 2), '报告.odt')).toEqual({ ok: false, reason: '不支持的文件类型（.odt），可检查 .md、.markdown、.txt、.docx、.doc、.wps 和 .pdf 文件' });
    for (const name of ['a.txt', 'a.md', 'a.docx', 'a.doc', 'a.wps', 'a.pdf']) {
      expect(await extractDocument(new Uint8Array(0), name)).toEqual({ ok: false, reason: '文件为空（0 字节）' });
    }
  });
});

describe('text encodings', () => {
  it('reads UTF-8 with and without a BOM, Markdown as Markdown', async () => {
    const plain = await read('report.txt');
    expect(plain).toMatchObject({ kind: 'text', format: 'plain', encoding: 'utf-8', paragraphs: null, notes: [] });
    expect(plain.text).toBe(report);
    const withBom = await read('r.md', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(report)]));
    expect(withBom).toMatchObject({ kind: 'markdown', format: 'markdown', encoding: 'utf-8', text: report, notes: [] });
  });

  it('reads UTF-16LE and UTF-16BE with a BOM (which used to be "not a text file" for their NUL bytes)', async () => {
    for (const [name, encoding, label] of [['report-utf16le.txt', 'utf-16le', 'UTF-16LE'], ['report-utf16be.txt', 'utf-16be', 'UTF-16BE']] as const) {
      const doc = await read(name);
      expect(doc.text).toBe(report);
      expect(doc.encoding).toBe(encoding);
      expect(doc.notes).toEqual([`已按 ${label} 编码读取`]);
    }
  });

  it('reads GB18030/GBK when the bytes are not UTF-8, and says so', async () => {
    const doc = await read('report-gbk.txt');
    expect(doc.text).toBe(report);
    expect(doc.encoding).toBe('gb18030');
    expect(doc.notes).toEqual(['已按 GB18030（GBK）编码读取']);
    expect(findingsOf(doc.text)).toEqual(findingsOf(report));
  });

  it('reads a whole real report in UTF-16LE with the same findings', async () => {
    const source = corpus(CORPUS.suxitong);
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(source, 'utf16le'))]);
    const doc = await read('r.txt', le);
    expect(doc.text).toBe(source);
    expect(findingsOf(doc.text)).toEqual(findingsOf(source));
  });

  it('keeps binary junk an error naming the byte offset', async () => {
    expect(await extractDocument(bytes(0x41, 0x42, 0x00, 0x43), 'a.txt')).toEqual({ ok: false, reason: '不是文本文件（第 3 个字节是 NUL 字节）' });
    expect(await extractDocument(bytes(0x41, 0x01, 0xff, 0xfe, 0x80), 'a.txt')).toEqual({
      ok: false,
      reason: '不是有效的 UTF-8 编码（第 3 个字节处），也不是 GB18030（GBK）编码，请另存为 UTF-8 后再检查',
    });
    expect(await extractDocument(bytes(0xef, 0xbb, 0xbf, 0x41, 0xc0, 0x80), 'a.md')).toEqual({ ok: false, reason: '不是有效的 UTF-8 编码（第 5 个字节处），请另存为 UTF-8 后再检查' });
    expect(await extractDocument(bytes(0xff, 0xfe, 0x41, 0x00, 0x42), 'a.txt')).toEqual({ ok: false, reason: 'UTF-16LE 编码的文件字节数为奇数（5 字节），文件可能不完整' });
    expect(await extractDocument(bytes(0xff, 0xfe, 0x41, 0x00, 0x00, 0x00), 'a.txt')).toEqual({ ok: false, reason: '不是文本文件（第 5 个字节处有 NUL 字符）' });
    expect(await extractDocument(bytes(0xfe, 0xff, 0xd8, 0x00, 0x00, 0x41), 'a.txt')).toEqual({ ok: false, reason: '不是有效的 UTF-16BE 编码（第 3 个字节处）' });
    // UTF-8 text with a few bytes of GBK in it is damaged UTF-8, not GBK (read as GBK its Chinese would be mojibake).
    const damaged = new Uint8Array([...new TextEncoder().encode('法治政府建设'), 0xb7, 0xa8, 0xd6, 0xce]);
    expect(await extractDocument(damaged, 'a.txt')).toEqual({ ok: false, reason: '不是有效的 UTF-8 编码（第 19 个字节处），请另存为 UTF-8 后再检查' });
    // Random bytes with control characters are not taken for GB18030.
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => ((i * 2654435761) >>> 13) & 0xff).map((b) => (b === 0 ? 1 : b));
    const result = await extractDocument(junk, 'junk.txt');
    expect(result.ok).toBe(false);
  });

  it('finds the byte offset of the first invalid UTF-8 sequence', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('法治政府建设 ok 😀'))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0x41, 0xff))).toBe(1);
    expect(firstInvalidUtf8(bytes(0x41, 0x42, 0xe6, 0xb3))).toBe(2);
    expect(firstInvalidUtf8(bytes(0xb7, 0xa8))).toBe(0);
  });
});

describe('locate', () => {
  it('gives 第N段 of a text file counting non-blank lines, and a quote around the offset', async () => {
    const doc = await read('r.txt', new TextEncoder().encode('标题\n\n第一段文字。\r\n  \n第二段：全年召开专题会议XX次，研究解决法治政府建设中的重大问题。'));
    const at = doc.text.indexOf('XX');
    expect(locate(doc, at, at + 2)).toEqual({ paragraph: 3, quote: '：全年召开专题会议XX次，研究解决法治政' });
    expect(locate(doc, 0)).toEqual({ paragraph: 1, quote: '标题' });
    expect(locate(doc, doc.text.indexOf('第一段'))?.paragraph).toBe(2);
    // In a blank line: the next paragraph.
    expect(locate(doc, 3)?.paragraph).toBe(2);
    expect(locate(doc, doc.text.length + 1)).toBeNull();
    expect(textParagraphs(doc.text).map((p) => doc.text.slice(p.start, p.end))).toEqual(['标题', '第一段文字。', '第二段：全年召开专题会议XX次，研究解决法治政府建设中的重大问题。']);
  });

  it('quotes the start of a long range and never splits a surrogate pair', async () => {
    const doc = await read('r.txt', new TextEncoder().encode('😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀'));
    const q = locate(doc, 3)!.quote;
    expect(q.length).toBeGreaterThanOrEqual(20);
    expect(q).toBe(q.normalize());
    expect(/^[\ud800-\udbff][\udc00-\udfff]/.test(q) && /[\ud800-\udbff][\udc00-\udfff]$/.test(q)).toBe(true);
    const long = await read('r.txt', new TextEncoder().encode('甲'.repeat(10) + '乙'.repeat(30)));
    expect(locate(long, 10, 40)!.quote).toBe('乙'.repeat(20));
  });
});
