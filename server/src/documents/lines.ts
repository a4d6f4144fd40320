// Lines a reader gives → the document the core reads: the text, one line per paragraph, and the
// paragraph map back to 第N段. Its own module so that a caller reading only .docx (the Word
// commands) does not load the PDF and .doc readers.
import type { DocumentParagraph, ExtractedDocument, SourceKind } from './types';

export interface SourceLine {
  text: string;
  page?: number;
  xmlIndex?: number;
  prefixLength?: number;
}

/** Control characters other than tab never belong in a line. */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

export function fromLines(kind: SourceKind, lines: SourceLine[], notes: string[]): ExtractedDocument {
  const paragraphs: DocumentParagraph[] = [];
  const texts: string[] = [];
  let offset = 0;
  for (const line of lines) {
    const text = line.text.replace(CONTROL, '');
    texts.push(text);
    if (text.trim() !== '') {
      const p: DocumentParagraph = { start: offset, end: offset + text.length, index: paragraphs.length + 1 };
      if (line.page !== undefined) p.page = line.page;
      if (line.xmlIndex !== undefined) p.xmlIndex = line.xmlIndex;
      if (line.prefixLength !== undefined) p.prefixLength = line.prefixLength;
      paragraphs.push(p);
    }
    offset += text.length + 1;
  }
  return { kind, format: 'plain', text: texts.join('\n'), paragraphs, notes };
}

