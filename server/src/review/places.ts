// Places in a report as a reader finds them: 第N段 (and the page), a quote,
// and the range an editor selects.
import type { RuleContext } from '../analysis/rules/rule';
import { locate, textParagraphs } from '../documents';
import type { DocumentParagraph, ExtractedDocument } from '../documents/types';
import type { Place } from './types';

/** A document whose paragraphs are known (text files get theirs once, not at each lookup). */
export type LocatedDocument = ExtractedDocument & { paragraphs: DocumentParagraph[] };

export function withParagraphs(document: ExtractedDocument): LocatedDocument {
  return { ...document, paragraphs: document.paragraphs ?? textParagraphs(document.text) };
}

/** A place in the document: 第N段, page, the range for an editor, a short quote. */
export function placeOf(file: string, document: LocatedDocument, context: RuleContext | null, start: number, end: number, quote?: string): Place {
  const at = locate(document, start, end);
  const range = context ? context.doc.range(start, end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const place: Place = { file, paragraph: at?.paragraph ?? 0, range, quote: quote ?? at?.quote ?? '' };
  if (at?.page !== undefined) place.page = at.page;
  return place;
}
