// Reading reports from disk for the CLI: every failure becomes a reason in
// Chinese that names what is wrong, never an exception. Only regular files are
// read, and never more than the size limit allows, whatever `stat` says
// (a FIFO would block forever, /dev/zero would never end).
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, extname } from 'node:path';
import { kindForPath } from './documents/kinds';
import { decodeText, encodingNote, firstInvalidUtf8 } from './documents/text';
import { ExtractError, type ExtractedDocument, type ExtractOptions, type TextEncoding } from './documents/types';

export const REPORT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);

export type ReadResult =
  | { kind: 'text'; text: string; encoding?: TextEncoding }
  | { kind: 'too-large'; size: number }
  | { kind: 'error'; reason: string };

export type Target = { file: string; error?: string };

/**
 * Expands directories (recursively, in a stable order, following symbolic
 * links once) to report files, keeping the order given. A file reached twice
 * (named twice, or through a link) is checked once. Files of other kinds met
 * in a folder are added to `skipped`, when given.
 */
export function collectFiles(args: string[], extensions: ReadonlySet<string> = REPORT_EXTENSIONS, skipped?: string[], accept?: WalkFilter): Target[] {
  const targets: Target[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const addFile = (file: string) => {
    const real = realPath(file);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    targets.push({ file });
  };
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(arg);
    } catch (error) {
      targets.push({ file: arg, error: describeFsError(error) });
      continue;
    }
    if (!stat.isDirectory()) {
      addFile(arg);
      continue;
    }
    const before = targets.length;
    walk(arg, targets, addFile, seenDirs, extensions, skipped, accept);
    if (!targets.slice(before).some((t) => !t.error)) targets.push({ file: arg, error: `目录中没有可检查的 ${listExtensions(extensions)} 文件` });
  }
  return targets;
}

/** `.md、.markdown 或 .txt` */
function listExtensions(extensions: ReadonlySet<string>): string {
  const all = [...extensions];
  return all.length > 1 ? `${all.slice(0, -1).join('、')} 或 ${all[all.length - 1]}` : all.join('');
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Whether a folder's entry met in a walk is taken (the CLI's ignore files and `fazhiReport.files`);
 * what is named on the command line is always taken.
 */
export type WalkFilter = (path: string, isDirectory: boolean) => boolean;

function walk(dir: string, out: Target[], addFile: (file: string) => void, seenDirs: Set<string>, extensions: ReadonlySet<string>, skipped: string[] | undefined, accept?: WalkFilter): void {
  // A link back to a folder already walked (a cycle, or the same folder twice) is walked once.
  const real = realPath(dir);
  if (seenDirs.has(real)) return;
  seenDirs.add(real);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    out.push({ file: dir, error: describeFsError(error) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = statSync(path);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        if (extensions.has(extname(entry.name).toLowerCase())) out.push({ file: path, error: `符号链接无法访问（${describeFsError(error)}）` });
        continue;
      }
    }
    if (accept && (isDirectory || isFile) && !accept(path, isDirectory)) continue;
    if (isDirectory) walk(path, out, addFile, seenDirs, extensions, skipped, accept);
    else if (isFile && extensions.has(extname(entry.name).toLowerCase())) addFile(path);
    else if (isFile && !isOfficeLockFile(entry.name)) skipped?.push(path);
  }
}

/** `~$报告.docx`: the lock file Word and WPS keep beside an open document, not a document. */
function isOfficeLockFile(name: string): boolean {
  return name.startsWith('~$');
}

/** Bytes of a regular file, at most `maxSize + 1` of them (one more tells it is too large). */
export function readBounded(path: string, maxSize: number): { kind: 'bytes'; bytes: Buffer } | { kind: 'too-large'; size: number } | { kind: 'error'; reason: string } {
  let fd: number;
  try {
    // Non-blocking, so that a FIFO put in the file's place after any check cannot hang the open.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { kind: 'error', reason: describeFsError(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { kind: 'error', reason: '是目录，不是文件' };
    if (!stat.isFile()) return { kind: 'error', reason: `不是普通文件（${describeFileType(stat)}），无法检查` };
    if (stat.size > maxSize) return { kind: 'too-large', size: stat.size };
    // Read until the end or one byte past the limit, whatever the size said (the file may be growing).
    const limit = maxSize + 1;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total >= limit) return { kind: 'too-large', size: Math.max(total, stat.size) };
    }
    return { kind: 'bytes', bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { kind: 'error', reason: describeFsError(error) };
  } finally {
    closeSync(fd);
  }
}

function describeFileType(stat: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (stat.isFIFO()) return '命名管道';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return '设备文件';
  if (stat.isSocket()) return '套接字';
  return '特殊文件';
}

export function readReport(path: string, maxSize: number): ReadResult {
  const read = readBounded(path, maxSize);
  if (read.kind !== 'bytes') return read;
  return decodeReport(read.bytes);
}

/** A text file's bytes → its text, by the reader layer's rules (UTF-8, UTF-16 with a BOM, GB18030). */
export function decodeReport(bytes: Uint8Array): Exclude<ReadResult, { kind: 'too-large' }> {
  try {
    const { text, encoding } = decodeText(bytes);
    return encoding === 'utf-8' ? { kind: 'text', text } : { kind: 'text', text, encoding };
  } catch (error) {
    if (error instanceof ExtractError) return { kind: 'error', reason: error.reason };
    throw error;
  }
}

export { firstInvalidUtf8 };

/**
 * The most bytes read of a Word or PDF file, as `annotate` reads them: pictures make such a file far
 * larger than its text, so the size limit of the settings applies to its text instead.
 */
export const MAX_DOCUMENT_BYTES = 128 * 1024 * 1024;

/** `limit`: the limit the file (or the text read from it) went over. */
export type DocumentReadResult = { kind: 'document'; document: ExtractedDocument } | { kind: 'too-large'; size: number; limit: number } | { kind: 'error'; reason: string };

/**
 * Any file the reader layer takes (text, .docx, .doc, .wps, .pdf), with the safeguards of a text
 * file: a regular file only, never more bytes than the limit. A text file may have `maxSize`
 * bytes; a Word or PDF file MAX_DOCUMENT_BYTES, and its text `maxSize`. Text is decoded here, at
 * once (a fault of ours there stays a fault, not a reason); the other kinds go through
 * extractDocument.
 */
export async function readDocumentFile(path: string, maxSize: number, options?: ExtractOptions): Promise<DocumentReadResult> {
  const kind = kindForPath(path);
  const textFile = kind === null || kind === 'markdown' || kind === 'text';
  const limit = textFile ? maxSize : Math.max(maxSize, MAX_DOCUMENT_BYTES);
  const read = readBounded(path, limit);
  if (read.kind === 'too-large') return { ...read, limit };
  if (read.kind !== 'bytes') return read;
  if (textFile) {
    const decoded = decodeReport(read.bytes);
    if (decoded.kind !== 'text') return decoded;
    const encoding = decoded.encoding ?? 'utf-8';
    const document: ExtractedDocument = {
      kind: kind ?? 'markdown',
      format: kind === 'text' ? 'plain' : 'markdown',
      text: decoded.text,
      encoding,
      paragraphs: null,
      notes: encoding === 'utf-8' ? [] : [encodingNote(encoding)],
    };
    return { kind: 'document', document };
  }
  // Loaded when a Word or PDF file comes: checking text does not load the zip, XML and PDF readers.
  const { extractDocument } = await import('./documents');
  const extracted = await extractDocument(read.bytes, path, options);
  if (!extracted.ok) return { kind: 'error', reason: extracted.reason };
  const textBytes = Buffer.byteLength(extracted.document.text);
  if (textBytes > maxSize) return { kind: 'too-large', size: textBytes, limit: maxSize };
  return { kind: 'document', document: extracted.document };
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return '文件或目录不存在';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限';
    case 'EISDIR':
      return '是目录，不是文件';
    case 'ELOOP':
      return '符号链接循环';
    default:
      return `无法读取（${code ?? String(error)}）`;
  }
}
