// .docx (Word 2007 and later, and WPS): the body's paragraphs in order, one per line, with Word's
// automatic numbering rebuilt in front; tables one line per row, cells joined by a tab; footnotes
// and endnotes after the body, in the order they are referenced; headers and footers left out.
import { Numbering, Styles } from './numbering';
import { walkXml, type XmlElement } from './xml';
import { ZipArchive, type ZipLimits } from './zip';
import { ExtractError } from './types';

export interface Line {
  text: string;
  xmlIndex?: number;
  prefixLength?: number;
}

export interface DocxContent {
  lines: Line[];
  notes: string[];
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

export function readDocx(bytes: Uint8Array, limits?: ZipLimits): DocxContent {
  const zip = new ZipArchive(bytes, limits);
  const main = mainPart(zip);
  const rels = relationships(zip, main);
  const styles = Styles.parse(readPart(zip, rels.get('styles') ?? 'word/styles.xml'));
  const numbering = Numbering.parse(readPart(zip, rels.get('numbering') ?? 'word/numbering.xml'), styles);

  const body = new StoryReader(numbering, 'body');
  walkXml(zip.readText(main)!, main, body);
  if (!body.sawBody) throw new ExtractError(`不是有效的 .docx 文件（${main} 中没有正文 w:body）`);

  const lines = body.output;
  const notes: string[] = [];
  for (const kind of ['footnote', 'endnote'] as const) {
    const refs = body.noteRefs.filter((r) => r.kind === kind).map((r) => r.id);
    if (refs.length === 0) continue;
    const xml = readPart(zip, rels.get(kind === 'footnote' ? 'footnotes' : 'endnotes') ?? `word/${kind}s.xml`);
    if (!xml) continue;
    const reader = new StoryReader(numbering, kind);
    walkXml(xml, `word/${kind}s.xml`, reader);
    let count = 0;
    for (const id of new Set(refs)) {
      const note = reader.notes.get(id);
      if (!note) continue;
      count++;
      for (const line of note) lines.push({ text: line.text, prefixLength: line.prefixLength });
    }
    if (count) notes.push(`${count} 条${kind === 'footnote' ? '脚注' : '尾注'}已附在正文之后`);
  }
  if (body.numbered > 0) notes.push(`已按文件中的自动编号补出 ${body.numbered} 处段落编号（如“一、”“（一）”），这些编号不在文件的文字中`);
  return { lines, notes };
}

/** The main document part, from _rels/.rels (word/document.xml in every file Word or WPS writes). */
export function mainPart(zip: ZipArchive): string {
  const rels = zip.readText('_rels/.rels');
  if (rels) {
    let target: string | undefined;
    walkXml(rels, '_rels/.rels', {
      open(el) {
        if (el.name === 'rel:Relationship' && target === undefined && isType(el, 'officeDocument')) target = el.attr('Target');
      },
      close() {},
    });
    if (target !== undefined) {
      const path = resolvePath('', target);
      if (zip.has(path)) return path;
    }
  }
  if (zip.has('word/document.xml')) return 'word/document.xml';
  if (zip.has('xl/workbook.xml')) throw new ExtractError('这是 Excel 表格（.xlsx），不是 Word 文档');
  if (zip.has('ppt/presentation.xml')) throw new ExtractError('这是 PowerPoint 演示文稿（.pptx），不是 Word 文档');
  if (zip.has('content.xml') && zip.has('mimetype')) throw new ExtractError('这是 OpenDocument 文件（.odt），请在 Word/WPS 中另存为 .docx 后再检查');
  throw new ExtractError('不是有效的 .docx 文件（压缩包中没有 word/document.xml）');
}

/** The main part's relationships by type (styles, numbering, footnotes, endnotes) → part path. */
function relationships(zip: ZipArchive, main: string): Map<string, string> {
  const slash = main.lastIndexOf('/');
  const dir = main.slice(0, slash + 1);
  const found = new Map<string, string>();
  const xml = zip.readText(`${dir}_rels/${main.slice(slash + 1)}.rels`);
  if (!xml) return found;
  walkXml(xml, `${dir}_rels/${main.slice(slash + 1)}.rels`, {
    open(el) {
      if (el.name !== 'rel:Relationship' || el.attr('TargetMode') === 'External') return;
      const target = el.attr('Target');
      if (target === undefined) return;
      for (const type of ['styles', 'numbering', 'footnotes', 'endnotes']) {
        if (isType(el, type) && !found.has(type)) found.set(type, resolvePath(dir, target));
      }
    },
    close() {},
  });
  return found;
}

function isType(el: XmlElement, type: string): boolean {
  const t = el.attr('Type');
  return t === REL + type || t === STRICT_REL + type;
}

export function resolvePath(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function readPart(zip: ZipArchive, path: string): string | null {
  return zip.readText(path);
}

interface Paragraph {
  depth: number;
  parts: string[];
  styleId?: string;
  numId?: string;
  ilvl?: number;
  xmlIndex?: number;
  /** Paragraphs of text boxes anchored in this one: they follow it. */
  pending: Line[];
}

interface Table {
  row: { cells: string[][]; xmlIndex?: number } | null;
}

/** Elements whose content is never text Word shows in the paragraph. */
export const SKIP = new Set([
  'w:del', 'w:moveFrom', 'w:delText', 'w:instrText', 'w:delInstrText', 'w:rPrChange', 'w:pPrChange',
  'w:sectPr', 'w:tabs', 'w:sdtPr', 'w:sdtEndPr', 'w:tblPr', 'w:tblGrid', 'w:trPr', 'w:tcPr', 'w:tblPrEx',
  'w:numberingChange', 'w:fldData', 'w:background',
]);

/** Reads one story: the body of document.xml, or the notes of footnotes.xml/endnotes.xml. */
class StoryReader {
  readonly output: Line[] = [];
  readonly noteRefs: { kind: 'footnote' | 'endnote'; id: string }[] = [];
  readonly notes = new Map<string, Line[]>();
  sawBody = false;
  /** Paragraphs that got a rebuilt number. */
  numbered = 0;

  private inStory = false;
  private noteLines: Line[] | null = null;
  private xmlCount = 0;
  private readonly paragraphs: Paragraph[] = [];
  private readonly tables: Table[] = [];
  private pPrDepth = -1;
  private rPrDepth = -1;
  private run: { hidden: boolean } | null = null;
  private inText = false;
  /** Complex fields open: true while in the instruction part (before w:fldChar separate). */
  private readonly fields: boolean[] = [];

  constructor(
    private readonly numbering: Numbering,
    private readonly story: 'body' | 'footnote' | 'endnote',
  ) {}

  open = (el: XmlElement, depth: number): boolean | void => {
    const name = el.name;
    if (!this.inStory) {
      if (this.story === 'body') {
        if (name === 'w:body') this.inStory = this.sawBody = true;
        else if (depth > 1) return true;
        return;
      }
      if (name === `w:${this.story}`) {
        const type = el.attr('w:type');
        const id = el.attr('w:id');
        if ((type && type !== 'normal') || id === undefined) return true;
        this.inStory = true;
        this.noteLines = [];
        this.notes.set(id, this.noteLines);
        return;
      }
      return depth > 1 ? true : undefined;
    }
    if (SKIP.has(name)) return true;
    const para = this.paragraphs[this.paragraphs.length - 1];
    if (this.pPrDepth >= 0) {
      if (name === 'w:rPr') return true;
      if (!para) return;
      if (name === 'w:pStyle') para.styleId = el.attr('w:val');
      else if (name === 'w:numId') para.numId = el.attr('w:val');
      else if (name === 'w:ilvl') para.ilvl = toInt(el.attr('w:val'));
      return;
    }
    if (this.rPrDepth >= 0) {
      if (name === 'w:vanish' && this.run) this.run.hidden = !isOff(el.attr('w:val'));
      return;
    }
    switch (name) {
      case 'w:p':
        this.paragraphs.push({ depth, parts: [], pending: [], xmlIndex: this.story === 'body' ? this.xmlCount++ : undefined });
        return;
      case 'w:pPr':
        if (para && para.depth === depth - 1) this.pPrDepth = depth;
        else return true;
        return;
      case 'w:r':
        this.run = { hidden: false };
        return;
      case 'w:rPr':
        if (this.run) this.rPrDepth = depth;
        else return true;
        return;
      case 'w:t':
      case 'm:t':
        this.inText = true;
        return;
      case 'w:tab':
      case 'w:ptab':
        this.emit('\t');
        return;
      case 'w:br':
      case 'w:cr':
        this.emit(' ');
        return;
      case 'w:noBreakHyphen':
        this.emit('-');
        return;
      case 'w:sym': {
        const code = Number.parseInt(el.attr('w:char') ?? '', 16);
        // Symbol-font characters (F0xx) have no fixed Unicode meaning.
        if (Number.isFinite(code) && code >= 0x20 && !(code >= 0xe000 && code <= 0xf8ff) && code <= 0xffff) this.emit(String.fromCharCode(code));
        return;
      }
      case 'w:fldChar': {
        const type = el.attr('w:fldCharType');
        if (type === 'begin') this.fields.push(true);
        else if (type === 'separate' && this.fields.length) this.fields[this.fields.length - 1] = false;
        else if (type === 'end') this.fields.pop();
        return;
      }
      case 'w:footnoteReference':
      case 'w:endnoteReference': {
        const id = el.attr('w:id');
        if (id !== undefined && this.story === 'body') this.noteRefs.push({ kind: name === 'w:footnoteReference' ? 'footnote' : 'endnote', id });
        return;
      }
      case 'w:tbl':
        this.tables.push({ row: null });
        return;
      case 'w:tr':
        if (this.tables.length) this.tables[this.tables.length - 1].row = { cells: [] };
        return;
      case 'w:tc': {
        const row = this.tables[this.tables.length - 1]?.row;
        row?.cells.push([]);
        return;
      }
    }
  };

  openSkipped = (name: string): void => {
    // xmlIndex counts every <w:p> of the body, also those in parts we do not read (mc:Fallback).
    if (name === 'w:p' && this.inStory && this.story === 'body') this.xmlCount++;
  };

  close = (name: string, depth: number): void => {
    if (!this.inStory) return;
    if (depth === this.pPrDepth) this.pPrDepth = -1;
    if (depth === this.rPrDepth) this.rPrDepth = -1;
    switch (name) {
      case 'w:t':
      case 'm:t':
        this.inText = false;
        return;
      case 'w:r':
        this.run = null;
        return;
      case 'w:p':
        this.closeParagraph();
        return;
      case 'w:tr':
        this.closeRow();
        return;
      case 'w:tbl':
        this.tables.pop();
        return;
      case 'w:body':
        this.inStory = false;
        return;
      case 'w:footnote':
      case 'w:endnote':
        if (name === `w:${this.story}`) {
          this.inStory = false;
          this.noteLines = null;
        }
        return;
    }
  };

  text = (text: string): void => {
    if (this.inText) this.emit(text.replace(/[\r\n\v\f\u2028\u2029]/g, ' '));
  };

  private emit(text: string): void {
    if (this.run?.hidden || this.fields.some((instruction) => instruction)) return;
    const para = this.paragraphs[this.paragraphs.length - 1];
    if (para) para.parts.push(text);
  }

  private closeParagraph(): void {
    const para = this.paragraphs.pop();
    if (!para) return;
    const prefix = this.numbering.next(para.numId, para.ilvl, para.styleId);
    if (prefix) this.numbered++;
    const line: Line = { text: prefix + para.parts.join(''), xmlIndex: para.xmlIndex };
    if (prefix) line.prefixLength = prefix.length;
    const parent = this.paragraphs[this.paragraphs.length - 1];
    if (parent) {
      parent.pending.push(line, ...para.pending);
      return;
    }
    const row = this.tables[this.tables.length - 1]?.row;
    const cell = row?.cells[row.cells.length - 1];
    if (row && cell) {
      row.xmlIndex ??= para.xmlIndex;
      cell.push(line.text, ...para.pending.map((l) => l.text));
      return;
    }
    this.push(line, ...para.pending);
  }

  private closeRow(): void {
    const table = this.tables[this.tables.length - 1];
    const row = table?.row;
    if (!row) return;
    table.row = null;
    const nested = this.tables.length > 1;
    const text = row.cells.map((parts) => parts.filter((p) => p.trim() !== '').join(' ')).join(nested ? ' ' : '\t');
    if (nested) {
      const outer = this.tables[this.tables.length - 2].row;
      const cell = outer?.cells[outer.cells.length - 1];
      if (outer && cell) {
        outer.xmlIndex ??= row.xmlIndex;
        cell.push(text);
        return;
      }
    }
    this.push({ text, xmlIndex: row.xmlIndex });
  }

  private push(...lines: Line[]): void {
    if (this.noteLines) this.noteLines.push(...lines);
    else this.output.push(...lines);
  }
}

function toInt(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}

export function isOff(value: string | undefined): boolean {
  return value === '0' || value === 'false' || value === 'off';
}
