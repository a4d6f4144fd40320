// .pdf: the text of each page through PDF.js (the serverless build unpdf ships: no worker, no
// canvas, bundles into CommonJS), lines rebuilt from the text items' positions, running headers,
// footers and page numbers dropped, and lines joined into paragraphs the way a reader sees them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ExtractError } from './types';

export interface PdfLine {
  text: string;
  page: number;
}

export const MAX_PDF_PAGES = 2000;

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface RawLine {
  text: string;
  /** Whether the line ends with a space (a real one: PDF.js adds none at the end of a line). */
  spaceAfter?: boolean;
  x: number;
  right: number;
  y: number;
  size: number;
  page: number;
}

export interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

export async function readPdf(bytes: Uint8Array): Promise<{ lines: PdfLine[]; notes: string[] }> {
  if (!startsWithPdfHeader(bytes)) throw new ExtractError('不是有效的 PDF 文件（文件开头没有 %PDF 标记）');
  const { getDocumentProxy } = await import('unpdf');
  const cMapUrl = cMapDirectory();
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy, and a plain Uint8Array: PDF.js takes over the buffer and refuses a Node Buffer.
    doc = await getDocumentProxy(new Uint8Array(bytes), {
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      verbosity: 0,
      stopAtErrors: false,
      ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}),
    });
  } catch (error) {
    const name = (error as { name?: string })?.name;
    if (name === 'PasswordException') throw new ExtractError('PDF 文件设置了打开密码，请先取消密码后再检查');
    throw new ExtractError(`不是有效的 PDF 文件或文件已损坏（${describe(error)}）`);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new ExtractError(`PDF 页数过多（${doc.numPages} 页，上限 ${MAX_PDF_PAGES} 页）`);
    const pages: RawLine[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      let items: TextItemLike[];
      try {
        const page = await doc.getPage(p);
        items = (await page.getTextContent()).items as TextItemLike[];
        page.cleanup();
      } catch (error) {
        throw new ExtractError(`PDF 第 ${p} 页无法读取（${describe(error)}）`);
      }
      pages.push(pageLines(items, p));
    }
    const notes: string[] = [];
    const dropped = dropRunningLines(pages);
    if (dropped) notes.push(`已去掉 PDF 的页眉、页脚和页码 ${dropped} 行`);
    const lines = joinParagraphs(pages);
    if (!lines.some((l) => l.text.trim() !== '')) {
      throw new ExtractError('PDF 中没有可读取的文字（可能是扫描件或图片），请使用可复制文字的 PDF 或原始 Word 文件');
    }
    notes.push('PDF 的段落是按行的位置推断的，段落划分可能与原文不完全一致');
    return { lines, notes };
  } finally {
    await doc.destroy();
  }
}

function startsWithPdfHeader(bytes: Uint8Array): boolean {
  // Readers accept the header within the first 1024 bytes.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

function describe(error: unknown): string {
  const message = (error as { message?: string })?.message ?? String(error);
  return message.length > 80 ? message.slice(0, 80) + '…' : message;
}

/** pdfjs-dist's character maps (needed for CJK fonts that are not embedded): dist/pdfjs/cmaps in the bundle, node_modules from the sources. */
function cMapDirectory(): string | undefined {
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (const dir of [join(here, 'pdfjs', 'cmaps'), join(here, '..', '..', '..', 'node_modules', 'pdfjs-dist', 'cmaps')]) {
    if (existsSync(join(dir, 'UniGB-UCS2-H.bcmap'))) return dir + '/';
  }
  return undefined;
}

/** Text items → lines: consecutive items on one baseline are one line. */
export function pageLines(items: TextItemLike[], page: number): RawLine[] {
  const lines: RawLine[] = [];
  let current: { items: Item[]; y: number; size: number } | null = null;
  const flush = () => {
    if (!current || current.items.length === 0) return;
    const line = joinItems(current.items);
    if (line.text.trim() !== '') lines.push({ ...line, y: current.y, size: current.size, page });
    current = null;
  };
  for (const raw of items) {
    if (typeof raw.str !== 'string' || !raw.transform) continue;
    const [a, b, c, d, e, f] = raw.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || raw.height || 10;
    const item: Item = { str: raw.str, x: e, y: f, width: raw.width ?? 0, size };
    if (item.str === '') continue;
    if (current && Math.abs(item.y - current.y) <= Math.max(current.size, size) * 0.5) {
      current.items.push(item);
      current.size = Math.max(current.size, size);
      continue;
    }
    flush();
    current = { items: [item], y: item.y, size };
  }
  flush();
  return lines;
}

function joinItems(items: Item[]): { text: string; x: number; right: number; spaceAfter: boolean } {
  let text = '';
  let end = -Infinity;
  let x = Infinity;
  let right = -Infinity;
  for (const item of items) {
    const str = item.str;
    if (str.trim() !== '') {
      x = Math.min(x, item.x);
      right = Math.max(right, item.x + item.width);
    }
    if (text && item.x - end > item.size * 0.3 && !/\s$/.test(text) && !/^\s/.test(str)) text += ' ';
    text += str;
    end = item.x + item.width;
  }
  return { text: tidy(text), x, right, spaceAfter: /\s$/.test(text) };
}

const WIDE = '\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201f\u2026';

/**
 * PDF.js puts a space where a run of Chinese meets a run in another font (`2025 年`); those go.
 * A space between two Chinese characters is kept: it is in the document, and it is how a missing
 * number shows (`全年共收集 企业问题`).
 */
function tidy(text: string): string {
  return text
    .replace(/[\t \u00a0]+/g, ' ')
    .trim()
    .replace(new RegExp(`(?<=[${WIDE}]) (?=[^${WIDE}])|(?<=[^${WIDE}]) (?=[${WIDE}])`, 'g'), '');
}

const MAX_PAGE_NUMBER_LINE = 40;
const PAGE_NUMBER = [
  /^[-—–－‒―~～·•\s]*\d{1,4}[-—–－‒―~～·•\s]*$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$/,
  /^共\s*\d{1,4}\s*页\s*[,，/／]?\s*第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^page\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
];

/** Drops page numbers at the top or bottom of a page and lines repeated at the same place on most pages. */
export function dropRunningLines(pages: RawLine[][]): number {
  let dropped = 0;
  const key = (l: RawLine) => `${Math.round(l.y / 3)}|${l.text.replace(/\d+/g, '#')}`;
  const seen = new Map<string, number>();
  for (const lines of pages) {
    for (const k of new Set(lines.map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const repeatedOn = pages.length >= 2 ? Math.max(2, Math.ceil(pages.length * 0.6)) : Infinity;
  for (let p = 0; p < pages.length; p++) {
    const lines = pages[p];
    const byY = [...lines].sort((a, b) => b.y - a.y);
    const edge = new Set([byY[0], byY[1], byY[byY.length - 1], byY[byY.length - 2]].filter(Boolean));
    const kept = lines.filter((l) => {
      const text = l.text.trim();
      // A page number is a short line: longer ones are never tried (the patterns are then bounded).
      if (edge.has(l) && text.length <= MAX_PAGE_NUMBER_LINE && PAGE_NUMBER.some((re) => re.test(text))) return false;
      if ((seen.get(key(l)) ?? 0) >= repeatedOn) return false;
      return true;
    });
    dropped += lines.length - kept.length;
    pages[p] = kept;
  }
  return dropped;
}

const PARAGRAPH_END = /[。！？：!?:]$|[。！？!?]["”’」』）)]$/;
const OUTLINE_START = /^(?:[一二三四五六七八九十百]{1,4}[、．.]|[（(][一二三四五六七八九十百]{1,4}[）)]|\d{1,3}[.．、](?!\d)|[（(]\d{1,3}[）)]|[①-⑳])/;

/** Lines → paragraphs, across page breaks; each paragraph keeps the page it starts on. */
export function joinParagraphs(pages: RawLine[][]): PdfLine[] {
  const all = pages.flat();
  if (all.length === 0) return [];
  // The right margin: the typical end of a full line (ragged right: Chinese line breaking moves
  // punctuation, so full lines end up to two characters apart).
  const left = Math.min(...all.map((l) => l.x));
  const widest = Math.max(...all.map((l) => l.right));
  const margin = median(all.map((l) => l.right).filter((r) => r > left + (widest - left) * 0.7));
  // Documents from Word and WPS indent each paragraph's first line by two characters: where they
  // do, a full line ending in 。 is not the end of its paragraph unless the next line is indented.
  const indentedLines = all.filter((l) => l.x > left + l.size * 1.5 && l.x < left + l.size * 2.6).length;
  const usesIndent = indentedLines >= 3 && indentedLines >= all.length * 0.05;
  const out: PdfLine[] = [];
  let open: PdfLine | null = null;
  let openEnds = true;
  for (const lines of pages) {
    if (lines.length === 0) continue;
    const pageLeft = Math.min(...lines.map((l) => l.x));
    const bodySize = median(lines.map((l) => l.size));
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const next = lines[i + 1];
      const prev = lines[i - 1];
      // A first-line indent starts a paragraph; so does a line further right (centred, or a
      // signature to the right), unless it continues a centred line above it (a title on two lines).
      const indented = line.x > pageLeft + line.size * 0.8 && line.x <= pageLeft + line.size * 2.6;
      const farRight = line.x > pageLeft + line.size * 2.6;
      const sameCentre =
        prev !== undefined &&
        Math.abs(prev.size - line.size) <= line.size * 0.1 &&
        (prev.x > pageLeft + prev.size * 0.3 || line.size > bodySize * 1.1) &&
        Math.abs(prev.x + prev.right - line.x - line.right) < line.size * 2;
      // Where paragraphs are indented, an outline number at the start of a line that is not indented
      // is a sentence that happens to start there (`。2、…`).
      const startsNew = openEnds || indented || (farRight && !sameCentre) || (!usesIndent && OUTLINE_START.test(line.text));
      if (open && !startsNew) open.text = joinText(open.text, line.text, lines[i - 1]?.spaceAfter ?? false);
      else {
        if (open) out.push(open);
        open = { text: line.text, page: line.page };
      }
      // Chinese line breaking can end a full line a few characters early (`…纲要(2021-2025` / `年)》`):
      // where first-line indents mark the paragraphs, only a clearly short line ends one.
      const short = line.right < margin - line.size * (usesIndent ? 5 : 2);
      // A centred line (a title) stands alone, and so does a line in another font size.
      const centred = line.x > pageLeft + line.size * 2.6 && line.right < margin - line.size * 0.8 && Math.abs(line.x - pageLeft - (margin - line.right)) < line.size * 1.5;
      const resized = next !== undefined && Math.abs(next.size - line.size) > line.size * 0.1;
      openEnds = short || centred || resized || (!usesIndent && PARAGRAPH_END.test(line.text));
    }
  }
  if (open) out.push(open);
  return out;
}

function joinText(a: string, b: string, space: boolean): string {
  if (/[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b)) return `${a} ${b}`;
  return space ? tidy(`${a} ${b}`) : a + b;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 10;
}
