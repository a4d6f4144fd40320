// The `fazhiReport/extractDocument` request: a Word, WPS or PDF file on disk → the text the
// checker reads, through the same reader layer as the CLI. The client shows that text as a
// read-only document of its own scheme (client/src/documents.ts), which the server then checks
// as any open text report.
import type { Connection } from 'vscode-languageserver/node';
import { readDocumentFile } from '../files';
import { EXTRACT_DOCUMENT_REQUEST, type ExtractDocumentParams, type ExtractDocumentResult } from './documents-protocol';
import { URI_FILE_PREFIX, uriToPath } from './uri';

/** Answers the request; `maxFileSize` is the setting in force when it comes. */
export function registerDocumentRequests(connection: Connection, maxFileSize: () => number): void {
  connection.onRequest(EXTRACT_DOCUMENT_REQUEST, (params: unknown) => extract(params, maxFileSize()));
}

export async function extract(params: unknown, maxFileSize: number): Promise<ExtractDocumentResult> {
  const uri = (params as Partial<ExtractDocumentParams> | null)?.uri;
  if (typeof uri !== 'string' || !uri.startsWith(URI_FILE_PREFIX)) return { ok: false, reason: '只能读取本机上的文件（file: URI）' };
  try {
    // As the CLI reads: a regular file within the size limit (a FIFO or a device is refused, never read).
    const read = await readDocumentFile(uriToPath(uri), maxFileSize);
    if (read.kind === 'error') return { ok: false, reason: read.reason };
    if (read.kind === 'too-large') return { ok: false, reason: `文件过大（${read.size} 字节），超过上限 ${read.limit} 字节${read.limit === maxFileSize ? '（设置 fazhiReport.maxFileSize）' : ''}` };
    const { document } = read;
    const lineOf = lineIndex(document.text);
    const paragraphs = (document.paragraphs ?? []).map((p) => {
      const out: { line: number; index: number; page?: number } = { line: lineOf(p.start), index: p.index };
      if (p.page !== undefined) out.page = p.page;
      return out;
    });
    return { ok: true, text: document.text, kind: document.kind, notes: document.notes, paragraphs };
  } catch (error) {
    return { ok: false, reason: `读取时出错（${error instanceof Error ? error.message : String(error)}）` };
  }
}

/** Offset → 0-based line. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}
