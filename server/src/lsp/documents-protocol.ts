// The `fazhiReport/extractDocument` request between the VS Code client and the language server:
// names and shapes only, so that the client bundles none of the server's code.

export const EXTRACT_DOCUMENT_REQUEST = 'fazhiReport/extractDocument';

/** The scheme of the read-only documents that show a Word or PDF file's text in VS Code. */
export const DOCUMENT_SCHEME = 'fazhi-document';

/** A Word or PDF file's text as the client shows it: read-only, so no edits are offered for it. */
export function isExtractedDocument(uri: string): boolean {
  return uri.startsWith(`${DOCUMENT_SCHEME}:`);
}

export interface ExtractDocumentParams {
  /** The file: a `file:` URI. */
  uri: string;
}

export type ExtractDocumentResult =
  | {
      ok: true;
      /** One paragraph per line. */
      text: string;
      kind: string;
      /** What the reader had to guess or leave out (page furniture dropped, numbering rebuilt…). */
      notes: string[];
      /** For each line of `text` that holds a paragraph: its 第N段 and, in a PDF, its page. */
      paragraphs: { line: number; index: number; page?: number }[];
    }
  | { ok: false; reason: string };
