// Hostile and broken input: every file gets a clear reason, nothing throws, nothing hangs.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { extractDocument, type ExtractResult } from '../../server/src/documents';
import { FIXTURES } from '../helpers';
import { makeDocx } from '../documents-fixtures';

const DIR = join(FIXTURES, 'documents');
const docx = new Uint8Array(readFileSync(join(DIR, 'report-numbered.docx')));
const pdf = new Uint8Array(readFileSync(join(DIR, 'report.pdf')));
const doc = new Uint8Array(readFileSync(join(DIR, 'report.doc')));

/** A zip written by hand, so that sizes and methods can lie. */
function rawZip(entries: { name: string; data: Uint8Array; method: number; size: number; flags?: number }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(6, e.flags ?? 0, true);
    local.setUint16(8, e.method, true);
    local.setUint32(18, e.data.length, true);
    local.setUint32(22, e.size, true);
    local.setUint16(26, name.length, true);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(8, e.flags ?? 0, true);
    dir.setUint16(10, e.method, true);
    dir.setUint32(20, e.data.length, true);
    dir.setUint32(24, e.size, true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), name, e.data);
    central.push(new Uint8Array(dir.buffer), name);
    offset += 30 + name.length + e.data.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, dirSize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function reason(data: Uint8Array, name: string): Promise<string> {
  const result: ExtractResult = await extractDocument(data, name, { soffice: null });
  expect(result.ok, `${name} should not be readable`).toBe(false);
  return result.ok ? '' : result.reason;
}

/** Deterministic pseudo-random bytes. */
function noise(length: number, seed: number): Uint8Array {
  let x = seed >>> 0 || 1;
  return Uint8Array.from({ length }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x & 0xff;
  });
}

describe('hostile .docx', () => {
  it('stops a zip bomb (200 MB of zeros in 200 KB) after its limit, whether its directory tells the size or lies about it', async () => {
    const bomb = deflateRawSync(Buffer.alloc(200 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = Date.now();
    for (const size of [200 * 1024 * 1024, 1000]) {
      const zip = rawZip([{ name: 'word/document.xml', data: bomb, method: 8, size }]);
      expect(await reason(zip, 'bomb.docx')).toBe('压缩包中的 word/document.xml 解压后过大（超过 64 MB 上限），可能是恶意构造的压缩包（zip 炸弹），已停止读取');
    }
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('names a truncated file, a zip without document.xml, other Office files, encryption, an unknown method', async () => {
    expect(await reason(docx.slice(0, docx.length >> 1), 'cut.docx')).toBe('文件不完整（压缩包缺少目录，可能被截断），请重新获取文件后再检查');
    expect(await reason(docx.slice(0, docx.length - 10), 'cut.docx')).toBe('文件不完整（压缩包缺少目录，可能被截断），请重新获取文件后再检查');
    const entryCut = rawZip([{ name: 'word/document.xml', data: deflateRawSync(Buffer.from('<w:document/>'.repeat(1000))).subarray(0, 20), method: 8, size: 13000 }]);
    expect(await reason(entryCut, 'cut.docx')).toBe('文件不完整（压缩包中的 word/document.xml 被截断），可能是下载或复制未完成');
    expect(await reason(zipSync({ '[Content_Types].xml': strToU8('<Types/>') }), 'empty.docx')).toBe('不是有效的 .docx 文件（压缩包中没有 word/document.xml）');
    expect(await reason(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), 'table.docx')).toBe('这是 Excel 表格（.xlsx），不是 Word 文档');
    expect(await reason(zipSync({ 'ppt/presentation.xml': strToU8('<p/>') }), 'slides.docx')).toBe('这是 PowerPoint 演示文稿（.pptx），不是 Word 文档');
    expect(await reason(rawZip([{ name: 'word/document.xml', data: strToU8('secret'), method: 0, size: 6, flags: 1 }]), 'locked.docx')).toBe('文件已加密（设置了打开密码），请在 Word/WPS 中取消密码后再检查');
    expect(await reason(rawZip([{ name: 'word/document.xml', data: strToU8('xx'), method: 12, size: 2 }]), 'bz.docx')).toBe('压缩包中的 word/document.xml 使用了不支持的压缩方式（12）');
    expect(await reason(rawZip([{ name: 'word/document.xml', data: noise(100, 7), method: 8, size: 100 }]), 'noise.docx')).toBe('文件已损坏（压缩包中的 word/document.xml 数据损坏），请在 Word/WPS 中重新保存后再检查');
    expect(await reason(noise(5000, 3), 'noise.docx')).toBe('不是有效的 .docx 文件（不是 zip 压缩包）');
  });

  it('refuses deep nesting, a DOCTYPE (no entity expansion) and malformed XML, and a document without a body', async () => {
    const deep = '<w:sdt><w:sdtContent>'.repeat(100_000) + '</w:sdtContent></w:sdt>'.repeat(100_000);
    const started = Date.now();
    expect(await reason(makeDocx(deep), 'deep.docx')).toBe('文件结构异常（word/document.xml 的 XML 嵌套超过 256 层），不像是 Word 正常保存的文件');
    expect(Date.now() - started).toBeLessThan(5_000);
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`;
    expect(await reason(zipSync({ 'word/document.xml': strToU8(laughs) }), 'laughs.docx')).toBe('文件结构异常（word/document.xml 含有 DOCTYPE 声明），不像是 Word 正常保存的文件');
    expect(await reason(zipSync({ 'word/document.xml': strToU8('<w:document xmlns:w="x"><w:body><w:p></w:body>') }), 'bad.docx')).toMatch(/^文件已损坏（word\/document\.xml 不是格式正确的 XML：.+），请在 Word\/WPS 中重新保存后再检查$/);
    expect(await reason(zipSync({ 'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>') }), 'nobody.docx')).toBe('不是有效的 .docx 文件（word/document.xml 中没有正文 w:body）');
  });

  it('never throws on a damaged real .docx: 300 random corruptions and 40 truncations each end in text or a reason', async () => {
    const started = Date.now();
    for (let i = 0; i < 300; i++) {
      const copy = docx.slice();
      const hits = noise(8, i + 1);
      for (let k = 0; k < 8; k += 2) copy[((hits[k] << 8) | hits[k + 1]) % copy.length] = hits[(k + 3) % 8];
      const result = await extractDocument(copy, 'x.docx', { soffice: null });
      expect(typeof (result.ok ? result.document.text : result.reason)).toBe('string');
    }
    for (let i = 1; i <= 40; i++) {
      const result = await extractDocument(docx.slice(0, Math.floor((docx.length * i) / 41)), 'x.docx', { soffice: null });
      expect(result.ok).toBe(false);
    }
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('hostile .pdf, .doc and text', () => {
  it('names random bytes as a PDF, a PDF header with junk after it, and a truncated PDF', async () => {
    expect(await reason(noise(10_000, 11), 'random.pdf')).toBe('不是有效的 PDF 文件（文件开头没有 %PDF 标记）');
    const junk = new Uint8Array([...strToU8('%PDF-1.7\n'), ...noise(10_000, 12)]);
    expect(await reason(junk, 'junk.pdf')).toMatch(/^(不是有效的 PDF 文件或文件已损坏（.+）|PDF 中没有可读取的文字（可能是扫描件或图片），请使用可复制文字的 PDF 或原始 Word 文件)$/);
    for (const fraction of [0.1, 0.5, 0.9]) {
      const result = await extractDocument(pdf.slice(0, Math.floor(pdf.length * fraction)), 'cut.pdf', { soffice: null });
      expect(typeof (result.ok ? result.document.text : result.reason)).toBe('string');
    }
  });

  it('names random bytes and a damaged OLE file as a .doc', async () => {
    expect(await reason(noise(10_000, 13), 'random.doc')).toMatch(/^无法读取“random\.doc”（不是 Word 97–2003 格式，未找到 LibreOffice（soffice）无法转换）：请在 Word\/WPS 中另存为 \.docx 后再检查$/);
    for (let i = 0; i < 50; i++) {
      const copy = doc.slice();
      const hits = noise(6, 100 + i);
      for (let k = 0; k < 6; k += 2) copy[512 + (((hits[k] << 8) | hits[k + 1]) % (copy.length - 512))] = hits[(k + 1) % 6];
      const result = await extractDocument(copy, 'x.doc', { soffice: null });
      expect(typeof (result.ok ? result.document.text : result.reason)).toBe('string');
    }
  });

  it('gives a 0-byte file of every kind the same reason', async () => {
    for (const name of ['a.md', 'a.txt', 'a.docx', 'a.doc', 'a.wps', 'a.pdf']) expect(await reason(new Uint8Array(0), name)).toBe('文件为空（0 字节）');
  });
});
