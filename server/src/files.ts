// Reading reports from disk for the CLI: every failure becomes a reason in
// Chinese that names what is wrong, never an exception.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';

export const REPORT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);

export type ReadResult =
  | { kind: 'text'; text: string }
  | { kind: 'too-large'; size: number }
  | { kind: 'error'; reason: string };

export type Target = { file: string; error?: string };

/** Expands directories (recursively, in a stable order) to report files, keeping the order given. */
export function collectFiles(args: string[]): Target[] {
  const targets: Target[] = [];
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(arg);
    } catch (error) {
      targets.push({ file: arg, error: describeFsError(error) });
      continue;
    }
    if (!stat.isDirectory()) {
      targets.push({ file: arg });
      continue;
    }
    const found: Target[] = [];
    walk(arg, found);
    if (!found.some((t) => !t.error)) found.push({ file: arg, error: '目录中没有可检查的 .md、.markdown 或 .txt 文件' });
    targets.push(...found);
  }
  return targets;
}

function walk(dir: string, out: Target[]): void {
  let entries;
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
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile() && REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push({ file: path });
  }
}

export function readReport(path: string, maxSize: number): ReadResult {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { kind: 'error', reason: '是目录，不是文件' };
    if (stat.size > maxSize) return { kind: 'too-large', size: stat.size };
    bytes = readFileSync(path);
  } catch (error) {
    return { kind: 'error', reason: describeFsError(error) };
  }
  return decodeReport(bytes);
}

export function decodeReport(bytes: Uint8Array): ReadResult {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { kind: 'error', reason: `不是文本文件（第 ${nul} 字节处有 NUL 字节）` };
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) return { kind: 'error', reason: `不是有效的 UTF-8 编码（第 ${invalid} 字节处），请另存为 UTF-8 后再检查` };
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

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return '文件或目录不存在';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限';
    case 'EISDIR':
      return '是目录，不是文件';
    default:
      return `无法读取（${code ?? String(error)}）`;
  }
}
