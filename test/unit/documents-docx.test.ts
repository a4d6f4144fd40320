import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { extractDocument, locate, type ExtractedDocument } from '../../server/src/documents';
import { formatNumber } from '../../server/src/documents/numbering';
import { corpus, CORPUS, FIXTURES } from '../helpers';
import { autoNumberedDocx, findingsOf, headingsOf, makeDocx, manualDocx, wpsStyle } from '../documents-fixtures';
import { analyze } from '../../server/src/analysis/analyze';

const DIR = join(FIXTURES, 'documents');

const para = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const numbered = (text: string, numId: number | string, ilvl?: number) => para(text, `<w:numPr>${ilvl === undefined ? '' : `<w:ilvl w:val="${ilvl}"/>`}<w:numId w:val="${numId}"/></w:numPr>`);
const lvl = (ilvl: number, fmt: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}<w:pPr><w:tabs><w:tab w:val="num" w:pos="720"/></w:tabs></w:pPr><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:lvl>`;
const OUTLINE = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}${lvl(3, 'decimal', '（%4）')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;

async function read(data: Uint8Array, name = 'report.docx'): Promise<ExtractedDocument> {
  const result = await extractDocument(data, name);
  if (!result.ok) throw new Error(result.reason);
  return result.document;
}

const lines = (doc: ExtractedDocument) => doc.text.split('\n');

describe('docx: automatic numbering rebuilt into the text', () => {
  it('fills lvlText at each level and restarts the lower levels when a higher one advances', async () => {
    const body = [
      numbered('主要举措', 1, 0),
      numbered('加强领导', 1, 1),
      numbered('专题会议', 1, 2),
      numbered('第一次', 1, 3),
      numbered('第二次', 1, 3),
      numbered('集体学法', 1, 2),
      numbered('规范执法', 1, 1),
      numbered('存在问题', 1, 0),
      numbered('能力不足', 1, 1),
      para('正文没有编号。'),
    ].join('');
    const doc = await read(makeDocx(body, { numbering: OUTLINE }));
    expect(lines(doc)).toEqual(['一、主要举措', '（一）加强领导', '1.专题会议', '（1）第一次', '（2）第二次', '2.集体学法', '（二）规范执法', '二、存在问题', '（一）能力不足', '正文没有编号。']);
    expect(doc.paragraphs!.map((p) => p.prefixLength)).toEqual([2, 3, 2, 3, 3, 2, 3, 2, 3, undefined]);
    expect(doc.paragraphs!.map((p) => p.xmlIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(doc.notes).toContain('已按文件中的自动编号补出 9 处段落编号（如“一、”“（一）”），这些编号不在文件的文字中');
    expect(headingsOf(doc.text)).toEqual(['1 一、主要举措', '2 （一）加强领导', '3 1.专题会议', '4 （1）第一次', '4 （2）第二次', '3 2.集体学法', '2 （二）规范执法', '1 二、存在问题', '2 （一）能力不足']);
  });

  it('takes numbering from the paragraph style (through basedOn), the level from a linked w:pStyle, and numId 0 switches it off', async () => {
    const styles = `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="H1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>
      <w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`;
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCountingThousand', '%1、', '<w:pStyle w:val="H1"/>')}${lvl(1, 'chineseCounting', '(%2)')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const body = [
      para('一级', '<w:pStyle w:val="H1"/>'),
      para('二级', '<w:pStyle w:val="H2"/>'),
      para('不编号', '<w:pStyle w:val="H1"/><w:numPr><w:numId w:val="0"/></w:numPr>'),
      para('继承', '<w:pStyle w:val="H1b"/>'),
      para('二级', '<w:pStyle w:val="H2"/>'),
    ].join('');
    expect(lines(await read(makeDocx(body, { numbering, styles })))).toEqual(['一、一级', '(一)二级', '不编号', '二、继承', '(一)二级']);
  });

  it('counts instances of one abstractNum together, and an instance with lvlOverride/startOverride on its own', async () => {
    const numbering = `<w:abstractNum w:abstractNumId="5">${lvl(0, 'decimal', '%1.')}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="5"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
      <w:num w:numId="4"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/><w:suff w:val="nothing"/></w:lvl></w:lvlOverride></w:num>`;
    const body = [numbered('a', 1, 0), numbered('b', 2, 0), numbered('c', 3, 0), numbered('d', 3, 0), numbered('e', 1, 0), numbered('f', 4), numbered('g', 4)].join('');
    expect(lines(await read(makeDocx(body, { numbering })))).toEqual(['1.a', '2.b', '7.c', '8.d', '3.e', '③f', '④g']);
  });

  it('honours w:start, w:lvlRestart, w:isLgl, w:suff and a numStyleLink', async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', '%1.', '<w:suff w:val="space"/>')}${lvl(1, 'decimal', '%1.%2', '<w:isLgl/><w:suff w:val="tab"/>')}${lvl(2, 'lowerLetter', '%3)', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="Outline"/></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;
    const styles = `<w:style w:type="numbering" w:styleId="Outline"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`;
    const body = [numbered('x', 1, 0), numbered('y', 1, 1), numbered('z', 1, 2), numbered('w', 2, 0), numbered('v', 1, 2)].join('');
    expect(lines(await read(makeDocx(body, { numbering, styles })))).toEqual(['I.x', '1.1 y', 'a)z', 'II.w', 'b)v']);
  });

  it('formats the Chinese and other number formats as Word shows them', () => {
    const cases: [string, number, string][] = [
      ['chineseCounting', 1, '一'], ['chineseCounting', 10, '十'], ['chineseCounting', 11, '十一'], ['chineseCounting', 20, '二十'], ['chineseCounting', 99, '九十九'],
      ['chineseCountingThousand', 10, '十'], ['chineseCountingThousand', 21, '二十一'], ['chineseCountingThousand', 105, '一百零五'], ['chineseCountingThousand', 110, '一百一十'],
      ['japaneseCounting', 12, '十二'], ['ideographDigital', 10, '一〇'], ['ideographTraditional', 3, '丙'], ['ideographZodiac', 1, '子'],
      ['ideographEnclosedCircle', 2, '㊁'], ['chineseLegalSimplified', 12, '壹拾贰'], ['ideographLegalTraditional', 3, '參'],
      ['decimal', 12, '12'], ['decimalZero', 7, '07'], ['decimalFullWidth', 12, '１２'], ['decimalEnclosedCircle', 3, '③'], ['decimalEnclosedCircle', 21, '21'],
      ['decimalEnclosedParen', 2, '⑵'], ['decimalEnclosedFullstop', 2, '⒉'], ['upperLetter', 28, 'BB'], ['lowerLetter', 1, 'a'], ['upperRoman', 14, 'XIV'], ['lowerRoman', 4, 'iv'],
      ['none', 3, ''], ['custom', 5, '5'], ['koreanCounting', 5, '5'],
    ];
    for (const [fmt, n, text] of cases) expect([fmt, n, formatNumber(n, fmt)]).toEqual([fmt, n, text]);
    expect(formatNumber(5, 'custom', '001, 002, 003, ...')).toBe('005');
  });

  it('gives bullets a visible mark and skips a level that is not defined', async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'bullet', '\uf0b7')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    expect(lines(await read(makeDocx([numbered('要点', 1, 0), numbered('无此级', 1, 5), numbered('无此编号', 9, 0)].join(''), { numbering })))).toEqual(['•要点', '无此级', '无此编号']);
  });
});

describe('docx: text of runs', () => {
  it('reads tabs, breaks, hyphens, symbols; skips deletions, instructions and hidden text; keeps insertions and field results', async () => {
    const body = `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr>
      <w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:cr/><w:t>丁</w:t><w:noBreakHyphen/><w:t>戊</w:t><w:softHyphen/><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="SimSun" w:char="2605"/></w:r>
      <w:del w:id="1" w:author="x"><w:r><w:delText>删掉的</w:delText></w:r></w:del>
      <w:ins w:id="2" w:author="x"><w:r><w:t>插入的</w:t></w:r></w:ins>
      <w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的</w:t></w:r>
      <w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显示的</w:t></w:r>
      <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
      <w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple>
      <w:hyperlink r:id="x" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>链接</w:t></w:r></w:hyperlink>
      <w:moveFrom><w:r><w:t>移走的</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>移来的</w:t></w:r></w:moveTo>
      <w:r><w:t>行
内</w:t></w:r></w:p>`;
    expect(lines(await read(makeDocx(body)))).toEqual(['甲\t乙 丙 丁-戊★插入的显示的39链接移来的行 内']);
  });

  it('reads a document whose namespace prefix is not w:', async () => {
    const body = '<x:p><x:r><x:t>前缀不同</x:t></x:r></x:p>';
    expect((await read(makeDocx(body, { prefix: 'x' }))).text).toBe('前缀不同');
  });

  it('puts a table row on one line with the cells joined by a tab, nested tables inside their cell', async () => {
    const cell = (inner: string) => `<w:tc><w:tcPr><w:tcW w:w="100"/></w:tcPr>${inner}</w:tc>`;
    const table = (rows: string[][]) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.map((r) => `<w:tr><w:trPr/>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
    const body = para('前') + table([[para('项目'), para('数量') + para('（件）')], [para('复议') + table([[para('a'), para('b')]]), para('12')]]) + para('后');
    const doc = await read(makeDocx(body));
    expect(lines(doc)).toEqual(['前', '项目\t数量 （件）', '复议 a b\t12', '后']);
    expect(doc.paragraphs!.map((p) => [p.index, p.xmlIndex])).toEqual([[1, 0], [2, 1], [3, 4], [4, 8]]);
  });

  it('puts footnotes after the body in the order they are referenced; headers and footers are left out', async () => {
    const footnotes = `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
      <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>脚注一</w:t></w:r></w:p></w:footnote>
      <w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>脚注二</w:t></w:r></w:p></w:footnote>
      <w:footnote w:id="3"><w:p><w:r><w:t>未引用</w:t></w:r></w:p></w:footnote>`;
    const body = `<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t>再</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p><w:sectPr><w:headerReference w:type="default" r:id="h" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></w:sectPr>`;
    const doc = await read(makeDocx(body, { footnotes }));
    expect(lines(doc)).toEqual(['正文再', '脚注二', '脚注一']);
    expect(doc.paragraphs!.map((p) => p.xmlIndex)).toEqual([0, undefined, undefined]);
    expect(doc.notes).toContain('2 条脚注已附在正文之后');
  });

  it('reads mc:AlternateContent once (its Choice, else its Fallback), text boxes after their paragraph, and counts xmlIndex over every <w:p>', async () => {
    const box = (text: string) => `<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`;
    const body = `<w:p><w:r><w:t>锚</w:t></w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:drawing><wps:txbx xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">${box('文本框')}</wps:txbx></w:drawing></w:r></mc:Choice><mc:Fallback><w:r><w:pict>${box('文本框')}</w:pict></w:r></mc:Fallback></mc:AlternateContent></w:p>
      <mc:AlternateContent><mc:Fallback>${para('只有后备')}</mc:Fallback></mc:AlternateContent>${para('末段')}`;
    const doc = await read(makeDocx(body));
    expect(lines(doc)).toEqual(['锚', '文本框', '只有后备', '末段']);
    expect(doc.paragraphs!.map((p) => p.xmlIndex)).toEqual([0, 1, 3, 4]);
  });

  it('keeps empty paragraphs as empty lines and counts only the others', async () => {
    const doc = await read(makeDocx(para('一') + '<w:p/>' + para('  ') + para('二')));
    expect(doc.text).toBe('一\n\n  \n二');
    expect(doc.paragraphs!.map((p) => [p.index, p.start, p.end])).toEqual([[1, 0, 1], [2, 6, 7]]);
  });
});

/** The three real reports, as .docx made by the `docx` package, read back to the same findings and outline. */
describe('docx: the real reports', () => {
  for (const [key, file] of Object.entries(CORPUS)) {
    const source = corpus(file);
    const findings = findingsOf(source);
    const headings = headingsOf(source);

    it(`${key}: typed numbering`, async () => {
      const doc = await read(await manualDocx(source));
      expect(doc.text).toBe(source);
      expect(findingsOf(doc.text)).toEqual(findings);
      expect(headingsOf(doc.text)).toEqual(headings);
      expectLocated(doc, source);
    });

    it(`${key}: Word's automatic numbering`, async () => {
      const { bytes, expected } = await autoNumberedDocx(source);
      expect(strFromU8(unzipSync(bytes)['word/document.xml'])).not.toMatch(/<w:t[^>]*>[一二三四五六七八九十]+、/);
      const doc = await read(bytes);
      expect(expected).toBe(source); // the typed numbers run in order in these reports
      expect(doc.text).toBe(expected);
      expect(findingsOf(doc.text)).toEqual(findings);
      expect(headingsOf(doc.text)).toEqual(headings);
      expectLocated(doc, source);
    });

    it(`${key}: saved by WPS (mc:AlternateContent, WPS namespaces)`, async () => {
      const { bytes } = await autoNumberedDocx(source);
      const wps = wpsStyle(bytes);
      expect(strFromU8(unzipSync(wps)['word/document.xml'])).toContain('wpsCustomData');
      const doc = await read(wps);
      expect(doc.text).toBe(source);
      expect(findingsOf(doc.text)).toEqual(findings);
    });
  }

  it('the committed small fixtures read as their text', async () => {
    const text = readFileSync(join(DIR, 'report.txt'), 'utf8');
    for (const name of ['report-numbered.docx', 'report-wps.docx']) {
      const doc = await read(new Uint8Array(readFileSync(join(DIR, name))), name);
      expect(doc.text).toBe(text);
      expect(findingsOf(doc.text)).toEqual(findingsOf(text));
      expect(findingsOf(doc.text).map((f) => f.rule)).toEqual(expect.arrayContaining(['placeholder', 'rate-mismatch']));
    }
  });
});

/** locate() of every finding: the paragraph holding it (1-based, non-empty lines of the source) and a quote containing its text. */
function expectLocated(doc: ExtractedDocument, source: string): void {
  const sourceLines = source.split('\n');
  const analysis = analyze(doc.text, { format: 'plain' });
  const docLines = doc.text.split('\n');
  for (const f of analysis.findings) {
    const start = docLines.slice(0, f.range.start.line).reduce((n, l) => n + l.length + 1, 0) + f.range.start.character;
    const end = docLines.slice(0, f.range.end.line).reduce((n, l) => n + l.length + 1, 0) + f.range.end.character;
    const at = locate(doc, start, end)!;
    const expected = sourceLines.slice(0, f.range.start.line + 1).filter((l) => l.trim() !== '').length;
    expect([f.rule, at.paragraph]).toEqual([f.rule, expected]);
    const text = doc.text.slice(start, end);
    if (text.length <= 20 && !text.includes('\n')) expect(at.quote).toContain(text);
    else expect(text.startsWith(at.quote.slice(0, 5)) || at.quote.length > 0).toBe(true);
  }
}
