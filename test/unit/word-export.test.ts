import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arabicDate, exportDocx } from '../../server/src/word/export';
import { walkXml } from '../../server/src/documents/xml';
import { corpus, CORPUS, ROOT } from '../helpers';
import { findingsOf, headingsOf } from '../documents-fixtures';
import { extracted, part } from '../word-helpers';

const SAMPLE = readFileSync(join(ROOT, 'samples', '2023-示例区-法治政府建设情况报告.md'), 'utf8');

async function exported(text: string, format: 'markdown' | 'plain' = 'markdown'): Promise<Uint8Array> {
  return (await exportDocx(text, { format })).bytes;
}

type Props = Record<string, string>;

/** Each style's properties as `element@attribute` → value (w:rFonts@w:eastAsia, w:sz@w:val, …), pPr and rPr together. */
function stylesOf(docx: Uint8Array): Map<string, Props & { type: string }> {
  const styles = new Map<string, Props & { type: string }>();
  let current: (Props & { type: string }) | null = null;
  walkXml(part(docx, 'word/styles.xml'), 'styles.xml', {
    open(el) {
      if (el.name === 'w:style') {
        current = { type: el.attr('w:type') ?? '' };
        styles.set(el.attr('w:styleId') ?? '', current);
      } else if (current) for (const a of ['w:val', 'w:eastAsia', 'w:ascii', 'w:line', 'w:lineRule', 'w:firstLineChars', 'w:firstLine', 'w:before', 'w:after', 'w:hint']) {
        const v = el.attr(a);
        if (v !== undefined) current[`${el.name}@${a}`] = v;
      }
    },
    close(name) {
      if (name === 'w:style') current = null;
    },
  });
  return styles;
}

interface Para {
  style: string;
  text: string;
  jc?: string;
  right?: string;
  before?: string;
  runs: { style?: string; text: string }[];
}

/** The body's paragraphs: style, text, direct alignment and indents, and runs with their character styles. */
function paragraphsOf(docx: Uint8Array): Para[] {
  const out: Para[] = [];
  let p: Para | null = null;
  let run: { style?: string; text: string } | null = null;
  let text = false;
  walkXml(part(docx, 'word/document.xml'), 'document.xml', {
    open(el) {
      if (el.name === 'w:p') out.push((p = { style: 'Normal', text: '', runs: [] }));
      else if (!p) return;
      else if (el.name === 'w:pStyle') p.style = el.attr('w:val')!;
      else if (el.name === 'w:jc') p.jc = el.attr('w:val');
      else if (el.name === 'w:ind' && el.attr('w:right')) p.right = el.attr('w:right');
      else if (el.name === 'w:spacing' && el.attr('w:before')) p.before = el.attr('w:before');
      else if (el.name === 'w:r') p.runs.push((run = { text: '' }));
      else if (el.name === 'w:rStyle' && run) run.style = el.attr('w:val');
      else if (el.name === 'w:t') text = true;
    },
    close(name) {
      if (name === 'w:t') text = false;
      if (name === 'w:p') p = null;
    },
    text(t) {
      if (text && p && run) {
        p.text += t;
        run.text += t;
      }
    },
  });
  return out;
}

describe('export: the page (GB/T 9704-2012 5.2, 6.2, 7.5)', () => {
  it('A4, margins 37/35/28/26 mm, 22 lines of 28.95 pt, odd and even footers with the page number', async () => {
    const docx = await exported(SAMPLE);
    const xml = part(docx, 'word/document.xml');
    const sect = xml.slice(xml.lastIndexOf('<w:sectPr'));
    const attrs = (name: string) => Object.fromEntries([...new RegExp(`<w:${name} ([^>]*)/>`).exec(sect)![1].matchAll(/w:(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    expect(attrs('pgSz')).toMatchObject({ w: '11906', h: '16838' }); // 210 × 297 mm
    expect(attrs('pgMar')).toMatchObject({ top: '2098', bottom: '1984', left: '1587', right: '1474', footer: '1307' });
    // 22 lines fill the 225 mm type area: 22 × 579 ≤ 12 755 twips < 23 × 579.
    expect(attrs('docGrid')).toMatchObject({ type: 'lines', linePitch: '579' });
    expect(22 * 579).toBeLessThanOrEqual(16838 - 2098 - 1984);
    expect(23 * 579).toBeGreaterThan(16838 - 2098 - 1984);
    expect(part(docx, 'word/settings.xml')).toMatch(/<w:evenAndOddHeaders\/>/);

    const rels = part(docx, 'word/_rels/document.xml.rels');
    const footer = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"/>`).exec(sect)![1];
      return part(docx, `word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]}`);
    };
    // 单页码居右空一字，双页码居左空一字; — 1 — in the Footer style (宋体 14 pt).
    expect(footer('default')).toMatch(/<w:pStyle w:val="Footer"\/><w:ind w:right="280"\/><w:jc w:val="right"\/>.*— .*PAGE.* —/);
    expect(footer('even')).toMatch(/<w:pStyle w:val="Footer"\/><w:ind w:left="280"\/><w:jc w:val="left"\/>.*— .*PAGE.* —/);
  });

  it('styles: 仿宋_GB2312 16 pt text indented two characters; the title, headings, signature, date and page number as the standard names them', async () => {
    const s = stylesOf(await exported(SAMPLE));
    expect(s.get('Normal')).toMatchObject({ 'w:rFonts@w:eastAsia': '仿宋_GB2312', 'w:sz@w:val': '32', 'w:spacing@w:line': '579', 'w:spacing@w:lineRule': 'exact', 'w:ind@w:firstLineChars': '200', 'w:jc@w:val': 'both' });
    // 28 characters to a 156 mm line: each drawn 0.25 pt narrower than its 16 pt.
    expect(s.get('Normal')!['w:spacing@w:val']).toBe('-5');
    expect(28 * (320 - 5)).toBeLessThanOrEqual(11906 - 1587 - 1474);
    expect(s.get('Title')).toMatchObject({ 'w:rFonts@w:eastAsia': '方正小标宋简体', 'w:sz@w:val': '44', 'w:jc@w:val': 'center', 'w:ind@w:firstLineChars': '0' });
    expect(s.get('Salutation')).toMatchObject({ 'w:jc@w:val': 'left', 'w:ind@w:firstLineChars': '0' });
    expect(['Heading1', 'Heading2', 'Heading3', 'Heading4'].map((id) => s.get(id)!['w:rFonts@w:eastAsia'])).toEqual(['黑体', '楷体_GB2312', '仿宋_GB2312', '仿宋_GB2312']);
    expect(['Heading1', 'Heading2', 'Heading3', 'Heading4'].map((id) => s.get(id)!['w:outlineLvl@w:val'])).toEqual(['0', '1', '2', '3']);
    expect(['Heading1Char', 'Heading2Char', 'Heading3Char', 'Heading4Char'].map((id) => [s.get(id)!.type, s.get(id)!['w:rFonts@w:eastAsia']])).toEqual([
      ['character', '黑体'],
      ['character', '楷体_GB2312'],
      ['character', '仿宋_GB2312'],
      ['character', '仿宋_GB2312'],
    ]);
    expect(s.get('Signature')).toMatchObject({ 'w:jc@w:val': 'right' });
    expect(s.get('Date')).toMatchObject({ 'w:jc@w:val': 'right' });
    expect(s.get('Footer')).toMatchObject({ 'w:rFonts@w:eastAsia': '宋体', 'w:rFonts@w:ascii': '宋体', 'w:rFonts@w:hint': 'eastAsia', 'w:sz@w:val': '28' });
  });

  it('the font table gives each face a fallback Windows has (仿宋_GB2312 → 仿宋) and the GB2312 character set', async () => {
    const fonts = part(await exported(SAMPLE), 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
  });
});

describe('export: each line in its role', () => {
  it('the sample report: title, addressee, headings (a heading that runs on keeps only itself in its face), signature and date', async () => {
    const paragraphs = paragraphsOf(await exported(SAMPLE));
    const summary = paragraphs.map((p) => `${p.style}${p.runs.length > 1 ? `[${p.runs.map((r) => r.style ?? '').join(',')}]` : ''} ${p.text.slice(0, 14)}`);
    expect(summary).toEqual([
      'Title 示例区人民政府关于2023年',
      'Salutation 市人民政府：',
      'Normal 2023年，示例区坚持以习近',
      'Heading1 一、推进法治政府建设的主要举',
      'Normal[Heading2Char,] （一）依法全面履行政府职能。',
      'Normal[Heading2Char,] （二）健全依法行政制度体系。',
      'Normal[Heading2Char,] （三）严格规范公正文明执法。',
      'Normal[Heading2Char,] （四）依法化解社会矛盾纠纷。',
      'Heading1 二、主要负责人履行推进法治建',
      'Normal 区政府主要负责同志认真履行推',
      'Heading1 三、2024年度推进法治政府',
      'Normal 2024年，我区将坚持以习近',
      'Signature 示例区人民政府',
      'Date 2024年3月1日',
    ]);
    expect(paragraphs[4].runs[0].text).toBe('（一）依法全面履行政府职能。');
    // 7.3.5.2: 署名右空二字 unless the date is longer: here the date (6 字) is one short of the signature (7 字): 日期右空二字, 署名右空三字.
    expect(paragraphs.slice(-2).map((p) => [p.right, p.before])).toEqual([
      ['948', '579'],
      ['632', undefined],
    ]);
  });

  it('levels 3 and 4, typed numbering kept; Markdown marks, links, code and comments leave no trace', async () => {
    const draft = [
      '# 某区2023年度法治政府建设情况报告',
      '',
      '市人民政府：',
      '',
      '<!-- fazhi-report-disable placeholder -->',
      '## 一、**主要举措**',
      '',
      '（一）加强领导。全年召开[专题会议](https://example.com)`3`次。',
      '',
      '1. 完善制度。制定规范性文件*5*件。',
      '',
      '（1）出台清单。',
      '',
      '- 项目一',
      '',
      '---',
      '',
      '| 事项 | 数量 |',
      '| --- | --- |',
      '| 复议 | **12** |',
      '',
      '某区人民政府',
      '二〇二四年三月六日',
    ].join('\n');
    const docx = await exported(draft);
    const paragraphs = paragraphsOf(docx);
    expect(paragraphs.map((p) => `${p.style} ${p.text}`)).toEqual([
      'Title 某区2023年度法治政府建设情况报告',
      'Salutation 市人民政府：',
      'Heading1 一、主要举措',
      'Normal （一）加强领导。全年召开专题会议3次。',
      'Normal 1. 完善制度。制定规范性文件5件。',
      'Heading4 （1）出台清单。',
      'Normal 项目一',
      'TableText 事项',
      'TableText 数量',
      'TableText 复议',
      'TableText 12',
      'Signature 某区人民政府',
      'Date 2024年3月6日',
    ]);
    expect(paragraphs[4].runs.map((r) => [r.style, r.text])).toEqual([
      ['Heading3Char', '1. 完善制度。'],
      [undefined, '制定规范性文件5件。'],
    ]);
    expect(part(docx, 'word/document.xml')).toContain('<w:tbl>');
  });

  it('成文日期 in Arabic numerals, no leading zeros (7.3.5)', () => {
    expect(['二〇二四年三月六日', '二○二三年十二月三十一日', '2024年03月06日', '２０２４年１月１日', '2024年3月', '二〇二四年十三月一日'].map(arabicDate)).toEqual([
      '2024年3月6日',
      '2023年12月31日',
      '2024年3月6日',
      null,
      null,
      null,
    ]);
  });
});

describe('export: read back, the draft’s findings', () => {
  const cases: [string, string, 'markdown' | 'plain'][] = [['sample', SAMPLE, 'markdown'], ...Object.entries(CORPUS).map(([k, f]) => [k, corpus(f), 'plain'] as [string, string, 'plain'])];
  for (const [name, text, format] of cases) {
    it(`${name}: the same findings (rule and text) and headings`, async () => {
      const doc = await extracted(await exported(text, format));
      expect(findingsOf(doc.text)).toEqual(findingsOf(text, format));
      expect(headingsOf(doc.text)).toEqual(headingsOf(text, format));
    });
  }
});
