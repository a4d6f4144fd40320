// Reading reports from disk for the CLI: every failure becomes a reason in
// Chinese that names what is wrong, never an exception. Only regular files are
// read, and never more than the size limit allows, whatever `stat` says
// (a FIFO would block forever, /dev/zero would never end).
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, extname } from 'node:path';

export const REPORT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);

export type ReadResult =
  | { kind: 'text'; text: string; encoding?: string }
  | { kind: 'too-large'; size: number }
  | { kind: 'error'; reason: string };

export type Target = { file: string; error?: string };

/**
 * Expands directories (recursively, in a stable order, following symbolic
 * links once) to report files, keeping the order given. A file reached twice
 * (named twice, or through a link) is checked once.
 */
export function collectFiles(args: string[], extensions: ReadonlySet<string> = REPORT_EXTENSIONS): Target[] {
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
    walk(arg, targets, addFile, seenDirs, extensions);
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

function walk(dir: string, out: Target[], addFile: (file: string) => void, seenDirs: Set<string>, extensions: ReadonlySet<string>): void {
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
    if (isDirectory) walk(path, out, addFile, seenDirs, extensions);
    else if (isFile && extensions.has(extname(entry.name).toLowerCase())) addFile(path);
  }
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

/** Byte offsets in messages: counted from 1, as a reader counts (第 1 个字节 is the first). */
function byteOrdinal(offset: number): string {
  return `第 ${offset + 1} 个字节`;
}

export function decodeReport(bytes: Uint8Array): ReadResult {
  // UTF-16 with a byte order mark (Word's "Unicode" text): its NUL bytes are part of the encoding.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      return { kind: 'text', text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
    } catch {
      return { kind: 'error', reason: `以 ${encoding.toUpperCase()} 编码开头，但内容不是有效的 ${encoding.toUpperCase()} 文本` };
    }
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { kind: 'error', reason: `不是文本文件（${byteOrdinal(nul)}是 NUL 字节）` };
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) return { kind: 'error', reason: `不是有效的 UTF-8 编码（${byteOrdinal(invalid)}处），请另存为 UTF-8 后再检查` };
  // TextDecoder drops a leading BOM.
  return { kind: 'text', text: new TextDecoder('utf-8').decode(bytes) };
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
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
