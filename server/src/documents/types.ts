// The shapes the document readers return (see index.ts).

export type SourceKind = 'markdown' | 'text' | 'docx' | 'doc' | 'wps' | 'pdf';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** One paragraph of the document: one line of `text`. */
export interface DocumentParagraph {
  /** Offsets of the line in `text` (end exclusive, without the line break). */
  start: number;
  end: number;
  /** 1-based 第N段, counting non-empty paragraphs as Word shows them. */
  index: number;
  /** 1-based page (PDF). */
  page?: number;
  /**
   * docx: index of the <w:p> among the body's paragraphs in document order (for a table row, its
   * first paragraph; absent for footnotes and endnotes), and the length of a numbering prefix we
   * rebuilt from numbering.xml (not in the XML) at the start of the line.
   */
  xmlIndex?: number;
  prefixLength?: number;
}

export interface ExtractedDocument {
  kind: SourceKind;
  /** How the core should read `text`: `.md` is Markdown, everything else plain text, one paragraph per line. */
  format: 'markdown' | 'plain';
  text: string;
  /** For text files: the encoding the bytes were read in. */
  encoding?: TextEncoding;
  /** Non-empty paragraphs in order; null for text files, where a paragraph is a non-blank line. */
  paragraphs: DocumentParagraph[] | null;
  /** What the reader had to guess or leave out, in Chinese, for the user. */
  notes: string[];
}

export type ExtractResult = { ok: true; document: ExtractedDocument } | { ok: false; reason: string };

export interface ExtractOptions {
  /** Path of LibreOffice's `soffice`, or null never to use it; default: looked up on PATH. */
  soffice?: string | null;
  /** Time limit for one LibreOffice conversion in milliseconds (default 60 000). */
  timeoutMs?: number;
}

/** A failure with a reason for the user; the readers throw it, extractDocument turns it into `{ok: false}`. */
export class ExtractError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}
