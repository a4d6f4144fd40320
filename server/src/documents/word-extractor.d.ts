// Types for the parts of word-extractor (plain JavaScript) that word.ts uses.
declare module 'word-extractor/lib/word-ole-extractor' {
  import type { Buffer } from 'node:buffer';
  export default class WordOleExtractor {
    extract(reader: unknown): Promise<{
      getBody(options?: { filterUnicode?: boolean }): string;
      getFootnotes(options?: { filterUnicode?: boolean }): string;
      getEndnotes(options?: { filterUnicode?: boolean }): string;
    }>;
    extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown>;
  }
}

declare module 'word-extractor/lib/buffer-reader' {
  import type { Buffer } from 'node:buffer';
  export default class BufferReader {
    constructor(buffer: Buffer);
  }
}
