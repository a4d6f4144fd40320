import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes, Root } from 'mdast';
import type { ReportDocument } from './document';
import type { DocumentFormat } from './types';

/** What a source line is, as far as prose analysis is concerned. */
export const enum LineKind {
  Prose = 0,
  Code = 1,
  Html = 2,
  Quote = 3,
  Table = 4,
  Rule = 5,
}

export interface MarkdownHeading {
  depth: number;
  /** Offset where the heading's text starts (after the `#` marks). */
  contentStart: number;
}

export interface ParsedDocument {
  format: DocumentFormat;
  kinds: Uint8Array;
  /** Markdown `#` headings by line index. */
  mdHeadings: Map<number, MarkdownHeading>;
  /**
   * Markdown only: sorted [start, end) offsets of literal text, so a rule can
   * tell `*****` left as a placeholder from `**emphasis**` syntax.
   */
  textSpans: number[] | null;
  /** Set when Markdown nesting was too deep to hand to remark: the text was read by lines only. */
  tooDeep: { depth: number; line: number } | null;
}

/** remark's cost grows with the square of container depth (`- ` × 4000 took seconds): past this, lines only. */
export const MAX_CONTAINER_DEPTH = 32;

const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))*/;

/** The deepest nesting of block quotes and lists any of the lines opens, by its markers and indentation. */
function containerDepth(doc: ReportDocument, from = 0, to = doc.physical.length - 1): { depth: number; line: number } {
  let deepest = { depth: 0, line: 0 };
  for (let l = from; l <= to; l++) {
    const text = doc.physical[l].text;
    if (text.length === 0) continue;
    const c = text.charCodeAt(0);
    // A line opening with a character that opens no container (most lines of a report) has depth 0.
    if (c !== 32 && c !== 9 && c !== 62 && c !== 45 && c !== 42 && c !== 43 && (c < 48 || c > 57)) continue;
    const prefix = CONTAINER_PREFIX.exec(text.length > 20000 ? text.slice(0, 20000) : text)![0];
    const markers = (prefix.match(/>|[-*+][ \t]|\d{1,9}[.)][ \t]/g) ?? []).length;
    const indent = /^[ \t]*/.exec(text)![0].length;
    const depth = markers + Math.floor(indent / 2);
    if (depth > deepest.depth) deepest = { depth, line: l };
  }
  return deepest;
}

const processor = unified().use(remarkParse);

/** What remark says of the text from `startOffset` (the start of line `startLine`) up to `endOffset`. */
function parseRegion(
  doc: ReportDocument,
  startLine: number,
  startOffset: number,
  endOffset: number,
  out: { kinds: Uint8Array; mdHeadings: Map<number, MarkdownHeading>; textSpans: number[] },
): void {
  const tree = processor.parse(startOffset === 0 && endOffset === doc.text.length ? doc.text : doc.text.slice(startOffset, endOffset)) as Root;
  const { kinds, mdHeadings, textSpans } = out;
  const markLines = (node: Nodes, kind: LineKind) => {
    const pos = node.position;
    if (!pos) return;
    for (let l = startLine + pos.start.line - 1; l <= startLine + pos.end.line - 1 && l < kinds.length; l++) {
      if (kinds[l] === LineKind.Prose) kinds[l] = kind;
    }
  };
  const visit = (node: Nodes, inQuote: boolean) => {
    switch (node.type) {
      case 'code':
        markLines(node, LineKind.Code);
        return;
      case 'html':
        markLines(node, LineKind.Html);
        return;
      case 'thematicBreak':
        markLines(node, LineKind.Rule);
        return;
      case 'heading':
        if (!inQuote && node.position) {
          const line = startLine + node.position.start.line - 1;
          const first = node.children[0]?.position?.start.offset;
          mdHeadings.set(line, { depth: node.depth, contentStart: first !== undefined ? startOffset + first : doc.physical[line].end });
        }
        break;
      case 'text':
        if (node.position) textSpans.push(startOffset + node.position.start.offset!, startOffset + node.position.end.offset!);
        return;
      case 'blockquote':
        markLines(node, LineKind.Quote);
        inQuote = true;
        break;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes, inQuote);
  };
  visit(tree, false);
}

export interface PreviousParse {
  doc: ReportDocument;
  parsed: ParsedDocument;
}

export function parse(doc: ReportDocument, format: DocumentFormat, previous?: PreviousParse): ParsedDocument {
  if (format === 'plain') return { format, kinds: new Uint8Array(doc.lineCount), mdHeadings: new Map(), textSpans: null, tooDeep: null };
  // Lines split at run-in headings: Markdown is parsed by the file's own lines, then read by the analysis lines.
  if (doc.lines !== doc.physical) return toAnalysisLines(doc, parsePhysical(doc));
  if (previous && previous.doc.lines === previous.doc.physical) {
    const again = reparse(doc, previous);
    if (again) return again;
  }
  return parsePhysical(doc);
}

/** Kinds and `#` headings of the physical lines given to the analysis lines (each piece of a line has its line's kind). */
function toAnalysisLines(doc: ReportDocument, parsed: ParsedDocument): ParsedDocument {
  const kinds = new Uint8Array(doc.lineCount);
  const mdHeadings = new Map<number, MarkdownHeading>();
  let p = 0;
  for (const line of doc.lines) {
    while (p + 1 < doc.physical.length && doc.physical[p + 1].start <= line.start) p++;
    kinds[line.index] = parsed.kinds[p];
    const heading = parsed.mdHeadings.get(p);
    if (heading && doc.physical[p].start === line.start) mdHeadings.set(line.index, heading);
  }
  return { ...parsed, kinds, mdHeadings };
}

function parsePhysical(doc: ReportDocument): ParsedDocument {
  const format = 'markdown';
  const kinds = new Uint8Array(doc.physical.length);
  const mdHeadings = new Map<number, MarkdownHeading>();
  const nesting = containerDepth(doc);
  if (nesting.depth > MAX_CONTAINER_DEPTH) return { format: 'plain', kinds, mdHeadings, textSpans: null, tooDeep: nesting };
  const textSpans: number[] = [];
  parseRegion(doc, 0, 0, doc.text.length, { kinds, mdHeadings, textSpans });
  markTables(doc, kinds, 0, doc.physical.length - 1);
  return { format, kinds, mdHeadings, textSpans, tooDeep: null };
}

// Changed text with any of these may reach across blocks (fences, HTML, quotes,
// tables, lists, indented code, link references): such an edit is parsed again in full.
const REACHES_ACROSS = /[`~<>|\t[\]]|^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|^ {2}/m;
// A link reference definition (`[label]: /url`) changes how `[label]` reads in every other block.
const DEFINITION = /^ {0,3}\[[^\]\r\n]{0,999}\]:/m;

/** A blank line that separates two plain paragraphs: no block can span it. */
function isBoundary(doc: ReportDocument, parsed: ParsedDocument, line: number): boolean {
  const here = doc.physical[line];
  if (here.text.trim() !== '' || parsed.kinds[line] !== LineKind.Prose) return false;
  const next = doc.physical[line + 1];
  const before = doc.physical[line - 1];
  if (!next || !before) return true;
  if (parsed.kinds[line - 1] !== LineKind.Prose && parsed.kinds[line - 1] !== LineKind.Rule) return false;
  return !/^[ \t>\-*+|`~<\d]/.test(next.text) && parsed.kinds[line + 1] !== LineKind.Code;
}

/**
 * After an edit, parses again only the blocks it touched (between blank lines
 * that no Markdown block can span) and keeps the rest, shifted. Returns null
 * when the edit could change more than its blocks; the caller parses in full.
 */
export function reparse(doc: ReportDocument, previous: PreviousParse): ParsedDocument | null {
  const old = previous.doc;
  const prev = previous.parsed;
  if (prev.format !== 'markdown' || prev.tooDeep || !prev.textSpans) return null;
  const a = old.text;
  const b = doc.text;
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  if (REACHES_ACROSS.test(a.slice(p, a.length - s)) || REACHES_ACROSS.test(b.slice(p, b.length - s))) return null;

  // The blocks of the old text the change touched, widened to boundaries on both sides.
  let top = old.positionAt(p).line;
  let bottom = old.positionAt(a.length - s).line;
  // A change inside a line break (\r|\n of a CRLF) reaches into the next line.
  while (bottom < old.physical.length - 1 && old.physical[bottom].end < a.length - s) bottom++;
  while (top > 0 && !isBoundary(old, prev, top - 1)) top--;
  while (bottom < old.physical.length - 1 && !isBoundary(old, prev, bottom + 1)) bottom++;
  const charDelta = b.length - a.length;
  const lineDelta = doc.physical.length - old.physical.length;
  const regionStart = old.physical[top].start;
  const oldRegionEnd = old.physical[bottom].end;
  const newRegionEnd = oldRegionEnd + charDelta;
  if (newRegionEnd < regionStart) return null;
  if (DEFINITION.test(a.slice(regionStart, oldRegionEnd)) || DEFINITION.test(b.slice(regionStart, newRegionEnd))) return null;
  const newBottom = bottom + lineDelta;
  if (newBottom < top) return null;
  if (containerDepth(doc, top, newBottom).depth > MAX_CONTAINER_DEPTH) return null;

  const kinds = new Uint8Array(doc.physical.length);
  kinds.set(prev.kinds.subarray(0, top), 0);
  kinds.set(prev.kinds.subarray(bottom + 1), newBottom + 1);
  const mdHeadings = new Map<number, MarkdownHeading>();
  for (const [line, h] of prev.mdHeadings) {
    if (line < top) mdHeadings.set(line, h);
    else if (line > bottom) mdHeadings.set(line + lineDelta, { depth: h.depth, contentStart: h.contentStart + charDelta });
  }
  const spans = prev.textSpans;
  const textSpans: number[] = [];
  let i = 0;
  for (; i < spans.length && spans[i + 1] <= regionStart; i += 2) textSpans.push(spans[i], spans[i + 1]);
  // Spans reaching into the region from before it cannot exist: the region starts a block.
  if (i < spans.length && spans[i] < regionStart) return null;
  const region = { kinds, mdHeadings, textSpans };
  parseRegion(doc, top, regionStart, newRegionEnd, region);
  // A fence or HTML block left open at the end of the region (a closing fence
  // turned opener, say) runs on past it: only a full parse can tell how far.
  if (newBottom < doc.physical.length - 1 && (kinds[newBottom] === LineKind.Code || kinds[newBottom] === LineKind.Html)) return null;
  markTables(doc, kinds, top, newBottom);
  let j = i;
  while (j < spans.length && spans[j] < oldRegionEnd) j += 2;
  for (; j < spans.length; j += 2) textSpans.push(spans[j] + charDelta, spans[j + 1] + charDelta);
  return { format: 'markdown', kinds, mdHeadings, textSpans, tooDeep: null };
}

const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/;

/**
 * A GFM table delimiter row (`| --- | :-: |`, `---|---`): cells of dashes with optional colons,
 * split at `|`. Read cell by cell, so a long line of spaces costs its length once.
 */
export function isTableDelimiter(text: string): boolean {
  if (!text.includes('-') || !text.includes('|')) return false;
  const cells = text.trim().split('|');
  const leading = cells[0].trim() === '';
  const trailing = cells.length > 1 && cells[cells.length - 1].trim() === '';
  const inner = cells.slice(leading ? 1 : 0, trailing ? -1 : undefined);
  if (inner.length === 0 || (inner.length === 1 && !(leading && trailing))) return false;
  return inner.every((c) => DELIMITER_CELL.test(c));
}

// GFM tables: remark-parse alone reads them as paragraphs, so a header row,
// a delimiter row and the rows that follow are marked here by their lines.
function markTables(doc: ReportDocument, kinds: Uint8Array, from: number, to: number): void {
  const lines = doc.physical;
  for (let i = Math.max(1, from); i <= to; i++) {
    if (kinds[i] !== LineKind.Prose || !isTableDelimiter(lines[i].text)) continue;
    if (!lines[i - 1].text.includes('|') || kinds[i - 1] !== LineKind.Prose) continue;
    kinds[i - 1] = LineKind.Table;
    let j = i;
    while (j <= to && lines[j].text.trim() !== '' && kinds[j] === LineKind.Prose && (j === i || lines[j].text.includes('|'))) {
      kinds[j] = LineKind.Table;
      j++;
    }
    i = j;
  }
}

/** True when the offset lies in literal text (always true for plain text). */
export function inLiteralText(parsed: ParsedDocument, offset: number): boolean {
  const spans = parsed.textSpans;
  if (!spans) return true;
  let low = 0;
  let high = spans.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < spans[mid * 2]) high = mid - 1;
    else if (offset >= spans[mid * 2 + 1]) low = mid + 1;
    else return true;
  }
  return false;
}
