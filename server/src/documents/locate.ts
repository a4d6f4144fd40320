// Offsets of the extracted text → places in the document (第N段, page, a quote). Pure, and its own
// module so that output formatting does not load the readers.
import type { DocumentParagraph, ExtractedDocument } from './types';

/** Non-blank lines of a text file, as paragraphs. */
export function textParagraphs(text: string): DocumentParagraph[] {
  const out: DocumentParagraph[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (/\S/.test(text.slice(start, lineEnd))) out.push({ start, end: lineEnd, index: out.length + 1 });
    start = end + 1;
  }
  return out;
}

const QUOTE_LENGTH = 20;

/**
 * Where an offset of `document.text` is in the document: 第N段 (1-based, non-empty paragraphs), the
 * page where known, and up to 20 characters of that paragraph around it (from `offset` to `end`
 * when the range is shorter than that).
 */
export function locate(document: ExtractedDocument, offset: number, end?: number): { paragraph: number; page?: number; quote: string } | null {
  const paragraphs = document.paragraphs ?? textParagraphs(document.text);
  if (paragraphs.length === 0 || offset < 0 || offset > document.text.length) return null;
  // The last paragraph starting at or before the offset; in a blank line between two, the next one.
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  let p = paragraphs[lo];
  if (offset > p.end && lo + 1 < paragraphs.length) p = paragraphs[lo + 1];
  else if (offset < p.start && lo > 0) p = paragraphs[lo - 1];
  const text = document.text.slice(p.start, p.end);
  const from0 = Math.min(Math.max(offset - p.start, 0), text.length);
  const to0 = Math.min(Math.max((end ?? offset) - p.start, from0), text.length);
  let from: number;
  let to: number;
  if (to0 - from0 >= QUOTE_LENGTH) {
    from = from0;
    to = from0 + QUOTE_LENGTH;
  } else {
    from = Math.max(0, from0 - Math.floor((QUOTE_LENGTH - (to0 - from0)) / 2));
    to = Math.min(text.length, from + QUOTE_LENGTH);
    from = Math.max(0, to - QUOTE_LENGTH);
  }
  // Never split a surrogate pair.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
  const located: { paragraph: number; page?: number; quote: string } = { paragraph: p.index, quote: text.slice(from, to) };
  if (p.page !== undefined) located.page = p.page;
  return located;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
