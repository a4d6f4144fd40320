import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { annotateDocx } from '../../server/src/word/annotate';
import { analyzeDetailed } from '../../server/src/analysis/analyze';
import { corpus, CORPUS, FIXTURES } from '../helpers';
import { autoNumberedDocx, convert, findingsOf, makeDocx, manualDocx, SOFFICE, wpsStyle } from '../documents-fixtures';
import { anchoredTexts, commentsOf, contentOf, expectedAnchor, extracted, part, storedEntries } from '../word-helpers';

const DIR = join(FIXTURES, 'documents');
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

async function annotated(bytes: Uint8Array) {
  const result = await annotateDocx(bytes);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/**
 * The whole contract on one file: one comment per finding, each on the finding's text (less an
 * automatic number), the summary first on the title, every other entry stored byte for byte as
 * before, and the annotated file read back to the same findings.
 */
async function expectAnnotated(original: Uint8Array): Promise<Uint8Array> {
  const before = await extracted(original);
  const { findings } = analyzeDetailed(before.text, { format: 'plain' });
  const result = await annotated(original);
  const out = result.bytes;

  const comments = commentsOf(out).filter((c) => c.author === '法治报告检查');
  expect(comments.length).toBe(findings.length + 1);
  expect(comments[0].paragraphs[0]).toMatch(/^【检查摘要】错误 \d+ 处，警告 \d+ 处，提示 \d+ 处$/);
  const anchors = anchoredTexts(out);
  const got = comments.slice(1).map((c) => ({ first: c.paragraphs[0], text: anchors.get(c.id)?.text, closed: anchors.get(c.id)?.closed, referenced: anchors.get(c.id)?.referenced }));
  const want = findings.map((f) => ({
    first: `【${{ error: '错误', warning: '警告', info: '提示' }[f.severity]}】${f.message}`,
    text: expectedAnchor(before, f.start, f.end),
    closed: true,
    referenced: true,
  }));
  expect(got).toEqual(want);

  // Everything but document.xml, comments.xml and (when they lacked the part) the content types and relationships: as stored.
  const a = storedEntries(original);
  const b = storedEntries(out);
  const changed = new Set(['word/document.xml', 'word/comments.xml', '[Content_Types].xml', 'word/_rels/document.xml.rels']);
  for (const [name, entry] of a) {
    if (changed.has(name)) continue;
    expect(b.get(name)?.method, name).toBe(entry.method);
    expect(Buffer.from(b.get(name)!.data).equals(Buffer.from(entry.data)), name).toBe(true);
  }
  expect([...b.keys()].filter((n) => !a.has(n))).toEqual(a.has('word/comments.xml') ? [] : ['word/comments.xml']);
  // document.xml: the same once the anchors are taken out and split runs joined again.
  expect(withoutAnchors(strFromU8(contentOf(b.get('word/document.xml')!)))).toBe(withoutAnchors(strFromU8(contentOf(a.get('word/document.xml')!))));

  const after = await extracted(out);
  expect(after.text).toBe(before.text);
  expect(findingsOf(after.text)).toEqual(findingsOf(before.text));
  return out;
}

/**
 * document.xml reduced to what annotating may not change: comment marks and reference runs taken
 * out, and run boundaries (where a split falls) joined, in the original and the output alike.
 */
function withoutAnchors(xml: string): string {
  const rPr = '(?:<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?';
  return xml
    .replace(/<w:commentRange(Start|End) w:id="\d+"\/>/g, '')
    .replace(/<w:r><w:commentReference w:id="\d+"\/><\/w:r>/g, '')
    .replace(/ xml:space="preserve"/g, '')
    .replace(new RegExp(`</w:t></w:r><w:r(?: [^>]*)?>${rPr}<w:t>`, 'g'), '')
    .replace(/<\/w:t><w:t>/g, '')
    .replace(new RegExp(`</w:r><w:r(?: [^>]*)?>${rPr}`, 'g'), '');
}

describe('annotate: the real reports', () => {
  for (const [key, file] of Object.entries(CORPUS)) {
    it(`${key}: a .docx made by the docx package`, async () => {
      await expectAnnotated(await manualDocx(corpus(file)));
    });
    it(`${key}: Word's automatic numbering`, async () => {
      await expectAnnotated((await autoNumberedDocx(corpus(file))).bytes);
    });
    it(`${key}: saved by WPS (every run in mc:AlternateContent): anchored in the branch Word reads`, async () => {
      const out = await expectAnnotated(wpsStyle((await autoNumberedDocx(corpus(file))).bytes));
      const xml = part(out, 'word/document.xml');
      const fallbacks = xml.match(/<mc:Fallback>[\s\S]*?<\/mc:Fallback>/g) ?? [];
      expect(fallbacks.some((f) => f.includes('comment'))).toBe(false);
    });
  }

  it('the committed fixtures (automatic numbering; WPS)', async () => {
    for (const name of ['report-numbered.docx', 'report-wps.docx']) await expectAnnotated(fixture(name));
  });
});

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The id of the one comment of a rule. */
function idOf(docx: Uint8Array, rule: string): number {
  const found = commentsOf(docx).filter((c) => c.paragraphs.includes(`规则：${rule}`));
  expect(found).toHaveLength(1);
  return found[0].id;
}
const REPORT = readFileSync(join(DIR, 'report.txt'), 'utf8').trimEnd();

describe('annotate: anchors in runs', () => {
  it('splits a run where a finding starts and ends inside it; both halves keep the run properties', async () => {
    const body = `<w:p><w:r><w:t>示例区2023年度法治政府建设情况报告</w:t></w:r></w:p><w:p><w:r w:rsidR="00A1"><w:rPr><w:b/><w:color w:val="FF0000"/></w:rPr><w:t>全年召开专题会议XX次，A&amp;B 测试。</w:t></w:r></w:p>`;
    const out = await expectAnnotated(makeDocx(body));
    const id = idOf(out, 'placeholder');
    const run = '<w:r w:rsidR="00A1"><w:rPr><w:b/><w:color w:val="FF0000"/></w:rPr>';
    expect(part(out, 'word/document.xml')).toContain(
      `${run}<w:t>全年召开专题会议</w:t></w:r><w:commentRangeStart w:id="${id}"/>${run}<w:t>XX</w:t></w:r><w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>${run}<w:t>次，A&amp;B 测试。</w:t></w:r>`,
    );
  });

  it('a run split at a space keeps it (xml:space="preserve" on both halves)', async () => {
    const body = `<w:p><w:r><w:t>示例区2023年度法治政府建设情况报告</w:t></w:r></w:p><w:p><w:r><w:rPr><w:i/></w:rPr><w:t>全年共收集 企业问题。</w:t></w:r></w:p>`;
    const out = await expectAnnotated(makeDocx(body));
    const id = idOf(out, 'blank-number');
    expect(part(out, 'word/document.xml')).toContain(
      `<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">全年共收集</w:t></w:r><w:commentRangeStart w:id="${id}"/><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> </w:t></w:r><w:commentRangeEnd w:id="${id}"/>`,
    );
  });

  it('anchors between the parts of a run (after a tab) and after an entity', async () => {
    const body = `<w:p><w:r><w:t>示例区2023年度法治政府建设情况报告</w:t></w:r></w:p><w:p><w:r><w:t>甲&lt;乙&#x4E19;</w:t><w:tab/><w:t>XX</w:t><w:t>项</w:t></w:r></w:p>`;
    const out = await expectAnnotated(makeDocx(body));
    const id = idOf(out, 'placeholder');
    expect(part(out, 'word/document.xml')).toContain(`<w:tab/></w:r><w:commentRangeStart w:id="${id}"/><w:r><w:t>XX</w:t></w:r><w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r><w:r><w:t>项</w:t></w:r>`);
  });

  it('a finding on a number Word puts in front (not in the XML) anchors on the first clause of its paragraph', async () => {
    const lvl = `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>`;
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl}</w:abstractNum><w:abstractNum w:abstractNumId="1">${lvl}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;
    const p = (t: string, num?: number) => `<w:p>${num ? `<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${num}"/></w:numPr></w:pPr>` : ''}<w:r><w:t>${t}</w:t></w:r></w:p>`;
    // Two lists, each counting from 一: the second 一、 is a repeated number, and Word wrote neither.
    const body = [p('示例区2023年度法治政府建设情况报告'), p('主要举措和成效', 1), p('全年办理案件12件。'), p('存在的不足和原因', 2), p('能力不足。'), p('下一年度工作安排', 2)].join('');
    const out = await expectAnnotated(makeDocx(body, { numbering }));
    const sequence = commentsOf(out).find((c) => c.paragraphs.includes('规则：heading-sequence'))!;
    expect(anchoredTexts(out).get(sequence.id)!.text).toBe('存在的不足和原因');
  });

  it('a finding in a table cell anchors on the cell text', async () => {
    const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const body = `<w:p><w:r><w:t>示例区2023年度法治政府建设情况报告</w:t></w:r></w:p><w:tbl><w:tr>${cell('项目')}${cell('数量')}</w:tr><w:tr>${cell('行政复议')}${cell('XX件')}</w:tr></w:tbl>`;
    const out = await expectAnnotated(makeDocx(body));
    const placeholder = commentsOf(out).find((c) => c.paragraphs.includes('规则：placeholder'))!;
    expect(anchoredTexts(out).get(placeholder.id)!.text).toBe('XX');
  });

  it('writes the anchors with the prefix the file uses for WordprocessingML', async () => {
    const body = '<x:p><x:r><x:t>示例区2023年度法治政府建设情况报告</x:t></x:r></x:p><x:p><x:r><x:t>全年召开专题会议XX次。</x:t></x:r></x:p>';
    const out = (await annotated(makeDocx(body, { prefix: 'x' }))).bytes;
    const id = idOf(out, 'placeholder');
    expect(part(out, 'word/document.xml')).toContain(`<x:commentRangeStart x:id="${id}"/><x:r><x:t>XX</x:t></x:r><x:commentRangeEnd x:id="${id}"/><x:r><x:commentReference x:id="${id}"/></x:r>`);
    expect((await extracted(out)).text).toBe('示例区2023年度法治政府建设情况报告\n全年召开专题会议XX次。');
  });
});

describe('annotate: the package', () => {
  /** The sample report with one comment a reviewer already made (id 7) on its first line. */
  function withComment(docx: Uint8Array): Uint8Array {
    const files = unzipSync(docx);
    const xml = strFromU8(files['word/document.xml']);
    const first = xml.indexOf('<w:r>');
    const end = xml.indexOf('</w:r>', first) + '</w:r>'.length;
    files['word/document.xml'] = strToU8(`${xml.slice(0, first)}<w:commentRangeStart w:id="7"/>${xml.slice(first, end)}<w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r>${xml.slice(end)}`);
    files['word/comments.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W}"><w:comment w:id="7" w:author="张三" w:initials="张"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>标题请再斟酌。</w:t></w:r></w:p></w:comment></w:comments>`);
    const rels = strFromU8(files['word/_rels/document.xml.rels']);
    files['word/_rels/document.xml.rels'] = strToU8(rels.replace('</Relationships>', '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>'));
    const types = strFromU8(files['[Content_Types].xml']);
    files['[Content_Types].xml'] = strToU8(types.replace('</Types>', '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>'));
    return zipSync(files);
  }

  it('keeps the comments already there, numbers the new ones above them, and leaves the content types and relationships alone', async () => {
    const original = withComment(await manualDocx(REPORT));
    const out = await expectAnnotated(original);
    const comments = commentsOf(out);
    expect(comments[0]).toEqual({ id: 7, author: '张三', paragraphs: ['标题请再斟酌。'] });
    expect(comments.slice(1).map((c) => c.id)).toEqual(comments.slice(1).map((_, i) => 8 + i));
    expect(anchoredTexts(out).get(7)).toEqual({ text: '示例区2023年度法治政府建设情况报告', closed: true, referenced: true });
    const a = storedEntries(original);
    const b = storedEntries(out);
    for (const name of ['[Content_Types].xml', 'word/_rels/document.xml.rels']) expect(Buffer.from(b.get(name)!.data).equals(Buffer.from(a.get(name)!.data)), name).toBe(true);
  });

  it('adds the comments part to the content types and relationships when they lack it, once', async () => {
    const out = await expectAnnotated(await manualDocx(REPORT));
    expect(part(out, '[Content_Types].xml').match(/PartName="\/word\/comments.xml"/g)).toHaveLength(1);
    const rels = part(out, 'word/_rels/document.xml.rels');
    expect(rels.match(/relationships\/comments"/g)).toHaveLength(1);
    // Annotating the annotated file again adds comments to the same part, not a second one.
    const again = (await annotated(out)).bytes;
    expect(part(again, 'word/_rels/document.xml.rels')).toBe(rels);
    expect(commentsOf(again)).toHaveLength(2 * commentsOf(out).length);
  });

  it('says in Chinese why a file cannot be annotated', async () => {
    const reasons = await Promise.all([
      annotateDocx(new Uint8Array(0)),
      annotateDocx(strToU8('这不是 Word 文档')),
      annotateDocx(fixture('report.doc')),
      annotateDocx(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') })),
      annotateDocx((await manualDocx(REPORT)).subarray(0, 2000)),
    ]);
    expect(reasons.map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
      '文件为空（0 字节）',
      '不是有效的 .docx 文件（不是 zip 压缩包）',
      '这是 Word 97–2003（.doc）或 WPS 旧格式文件，只能为 .docx 加批注：请在 Word/WPS 中另存为 .docx 后再试',
      '这是 Excel 表格（.xlsx），不是 Word 文档',
      '文件不完整（压缩包缺少目录，可能被截断），请重新获取文件后再检查',
    ]);
  });
});

describe.skipIf(!SOFFICE)('annotate: a .docx saved by LibreOffice', () => {
  it('anchors every finding of the sample report', async () => {
    const saved = convert(await manualDocx(REPORT), 'report.docx', 'docx');
    await expectAnnotated(saved);
  });
});
if (!SOFFICE) it.skip('annotate: a .docx saved by LibreOffice — skipped: LibreOffice (soffice) is not installed', () => {});
