// A draft (.md or .txt) → a .docx laid out as GB/T 9704-2012 asks (see gongwen.ts). The core's
// outline of the draft tells each line's role: title, addressee, heading level, signature and
// date; the text is kept as typed (numbering included), less its Markdown syntax.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type IStylesOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { analyzeDetailed } from '../analysis/analyze';
import { isTableDelimiter, LineKind } from '../analysis/parse';
import type { AnalyzeOptions, OutlineNode } from '../analysis/types';
import { draftLines, sourceLines, type DraftLine } from './draft';
import { CHAR, FONT, FONT_FALLBACK, FOOTER_DISTANCE, FOOTER_LINE, LINE_PITCH, MARGIN, PAGE, PAGE_NUMBER_INDENT, SIZE, widthInChars } from './gongwen';

export interface ExportOptions extends Omit<AnalyzeOptions, 'format'> {
  /** How to read the draft: `.md` is Markdown, `.txt` plain text. */
  format: 'markdown' | 'plain';
}

export interface ExportResult {
  bytes: Uint8Array;
  /** Paragraphs written, by role, for the caller's message. */
  counts: { title: number; headings: number; paragraphs: number; tables: number };
}

/** The role of one line of the draft in the document. */
export type LineRole =
  | { kind: 'title' | 'addressee' | 'body' | 'signature' | 'date' | 'table' | 'code' | 'blank' }
  /** `headEnd`: where the heading ends in the line (numbering, title and its 。); the rest is body text. */
  | { kind: 'heading'; level: number; headEnd: number };

// Paragraph and character style ids: Word's built-in names where there is one (so Word shows them
// as 标题 1, 称呼, 签名, 日期 and puts level-1–4 headings in its navigation pane).
export const STYLE = {
  body: 'Normal',
  title: 'Title',
  addressee: 'Salutation',
  heading: ['Heading1', 'Heading2', 'Heading3', 'Heading4'],
  headingRun: ['Heading1Char', 'Heading2Char', 'Heading3Char', 'Heading4Char'],
  signature: 'Signature',
  date: 'Date',
  table: 'TableText',
  code: 'PlainText',
  footer: 'Footer',
} as const;

/** 7.3.3 一般第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋体字. */
const HEADING_FONT = [FONT.level1, FONT.level2, FONT.body, FONT.body];

export async function exportDocx(source: string, options: ExportOptions): Promise<ExportResult> {
  const lines = draftLines(source, options.format);
  const roles = lineRoles(source, lines, options);
  const children: (Paragraph | Table)[] = [];
  const counts = { title: 0, headings: 0, paragraphs: 0, tables: 0 };
  const signature = signatureIndents(lines, roles);
  let signatureSeen = false;
  for (let i = 0; i < lines.length; i++) {
    const role = roles[i];
    const text = lines[i].text;
    if (role.kind === 'blank' || text === '') continue;
    if (role.kind === 'table') {
      const rows: string[][] = [];
      for (; i < lines.length && roles[i].kind === 'table'; i++) if (lines[i].text !== '') rows.push(tableCells(lines[i].text));
      i--;
      children.push(table(rows));
      counts.tables++;
      continue;
    }
    counts.paragraphs++;
    switch (role.kind) {
      case 'title':
        counts.title++;
        children.push(new Paragraph({ style: STYLE.title, children: [new TextRun(text)] }));
        continue;
      case 'addressee':
        children.push(new Paragraph({ style: STYLE.addressee, children: [new TextRun(text)] }));
        continue;
      case 'heading': {
        counts.headings++;
        const level = Math.min(Math.max(role.level, 1), 4) - 1;
        if (role.headEnd >= text.length) children.push(new Paragraph({ style: STYLE.heading[level], children: [new TextRun(text)] }));
        else {
          // A heading that runs on into its paragraph (`（一）加强领导。一是……`): only the heading in its face.
          children.push(
            new Paragraph({ style: STYLE.body, children: [new TextRun({ text: text.slice(0, role.headEnd), style: STYLE.headingRun[level] }), new TextRun(text.slice(role.headEnd))] }),
          );
        }
        continue;
      }
      case 'signature':
      case 'date': {
        const first = !signatureSeen;
        signatureSeen = true;
        const shown = role.kind === 'date' ? (arabicDate(text) ?? text) : text;
        const right = role.kind === 'date' ? signature.date : signature.name;
        const paragraph: IParagraphOptions = { style: role.kind === 'date' ? STYLE.date : STYLE.signature, indent: { right: Math.round(right * CHAR) }, children: [new TextRun(shown)] };
        // 7.3.5.2 正文下空一行编排发文机关署名.
        children.push(new Paragraph(first ? { ...paragraph, spacing: { before: LINE_PITCH } } : paragraph));
        continue;
      }
      case 'code':
        children.push(new Paragraph({ style: STYLE.code, children: [new TextRun(text)] }));
        continue;
      default:
        children.push(new Paragraph({ style: STYLE.body, children: [new TextRun(text)] }));
    }
  }
  if (children.length === 0) children.push(new Paragraph({ style: STYLE.body, children: [] }));

  const doc = new Document({
    creator: '法治政府建设报告助手',
    title: titleOf(lines, roles) ?? undefined,
    evenAndOddHeaderAndFooters: true,
    styles: styles(),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.left, right: MARGIN.right, header: 851, footer: FOOTER_DISTANCE, gutter: 0 },
          },
          // The line grid Word shows in 页面设置 (22 lines); the lines themselves are fixed by their spacing.
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  return { bytes: finishPackage(bytes), counts };
}

/**
 * 28 characters to the line. A 16 pt character is 5.64 mm, so only 27 fit the 156 mm line as they
 * are: each is drawn 0.25 pt narrower (w:spacing, in twentieths of a point), 15.75 pt, and 28 fit.
 * Word's character grid (docGrid linesAndChars with charSpace) would do it too, but LibreOffice
 * lays that grid out at twice the pitch (14 characters to the line); the spacing reads the same
 * everywhere. Lines are fixed the same way: exactly 28.95 pt each, whatever face a missing one is
 * replaced by (a taller fallback face snapped to a line grid would take two lines).
 */
export const CHAR_SPACING = Math.floor(CHAR - SIZE.body * 10);

/** Each line's role, from the core's outline of the draft. */
export function lineRoles(source: string, lines: DraftLine[], options: ExportOptions): LineRole[] {
  const { format, ...analyzeOptions } = options;
  const detailed = analyzeDetailed(source, { ...analyzeOptions, format, rules: { ...analyzeOptions.rules } });
  const { analysis, context } = detailed;
  const roles: LineRole[] = lines.map((l) => ({ kind: l.text === '' ? 'blank' : l.kind === 'code' ? 'code' : 'body' }));
  if (context && format === 'markdown') {
    const raw = sourceLines(source);
    context.parsed.kinds.forEach((kind, line) => {
      if (kind !== LineKind.Table || line >= roles.length) return;
      roles[line] = { kind: isTableDelimiter(raw[line]) ? 'blank' : 'table' };
    });
  }
  if (analysis.title) roles[analysis.title.range.start.line] = { kind: 'title' };
  const walk = (nodes: OutlineNode[]) => {
    for (const n of nodes) {
      const line = n.range.start.line;
      if (n.kind === 'addressee') roles[line] = { kind: 'addressee' };
      else if (n.kind === 'heading' && lines[line].text !== '') roles[line] = { kind: 'heading', level: n.level ?? 1, headEnd: headingEnd(lines[line].text, n) };
      else if (n.kind === 'signature') {
        let last = -1;
        for (let l = line; l <= n.range.end.line; l++) {
          if (lines[l].text === '') continue;
          roles[l] = { kind: 'signature' };
          last = l;
        }
        if (last >= 0 && arabicDate(lines[last].text) !== null) roles[last] = { kind: 'date' };
      }
      walk(n.children);
    }
  };
  walk(analysis.outline);
  return roles;
}

const SENTENCE_END = '。！？!?';

/** Where a heading ends in its line: after its numbering and title, and the 。 that closes the title. */
function headingEnd(text: string, node: OutlineNode): number {
  let at = node.numbering && text.startsWith(node.numbering) ? node.numbering.length : 0;
  while (at < text.length && (text[at] === ' ' || text[at] === '\u3000')) at++;
  let end: number;
  if (node.title && text.startsWith(node.title, at)) end = at + node.title.length;
  else {
    end = at;
    while (end < text.length && !SENTENCE_END.includes(text[end])) end++;
  }
  if (end < text.length && (SENTENCE_END + '：:').includes(text[end])) end++;
  return end;
}

function titleOf(lines: DraftLine[], roles: LineRole[]): string | null {
  const i = roles.findIndex((r) => r.kind === 'title');
  return i >= 0 ? lines[i].text : null;
}

/**
 * 7.3.5.2 (a document without a seal: it is added when the report is signed off): the signature
 * 右空二字; the date on the next line, its first character two to the right of the signature's; a
 * date longer than that 右空二字, the signature moved left to keep the two characters. In 字.
 */
function signatureIndents(lines: DraftLine[], roles: LineRole[]): { name: number; date: number } {
  let name = 0;
  let date = 0;
  roles.forEach((r, i) => {
    if (r.kind === 'signature') name = Math.max(name, widthInChars(lines[i].text));
    else if (r.kind === 'date') date = widthInChars(arabicDate(lines[i].text) ?? lines[i].text);
  });
  if (!date) return { name: 2, date: 2 };
  if (!name) return { name: 2, date: 2 };
  const dateRight = Math.max(2, name - date);
  return { name: dateRight + date + 2 - name, date: dateRight };
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function chineseSmall(s: string): number | null {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 && s in CN_DIGIT ? CN_DIGIT[s] : null;
  const tens = ten === 0 ? 1 : s.length > 0 && s[0] in CN_DIGIT && ten === 1 ? CN_DIGIT[s[0]] : null;
  const rest = s.slice(ten + 1);
  const units = rest === '' ? 0 : rest.length === 1 && rest in CN_DIGIT ? CN_DIGIT[rest] : null;
  return tens === null || units === null ? null : tens * 10 + units;
}

const DATE = /^([（(]?)([\d〇零○Ｏ一二三四五六七八九]{4})[ \u3000]*年[ \u3000]*([\d一二三四五六七八九十]{1,3})[ \u3000]*月[ \u3000]*([\d一二三四五六七八九十]{1,3})[ \u3000]*日([）)]?)$/;

/**
 * 7.3.5 成文日期: 用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位（即 1 不编为 01）.
 * `二〇二四年三月六日` and `2024年03月06日` → `2024年3月6日`; null when the line is no date.
 */
export function arabicDate(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  let year = '';
  for (const ch of m[2]) year += /\d/.test(ch) ? ch : String(CN_DIGIT[ch]);
  const month = chineseSmall(m[3]);
  const day = chineseSmall(m[4]);
  if (month === null || day === null || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${m[1]}${year}年${month}月${day}日${m[5]}`;
}

/** A Markdown table row's cells (`| a | b |` → a, b), the outer pipes dropped. */
function tableCells(row: string): string[] {
  const cells = row.split('|').map((c) => c.trim());
  if (cells.length > 1 && cells[0] === '') cells.shift();
  if (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

function table(rows: string[][]): Table {
  const columns = Math.max(1, ...rows.map((r) => r.length));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: Array.from({ length: columns }, (_, c) => new TableCell({ children: [new Paragraph({ style: STYLE.table, children: [new TextRun(cells[c] ?? '')] })] })),
        }),
    ),
  });
}

/** 7.5 页码: 4号半角宋体阿拉伯数字，左右各放一条一字线; 单页码居右空一字，双页码居左空一字. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NUMBER_INDENT } : { left: PAGE_NUMBER_INDENT },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

const fonts = (eastAsia: string, latin: string = FONT.latin, hint?: string): IRunOptions['font'] => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin, ...(hint ? { hint } : {}) });
const exactly = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/** 7.3.3 每个自然段左空二字，回行顶格: in characters, so that it follows the grid. */
const TWO_CHARACTERS = { firstLine: Math.round(2 * CHAR), firstLineChars: 200 };

function styles(): IStylesOptions {
  const body = { font: fonts(FONT.body), size: SIZE.body, characterSpacing: CHAR_SPACING, language: { value: 'en-US', eastAsia: 'zh-CN' } };
  return {
    default: {
      document: { run: body, paragraph: { spacing: exactly } },
    },
    paragraphStyles: [
      { id: STYLE.body, name: 'Normal', quickFormat: true, run: body, paragraph: { spacing: exactly, indent: TWO_CHARACTERS, alignment: AlignmentType.JUSTIFIED } },
      // 7.3.1 标题一般用2号小标宋体字，居中; 7.3.2 主送机关编排于标题下空一行位置.
      { id: STYLE.title, name: 'Title', basedOn: STYLE.body, next: STYLE.addressee, quickFormat: true, run: { font: fonts(FONT.title), size: SIZE.title }, paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 }, spacing: { ...exactly, after: LINE_PITCH } } },
      // 7.3.2 居左顶格.
      { id: STYLE.addressee, name: 'Salutation', basedOn: STYLE.body, next: STYLE.body, quickFormat: true, paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0, firstLineChars: 0 } } },
      ...[0, 1, 2, 3].map((level) => ({
        id: STYLE.heading[level],
        name: `heading ${level + 1}`,
        basedOn: STYLE.body,
        next: STYLE.body,
        quickFormat: true,
        run: { font: fonts(HEADING_FONT[level]), bold: false, size: SIZE.body },
        paragraph: { outlineLevel: level, keepNext: true },
      })),
      { id: STYLE.signature, name: 'Signature', basedOn: STYLE.body, quickFormat: true, paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLine: 0, firstLineChars: 0 } } },
      { id: STYLE.date, name: 'Date', basedOn: STYLE.body, quickFormat: true, paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLine: 0, firstLineChars: 0 } } },
      { id: STYLE.table, name: 'Table Text', basedOn: STYLE.body, paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0, firstLineChars: 0 } } },
      { id: STYLE.code, name: 'Plain Text', basedOn: STYLE.body, paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0, firstLineChars: 0 } } },
      {
        id: STYLE.footer,
        name: 'footer',
        basedOn: STYLE.body,
        // The 一字线 is East Asian (full width) only with the East Asian hint.
        run: { font: fonts(FONT.pageNumber, FONT.pageNumber, 'eastAsia'), size: SIZE.pageNumber },
        paragraph: { indent: { firstLine: 0, firstLineChars: 0 }, spacing: { line: FOOTER_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
      },
    ],
    characterStyles: [0, 1, 2, 3].map((level) => ({
      id: STYLE.headingRun[level],
      name: `Heading ${level + 1} Char`,
      run: { font: fonts(HEADING_FONT[level]), bold: false },
    })),
  };
}

/**
 * What the `docx` package cannot write: the font table it leaves empty gets each face with its
 * alternate name, the GB2312 character set and its family, which Word and WPS use to choose a face
 * that is installed; the title does not snap to the line grid (a 22 pt line would take two grid
 * lines in LibreOffice; its exact spacing already keeps it on the 28.95 pt pitch).
 */
function finishPackage(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const fontPath = 'word/fontTable.xml';
  const fonts = files[fontPath] ? strFromU8(files[fontPath]) : null;
  if (fonts && fonts.trimEnd().endsWith('/>')) {
    const close = fonts.lastIndexOf('/>');
    const entries = Object.entries(FONT_FALLBACK)
      .map(([name, f]) => `<w:font w:name="${name}"><w:altName w:val="${f.altName}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`)
      .join('');
    const latin = `<w:font w:name="${FONT.latin}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`;
    files[fontPath] = strToU8(`${fonts.slice(0, close)}>${entries}${latin}</w:fonts>`);
  }
  const stylePath = 'word/styles.xml';
  const styles = strFromU8(files[stylePath]);
  const title = styles.indexOf(`w:styleId="${STYLE.title}"`);
  const pPr = title < 0 ? -1 : styles.indexOf('<w:pPr>', title);
  // The title's pPr holds spacing, ind and jc only: w:snapToGrid goes first (it comes before w:spacing in CT_PPrBase).
  if (pPr >= 0 && pPr < styles.indexOf('</w:style>', title)) files[stylePath] = strToU8(`${styles.slice(0, pPr + 7)}<w:snapToGrid w:val="0"/>${styles.slice(pPr + 7)}`);
  return zipSync(files);
}
