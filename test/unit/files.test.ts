import { describe, expect, it } from 'vitest';
import { decodeReport, firstInvalidUtf8 } from '../../server/src/files';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('reading report files', () => {
  it('finds the byte offset of the first invalid UTF-8 sequence', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('法治政府建设 ok 😀'))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0x41, 0xff))).toBe(1);
    expect(firstInvalidUtf8(bytes(0x41, 0x42, 0xe6, 0xb3))).toBe(2); // cut off
    expect(firstInvalidUtf8(bytes(0xc0, 0x80))).toBe(0); // overlong
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(bytes(0xb7, 0xa8))).toBe(0); // GBK
  });

  it('drops a BOM, rejects NUL bytes', () => {
    expect(decodeReport(bytes(0xef, 0xbb, 0xbf, 0x41))).toEqual({ kind: 'text', text: 'A' });
    expect(decodeReport(bytes(0x41, 0x00))).toEqual({ kind: 'error', reason: '不是文本文件（第 2 个字节是 NUL 字节）' });
  });
});
