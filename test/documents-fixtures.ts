// Makes test documents with real tools: .docx with the `docx` package (typed numbering, and
// Word's automatic numbering), WPS-style .docx, and LibreOffice conversions (.doc, .pdf).
import { AlignmentType, Document, Footer, Header, LevelFormat, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findSoffice } from '../server/src/documents/soffice';
import { analyze } from '../server/src/analysis/analyze';
import type { OutlineNode } from '../server/src/analysis/types';

/** A .docx with one paragraph per line, the numbering typed in the text. */
export async function manualDocx(text: string): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * A .docx laid out like an official document: 16 pt text (or `size` half-points), every paragraph's first line indented
 * by two characters, the title centred, the signature and date to the right, a running header
 * and the page number `— N —` in the footer.
 */
export async function officialDocx(text: string, size = 32): Promise<Uint8Array> {
  const lines = text.split('\n');
  const last = lines.length - 1;
  const children = lines.map((line, i) => {
    if (i === 0) return new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: line, size: Math.round(size * 1.375) })] });
    if (i >= last - 1 && /人民政府|年.*月.*日|管委会|委员会/.test(line)) return new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(line)] });
    if (/：$|:$/.test(line) && i < 3) return new Paragraph({ children: [new TextRun(line)] });
    return new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun(line)] });
  });
  const doc = new Document({
    styles: { default: { document: { run: { size } } } },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('法治政府建设年度报告')] })] }) },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] }) },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

type Level = 0 | 1 | 2 | 3;

/** Outline numbering typed at the start of a line: level, and the length of the numbering. */
const OUTLINE: { re: RegExp; level: Level }[] = [
  { re: /^[一二三四五六七八九十]{1,3}、/, level: 0 },
  { re: /^[（(][一二三四五六七八九十]{1,3}[）)]/, level: 1 },
  { re: /^\d{1,2}\.(?!\d)/, level: 2 },
  { re: /^[（(]\d{1,2}[）)]/, level: 3 },
];

export function outlineLevel(line: string): { level: Level; length: number } | null {
  for (const { re, level } of OUTLINE) {
    const m = re.exec(line);
    if (m) return { level, length: m[0].length };
  }
  return null;
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

/**
 * A .docx whose outline numbering is Word's automatic numbering: the typed `一、` `（一）` `1.`
 * `（1）` are taken out of the text, and a numbering definition (chineseCounting `%1、`,
 * chineseCounting `（%1）`, decimal `%1.`, decimal `（%1）`; half-width brackets when the text
 * uses them) puts them back. Returns the .docx and the text Word shows (the source with the
 * numbers Word counts, which are the typed ones when those run in order).
 */
export async function autoNumberedDocx(text: string): Promise<{ bytes: Uint8Array; expected: string }> {
  const lines = text.split('\n');
  const half = lines.some((l) => /^\([一二三四五六七八九十]/.test(l));
  const halfDecimal = lines.some((l) => /^\(\d/.test(l));
  const [open, close] = half ? ['(', ')'] : ['（', '）'];
  const [dOpen, dClose] = halfDecimal ? ['(', ')'] : ['（', '）'];
  const levels = [
    { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT, start: 1 },
    { level: 1, format: LevelFormat.CHINESE_COUNTING, text: `${open}%2${close}`, alignment: AlignmentType.LEFT, start: 1 },
    { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT, start: 1 },
    { level: 3, format: LevelFormat.DECIMAL, text: `${dOpen}%4${dClose}`, alignment: AlignmentType.LEFT, start: 1 },
  ];
  const counters = [0, 0, 0, 0];
  const expected: string[] = [];
  const children = lines.map((line) => {
    const o = outlineLevel(line);
    if (!o) {
      expected.push(line);
      return new Paragraph({ children: [new TextRun(line)] });
    }
    counters[o.level]++;
    for (let k = o.level + 1; k < 4; k++) counters[k] = 0;
    const n = counters[o.level];
    const number = [`${CN[n]}、`, `${open}${CN[n]}${close}`, `${n}.`, `${dOpen}${n}${dClose}`][o.level];
    const body = line.slice(o.length);
    expected.push(number + body);
    return new Paragraph({ children: [new TextRun(body)], numbering: { reference: 'outline', level: o.level } });
  });
  const doc = new Document({ numbering: { config: [{ reference: 'outline', levels }] }, sections: [{ children }] });
  return { bytes: new Uint8Array(await Packer.toBuffer(doc)), expected: expected.join('\n') };
}

/**
 * Rewrites a .docx the way WPS writes it: WPS namespaces and custom data on the root, w14
 * paragraph ids, and every run wrapped in mc:AlternateContent with the same run in mc:Choice and
 * mc:Fallback (a reader must take one of them, not both).
 */
export function wpsStyle(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  let xml = strFromU8(files['word/document.xml']);
  xml = xml.replace(/<w:document\b([^>]*)>/, (_m, attrs: string) => {
    let a = attrs;
    const add = (prefix: string, uri: string) => {
      if (!new RegExp(`xmlns:${prefix}=`).test(a)) a += ` xmlns:${prefix}="${uri}"`;
    };
    add('mc', 'http://schemas.openxmlformats.org/markup-compatibility/2006');
    add('w14', 'http://schemas.microsoft.com/office/word/2010/wordml');
    add('wpsCustomData', 'http://www.wps.cn/officeDocument/2013/wpsCustomData');
    add('wpsExtension', 'http://www.wps.cn/officeDocument/2013/wpsExtension');
    if (!/mc:Ignorable=/.test(a)) a += ' mc:Ignorable="w14 wpsCustomData wpsExtension"';
    return `<w:document${a}>`;
  });
  let id = 0;
  xml = xml.replace(/<w:p>/g, () => `<w:p w14:paraId="${(0x1000 + id++).toString(16).toUpperCase().padStart(8, '0')}" w14:textId="77777777">`);
  xml = xml.replace(/<w:r>([\s\S]*?)<\/w:r>/g, (run) => `<mc:AlternateContent><mc:Choice Requires="w14">${run}</mc:Choice><mc:Fallback>${run}</mc:Fallback></mc:AlternateContent>`);
  xml = xml.replace(/<\/w:body>/, '<wpsCustomData:docInfo wpsCustomData:version="12.1"/></w:body>');
  files['word/document.xml'] = strToU8(xml);
  return zipSync(files);
}

/** LibreOffice, when installed (else null: the tests that need it are skipped, saying so). */
export const SOFFICE = findSoffice();

/** Whether a font with Chinese glyphs is installed (LibreOffice's PDFs need one to hold the text). */
export const HAS_CJK_FONT = (() => {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
})();

/** Converts a file with LibreOffice (headless, own profile) to `format` (doc, docx, pdf). */
export function convert(bytes: Uint8Array, inputName: string, format: 'doc' | 'docx' | 'pdf'): Uint8Array {
  if (!SOFFICE) throw new Error('LibreOffice is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-report-test-'));
  try {
    const input = join(dir, inputName);
    writeFileSync(input, bytes);
    const filter = { doc: 'doc:MS Word 97', docx: 'docx:MS Word 2007 XML', pdf: 'pdf:writer_pdf_Export' }[format];
    const args = [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', join(dir, 'out'), input];
    const result = spawnSync(SOFFICE, args, { timeout: 120_000, encoding: 'utf8' });
    const out = join(dir, 'out', inputName.replace(/\.[^.]+$/, `.${format}`));
    try {
      return new Uint8Array(readFileSync(out));
    } catch {
      throw new Error(`LibreOffice did not convert ${inputName} to ${format}: ${result.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What a finding says, independent of where its text sits: the rule and the text under its range. */
export function findingsOf(text: string, format: 'markdown' | 'plain' = 'plain'): { rule: string; quote: string }[] {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return analyze(text, { format }).findings.map((f) => ({ rule: f.rule, quote: text.slice(offset(f.range.start), offset(f.range.end)) }));
}

/** The outline's headings as `level numbering title`, depth first. */
export function headingsOf(text: string, format: 'markdown' | 'plain' = 'plain'): string[] {
  const out: string[] = [];
  const walk = (nodes: OutlineNode[]) => {
    for (const n of nodes) {
      if (n.kind === 'heading') out.push(`${n.level} ${n.numbering ?? ''}${n.title}`);
      walk(n.children ?? []);
    }
  };
  walk(analyze(text, { format }).outline);
  return out;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal .docx from the XML of its body (and of numbering.xml, styles.xml, footnotes.xml). */
export function makeDocx(body: string, parts: { numbering?: string; styles?: string; footnotes?: string; prefix?: string } = {}): Uint8Array {
  const p = parts.prefix ?? 'w';
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'word/document.xml')}</Relationships>`),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><${p}:document xmlns:${p}="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><${p}:body>${body}</${p}:body></${p}:document>`),
  };
  const rels: string[] = [];
  for (const [key, type] of [['numbering', 'numbering'], ['styles', 'styles'], ['footnotes', 'footnotes']] as const) {
    const xml = parts[key];
    if (xml === undefined) continue;
    files[`word/${key}.xml`] = strToU8(`<?xml version="1.0"?><w:${key} xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">${xml}</w:${key}>`);
    rels.push(rel(`r${key}`, type, `${key}.xml`));
  }
  files['word/_rels/document.xml.rels'] = strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  return zipSync(files);
}


/** Text → GB18030 bytes (GBK for every character GBK has), by glibc's iconv, as Notepad or WPS save "ANSI" text on Chinese Windows. */
export function encodeGb18030(text: string): Uint8Array {
  return new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text }));
}
