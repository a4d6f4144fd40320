// Word 97–2003 .doc (and WPS's .wps, which recent WPS versions write in the same binary format)
// through word-extractor, a maintained pure-JavaScript reader. It gives the body's paragraphs,
// one per line, and the footnotes and endnotes; Word's automatic numbering is not part of the
// text it gives (the numbers live in the list tables, not in the characters).
import { Buffer } from 'node:buffer';
import { ExtractError } from './types';

// Internal modules of word-extractor, to see the File Information Block (which says whether the
// document has list definitions, i.e. may use automatic numbering).
import WordOleExtractor from 'word-extractor/lib/word-ole-extractor';
import BufferReader from 'word-extractor/lib/buffer-reader';

export interface WordBinaryContent {
  lines: string[];
  /** Whether the document defines list formatting (automatic numbering may be missing from `lines`). */
  hasLists: boolean;
  footnotes: number;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOleFile(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

export async function readWordBinary(bytes: Uint8Array): Promise<WordBinaryContent> {
  if (!isOleFile(bytes)) throw new ExtractError('不是 Word 97–2003 格式的文件');
  let fib: Buffer | null = null;
  class Extractor extends WordOleExtractor {
    override extractWordDocument(document: unknown, buffer: Buffer) {
      fib = buffer;
      return super.extractWordDocument(document, buffer);
    }
  }
  let doc: WordExtractorDocument;
  try {
    doc = await new Extractor().extract(new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
  } catch (error) {
    const message = (error as Error)?.message ?? String(error);
    throw new ExtractError(`无法读取此 Word 97–2003 文件（${message.slice(0, 80)}）`);
  }
  const options = { filterUnicode: false };
  const lines = splitLines(doc.getBody(options));
  const notes = [...splitLines(doc.getFootnotes(options)), ...splitLines(doc.getEndnotes(options))].filter((l) => l.trim() !== '');
  return { lines: [...lines, ...notes], hasLists: listsDefined(fib), footnotes: notes.length };
}

interface WordExtractorDocument {
  getBody(options?: { filterUnicode?: boolean }): string;
  getFootnotes(options?: { filterUnicode?: boolean }): string;
  getEndnotes(options?: { filterUnicode?: boolean }): string;
}

function splitLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  // Table cells end with a tab (the cell mark); the row mark adds one more.
  return lines.map((l) => {
    let end = l.length;
    while (end > 0 && l[end - 1] === '\t') end--;
    return l.slice(0, end);
  });
}

/** FibRgFcLcb97: lcbPlfLfo (list format overrides, one per list in use) at 0x2EE, lcbPlcfLst at 0x2E6. */
function listsDefined(fib: Buffer | null): boolean {
  if (!fib || fib.length < 0x2f2) return false;
  return fib.readUInt32LE(0x2ee) > 0 || fib.readUInt32LE(0x2e6) > 0;
}
