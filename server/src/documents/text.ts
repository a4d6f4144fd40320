// Text files (.md, .markdown, .txt): UTF-8 with or without a BOM, UTF-16 with a BOM, and
// GB18030/GBK, the encoding Notepad and WPS wrote on Chinese Windows for years.
import { ExtractError, type TextEncoding } from './types';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  notes: string[];
}

const ENCODING_NAME: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030（GBK）',
};

/** Bytes → text, or an ExtractError naming what is wrong and where. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes, 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new ExtractError(`不是文本文件（${byteOrdinal(nul)}是 NUL 字节）`);
  const invalid = firstInvalidUtf8(bytes);
  if (invalid < 0) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', notes: [] };
  // UTF-8 text damaged in a few places is not GBK: read as GB18030 its Chinese would turn to mojibake.
  if (mostlyUtf8(bytes)) throw new ExtractError(`不是有效的 UTF-8 编码（${byteOrdinal(invalid)}处），请另存为 UTF-8 后再检查`);
  const gb = decodeGb18030(bytes);
  if (gb !== null) return { text: gb, encoding: 'gb18030', notes: [encodingNote('gb18030')] };
  throw new ExtractError(`不是有效的 UTF-8 编码（${byteOrdinal(invalid)}处），也不是 GB18030（GBK）编码，请另存为 UTF-8 后再检查`);
}

/** Byte offsets in messages: counted from 1, as a reader counts (第 1 个字节 is the first). */
function byteOrdinal(offset: number): string {
  return `第 ${offset + 1} 个字节`;
}

/**
 * More well-formed multi-byte UTF-8 sequences than invalid bytes. GBK text forms such a sequence
 * only by chance (a lead byte E0–EF followed by two bytes 80–BF), far less often than it breaks one.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const bad = firstInvalidUtf8(bytes.subarray(i, i + 4));
    // firstInvalidUtf8 on a window: 0 means the sequence at i is broken.
    if (bad === 0) {
      invalid++;
      i++;
    } else {
      valid++;
      i += sequenceLength(bytes[i]);
    }
  }
  return valid > invalid;
}

function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

export function encodingNote(encoding: TextEncoding): string {
  const name = ENCODING_NAME[encoding];
  return `已按 ${name}${name.endsWith('）') ? '' : ' '}编码读取`;
}

function utf8(bytes: Uint8Array, from: number): DecodedText {
  const body = bytes.subarray(from);
  const nul = body.indexOf(0);
  if (nul >= 0) throw new ExtractError(`不是文本文件（${byteOrdinal(nul + from)}是 NUL 字节）`);
  const invalid = firstInvalidUtf8(body);
  if (invalid >= 0) throw new ExtractError(`不是有效的 UTF-8 编码（${byteOrdinal(invalid + from)}处），请另存为 UTF-8 后再检查`);
  return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', notes: [] };
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  const name = ENCODING_NAME[encoding];
  if (bytes.length % 2 !== 0) throw new ExtractError(`${name} 编码的文件字节数为奇数（${bytes.length} 字节），文件可能不完整`);
  const high = encoding === 'utf-16le' ? 1 : 0;
  for (let i = 2; i < bytes.length; i += 2) {
    const unit = (bytes[i + high] << 8) | bytes[i + 1 - high];
    if (unit === 0) throw new ExtractError(`不是文本文件（${byteOrdinal(i)}处有 NUL 字符）`);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = i + 2 < bytes.length ? (bytes[i + 2 + high] << 8) | bytes[i + 3 - high] : -1;
      if (next < 0xdc00 || next > 0xdfff) throw new ExtractError(`不是有效的 ${name} 编码（${byteOrdinal(i)}处）`);
      i += 2;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) throw new ExtractError(`不是有效的 ${name} 编码（${byteOrdinal(i)}处）`);
  }
  // TextDecoder drops the BOM.
  const text = new TextDecoder(encoding).decode(bytes);
  return { text, encoding, notes: [encodingNote(encoding)] };
}

/**
 * GB18030 (a superset of GBK and GB2312) when the bytes are valid in it and read like text: no
 * control characters other than tab, line breaks and form feed, and hardly any private-use
 * characters or characters from the four-byte ranges, which Chinese text of this kind does not use.
 */
function decodeGb18030(bytes: Uint8Array): string | null {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return null;
    if (b === 0x7f) return null;
  }
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  let wide = 0;
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    wide++;
    if ((c >= 0xe000 && c <= 0xf8ff) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffd) odd++;
  }
  if (odd > 0 && odd * 20 > wide) return null;
  return text;
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
