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

/** The deepest nesting of block quotes and lists any line opens, by its markers and indentation. */
function containerDepth(doc: ReportDocument): { depth: number; line: number } {
  let deepest = { depth: 0, line: 0 };
  for (const line of doc.lines) {
    const text = line.text;
    if (text.length === 0) continue;
    const prefix = CONTAINER_PREFIX.exec(text.length > 20000 ? text.slice(0, 20000) : text)![0];
    const markers = (prefix.match(/>|[-*+][ \t]|\d{1,9}[.)][ \t]/g) ?? []).length;
    const indent = /^[ \t]*/.exec(text)![0].length;
    const depth = markers + Math.floor(indent / 2);
    if (depth > deepest.depth) deepest = { depth, line: line.index };
  }
  return deepest;
}

const processor = unified().use(remarkParse);

export function parse(doc: ReportDocument, format: DocumentFormat): ParsedDocument {
  const kinds = new Uint8Array(doc.lineCount);
  const mdHeadings = new Map<number, MarkdownHeading>();
  if (format === 'plain') return { format, kinds, mdHeadings, textSpans: null, tooDeep: null };
  const nesting = containerDepth(doc);
  if (nesting.depth > MAX_CONTAINER_DEPTH) return { format: 'plain', kinds, mdHeadings, textSpans: null, tooDeep: nesting };

  const tree = processor.parse(doc.text) as Root;
  const textSpans: number[] = [];
  const markLines = (node: Nodes, kind: LineKind) => {
    const pos = node.position;
    if (!pos) return;
    for (let l = pos.start.line - 1; l <= pos.end.line - 1 && l < kinds.length; l++) {
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
          const line = node.position.start.line - 1;
          const first = node.children[0]?.position?.start.offset;
          mdHeadings.set(line, { depth: node.depth, contentStart: first ?? doc.lines[line].end });
        }
        break;
      case 'text':
        if (node.position) textSpans.push(node.position.start.offset!, node.position.end.offset!);
        return;
      case 'blockquote':
        markLines(node, LineKind.Quote);
        inQuote = true;
        break;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes, inQuote);
  };
  visit(tree, false);
  markTables(doc, kinds);
  return { format, kinds, mdHeadings, textSpans, tooDeep: null };
}

const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$|^\s*\|\s*:?-+:?\s*\|\s*$/;

// GFM tables: remark-parse alone reads them as paragraphs, so a header row,
// a delimiter row and the rows that follow are marked here by their lines.
function markTables(doc: ReportDocument, kinds: Uint8Array): void {
  const lines = doc.lines;
  for (let i = 1; i < lines.length; i++) {
    if (kinds[i] !== LineKind.Prose || !TABLE_DELIMITER.test(lines[i].text)) continue;
    if (!lines[i - 1].text.includes('|') || kinds[i - 1] !== LineKind.Prose) continue;
    kinds[i - 1] = LineKind.Table;
    let j = i;
    while (j < lines.length && lines[j].text.trim() !== '' && kinds[j] === LineKind.Prose && (j === i || lines[j].text.includes('|'))) {
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
