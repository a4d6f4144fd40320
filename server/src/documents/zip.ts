// Reading the few entries of a .docx we need. The central directory is read here so that every
// size is checked before anything is inflated; fflate inflates, in small pushes, so that an entry
// that inflates past its limit (a zip bomb, or a size the directory lies about) is stopped after
// at most one push's worth of output.
import { Inflate } from 'fflate';
import { ExtractError } from './types';

export interface ZipLimits {
  /** Largest inflated size of one entry. */
  maxEntryBytes: number;
  /** Largest inflated size of all entries read from one archive. */
  maxTotalBytes: number;
  /** Most entries in the central directory. */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 160 * 1024 * 1024,
  maxEntries: 20000,
};

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

/** An entry as it is stored: its central directory record and its local record (header, data, descriptor). */
export interface RawEntry {
  name: string;
  central: Uint8Array;
  local: Uint8Array;
}

const CHUNK = 16 * 1024;

export class ZipArchive {
  private readonly entries = new Map<string, Entry>();
  /** Every central directory record in order, duplicates included: [entry, offset, length]. */
  private readonly records: [Entry, number, number][] = [];
  private comment: Uint8Array = new Uint8Array(0);
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    this.readDirectory();
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The entry's bytes, or null when there is no such entry. */
  read(name: string): Uint8Array | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const { bytes } = this;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const at = entry.localHeader;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw corrupt(`${name} 的本地文件头缺失`);
    const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > bytes.length) throw new ExtractError(`文件不完整（压缩包中的 ${name} 被截断），可能是下载或复制未完成`);
    if (entry.flags & 1) throw new ExtractError('文件已加密（设置了打开密码），请在 Word/WPS 中取消密码后再检查');
    const limit = Math.min(this.limits.maxEntryBytes, this.limits.maxTotalBytes - this.inflated);
    if (entry.size > limit) throw tooBig(name, this.limits);
    const data = bytes.subarray(dataStart, dataEnd);
    let out: Uint8Array;
    if (entry.method === 0) out = data;
    else if (entry.method === 8) out = inflateLimited(data, limit, name, this.limits);
    else throw new ExtractError(`压缩包中的 ${name} 使用了不支持的压缩方式（${entry.method}）`);
    this.inflated += out.length;
    return out;
  }

  /**
   * Every entry as stored, in the order of the central directory, for writing the archive again
   * with the entries left unchanged copied byte for byte; and the archive's comment.
   */
  rawEntries(): { entries: RawEntry[]; comment: Uint8Array } {
    const { bytes } = this;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const entries = this.records.map(([entry, at, length]) => {
      const local = entry.localHeader;
      if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw corrupt(`${entry.name} 的本地文件头缺失`);
      let end = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true) + entry.compressedSize;
      // A data descriptor after the data (flag 3): crc, sizes, and an optional signature.
      if (entry.flags & 8) end += end + 4 <= bytes.length && view.getUint32(end, true) === 0x08074b50 ? 16 : 12;
      if (end > bytes.length) throw new ExtractError(`文件不完整（压缩包中的 ${entry.name} 被截断），可能是下载或复制未完成`);
      return { name: entry.name, central: bytes.subarray(at, at + length), local: bytes.subarray(local, end) };
    });
    return { entries, comment: this.comment };
  }

  /** The entry as UTF-8 (or UTF-16 with a BOM) text, or null when there is no such entry. */
  readText(name: string): string | null {
    const bytes = this.read(name);
    if (!bytes) return null;
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
    return new TextDecoder('utf-8').decode(bytes);
  }

  private readDirectory(): void {
    const { bytes } = this;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // The end-of-central-directory record: 22 bytes plus a comment of at most 65 535.
    let eocd = -1;
    for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw new ExtractError('文件不完整（压缩包缺少目录，可能被截断），请重新获取文件后再检查');
      throw new ExtractError('不是有效的 .docx 文件（不是 zip 压缩包）');
    }
    const count = view.getUint16(eocd + 10, true);
    const dirSize = view.getUint32(eocd + 12, true);
    const dirStart = view.getUint32(eocd + 16, true);
    if (count === 0xffff || dirStart === 0xffffffff) throw new ExtractError('不支持 ZIP64 格式的压缩包，请在 Word/WPS 中重新保存后再检查');
    if (count > this.limits.maxEntries) throw new ExtractError(`压缩包中的文件过多（${count} 个），不像是 Word 文档`);
    if (dirStart + dirSize > eocd) throw new ExtractError('文件不完整（压缩包目录被截断），请重新获取文件后再检查');
    this.comment = bytes.subarray(eocd + 22, Math.min(bytes.length, eocd + 22 + view.getUint16(eocd + 20, true)));
    let at = dirStart;
    for (let n = 0; n < count; n++) {
      if (at + 46 > eocd || view.getUint32(at, true) !== 0x02014b50) throw corrupt('压缩包目录损坏');
      const flags = view.getUint16(at + 8, true);
      const method = view.getUint16(at + 10, true);
      const compressedSize = view.getUint32(at + 20, true);
      const size = view.getUint32(at + 24, true);
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      const localHeader = view.getUint32(at + 42, true);
      const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
      const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes);
      const entry = { name, method, flags, compressedSize, size, localHeader };
      if (!this.entries.has(name)) this.entries.set(name, entry);
      this.records.push([entry, at, 46 + nameLength + extraLength + commentLength]);
      at += 46 + nameLength + extraLength + commentLength;
    }
  }
}

function inflateLimited(data: Uint8Array, limit: number, name: string, limits: ZipLimits): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  let over = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) over = true;
    else chunks.push(chunk);
    if (final) done = true;
  });
  try {
    for (let i = 0; i < data.length && !over && !done; i += CHUNK) {
      const end = Math.min(i + CHUNK, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
    }
  } catch (error) {
    // fflate's code 0: the data ended before the stream did.
    if ((error as { code?: number })?.code === 0) throw new ExtractError(`文件不完整（压缩包中的 ${name} 被截断），可能是下载或复制未完成`);
    throw corrupt(`压缩包中的 ${name} 数据损坏`);
  }
  if (over) throw tooBig(name, limits);
  if (!done) throw new ExtractError(`文件不完整（压缩包中的 ${name} 被截断），可能是下载或复制未完成`);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function tooBig(name: string, limits: ZipLimits): ExtractError {
  const mb = Math.round(limits.maxEntryBytes / 1024 / 1024);
  return new ExtractError(`压缩包中的 ${name} 解压后过大（超过 ${mb} MB 上限），可能是恶意构造的压缩包（zip 炸弹），已停止读取`);
}

function corrupt(what: string): ExtractError {
  return new ExtractError(`文件已损坏（${what}），请在 Word/WPS 中重新保存后再检查`);
}
