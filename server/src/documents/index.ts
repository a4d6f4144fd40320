// The reader layer: a file's bytes → the text the analysis core reads, plus a map from offsets in
// that text back to places in the document (第N段, page). It reads no files itself (the caller
// reads the bytes, with its own size limit); only the LibreOffice fallback writes the bytes to a
// private temporary folder to convert them there.
import { readDocx } from './docx';
import { readPdf } from './pdf';
import { convertToDocx, findSoffice } from './soffice';
import { decodeText } from './text';
import { fromLines } from './lines';
import { kindForPath } from './kinds';
import { ExtractError, type ExtractedDocument, type ExtractOptions, type ExtractResult, type SourceKind } from './types';
import { isOleFile, readWordBinary } from './word';

export type { DocumentParagraph, ExtractedDocument, ExtractOptions, ExtractResult, SourceKind, TextEncoding } from './types';
export { findSoffice } from './soffice';
export { DOCUMENT_EXTENSIONS, kindForPath } from './kinds';
export { locate, textParagraphs } from './locate';

const LABEL: Record<SourceKind, string> = {
  markdown: 'Markdown',
  text: '文本',
  docx: '.docx',
  doc: '.doc',
  wps: '.wps',
  pdf: 'PDF',
};

/**
 * Reads a document from its bytes. Never throws: a file that cannot be read is `{ok: false,
 * reason}`, the reason in Chinese naming what is wrong.
 */
export async function extractDocument(bytes: Uint8Array, fileName: string, options: ExtractOptions = {}): Promise<ExtractResult> {
  const kind = kindForPath(fileName);
  if (!kind) {
    const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    const dot = base.lastIndexOf('.');
    return { ok: false, reason: `不支持的文件类型（${dot > 0 ? base.slice(dot) : '没有扩展名'}），可检查 .md、.markdown、.txt、.docx、.doc、.wps 和 .pdf 文件` };
  }
  if (bytes.length === 0) return { ok: false, reason: '文件为空（0 字节）' };
  try {
    return { ok: true, document: await extract(bytes, fileName, kind, options) };
  } catch (error) {
    if (error instanceof ExtractError) return { ok: false, reason: error.reason };
    const message = (error as Error)?.message ?? String(error);
    return { ok: false, reason: `无法读取此${LABEL[kind]}文件（${message.slice(0, 120)}）` };
  }
}

async function extract(bytes: Uint8Array, fileName: string, kind: SourceKind, options: ExtractOptions): Promise<ExtractedDocument> {
  if (kind === 'markdown' || kind === 'text') {
    const decoded = decodeText(bytes);
    return { kind, format: kind === 'markdown' ? 'markdown' : 'plain', text: decoded.text, encoding: decoded.encoding, paragraphs: null, notes: decoded.notes };
  }
  if (kind === 'pdf') {
    const { lines, notes } = await readPdf(bytes);
    return fromLines(kind, lines, notes);
  }
  // .docx, .doc, .wps: what the bytes are decides, not the extension (WPS and mail programs
  // often save one under the other's name).
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (zip) {
    const { lines, notes } = readDocx(bytes);
    if (kind !== 'docx') notes.unshift(`文件扩展名是 ${LABEL[kind]}，内容实际是 .docx 格式，已按 .docx 读取`);
    return fromLines(kind, lines, notes);
  }
  if (kind === 'docx' && !isOleFile(bytes)) throw new ExtractError('不是有效的 .docx 文件（不是 zip 压缩包）');
  return readLegacy(bytes, fileName, kind, options);
}

/** .doc and .wps (and a .docx that is really a .doc): word-extractor, else LibreOffice. */
async function readLegacy(bytes: Uint8Array, fileName: string, kind: SourceKind, options: ExtractOptions): Promise<ExtractedDocument> {
  const soffice = options.soffice === undefined ? findSoffice() : options.soffice;
  const notes: string[] = [];
  if (kind === 'docx') notes.push('文件扩展名是 .docx，内容实际是 Word 97–2003（.doc）格式，已按 .doc 读取');
  let binary: Awaited<ReturnType<typeof readWordBinary>> | null = null;
  let failure: string | null = null;
  if (isOleFile(bytes)) {
    try {
      binary = await readWordBinary(bytes);
    } catch (error) {
      if (!(error instanceof ExtractError)) throw error;
      failure = error.reason;
    }
  }
  // Automatic numbering is only in what LibreOffice gives; it is worth the conversion when the file has lists.
  if (soffice && (!binary || binary.hasLists)) {
    try {
      const docx = await convertToDocx(soffice, bytes, kind === 'docx' ? 'doc' : kind, options.timeoutMs);
      const { lines, notes: docxNotes } = readDocx(docx);
      return fromLines(kind, lines, [...notes, '已用 LibreOffice 转换为 .docx 后读取', ...docxNotes]);
    } catch (error) {
      if (!(error instanceof ExtractError)) throw error;
      if (!binary) throw new ExtractError(`${error.reason}；请在 Word/WPS 中把“${baseName(fileName)}”另存为 .docx 后再检查`);
      notes.push(`${error.reason}，已直接读取文字`);
    }
  }
  if (!binary) {
    const why = failure ?? `不是 Word 97–2003 格式${kind === 'wps' ? '（可能是旧版 WPS 或 Microsoft Works 格式）' : ''}`;
    const hint = soffice ? '' : '，未找到 LibreOffice（soffice）无法转换';
    throw new ExtractError(`无法读取“${baseName(fileName)}”（${why}${hint}）：请在 Word/WPS 中另存为 .docx 后再检查`);
  }
  if (binary.hasLists) notes.push('此文件可能使用了自动编号，Word 97–2003 格式中读不出编号（如“一、”“（一）”），大纲可能缺少这些标题；安装 LibreOffice 或在 Word/WPS 中另存为 .docx 后可读出编号');
  if (binary.footnotes) notes.push(`${binary.footnotes} 行脚注、尾注已附在正文之后`);
  return fromLines(kind, binary.lines.map((text) => ({ text })), notes);
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

