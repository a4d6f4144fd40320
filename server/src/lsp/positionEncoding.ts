// LSP 3.17 position encodings: a client may count a line's characters in UTF-8
// bytes (Neovim, Helix) instead of UTF-16 units (VS Code). Everything inside the
// server is UTF-16; positions are converted here, at the connection, only when
// the client chose UTF-8 — so a Chinese line's columns are right in either.
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

export type PositionEncoding = 'utf-8' | 'utf-16';

/** The encoding the server uses with a client: UTF-8 when it offers it (`general.positionEncodings`), else UTF-16 (the default every client supports). */
export function chooseEncoding(offered: unknown): PositionEncoding {
  return Array.isArray(offered) && offered.includes('utf-8') ? 'utf-8' : 'utf-16';
}

interface Position {
  line: number;
  character: number;
}

/** The text of one line of a document, without its end. */
type LineText = (line: number) => string;

function lineTextOf(document: { getText(range?: { start: Position; end: Position }): string; lineCount: number }): LineText {
  const cache = new Map<number, string>();
  return (line) => {
    let text = cache.get(line);
    if (text === undefined) {
      text = line < 0 || line >= document.lineCount ? '' : document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
      cache.set(line, text);
    }
    return text;
  };
}

/** UTF-16 units → UTF-8 bytes from the start of the line. */
export function utf16ToUtf8(text: string, character: number): number {
  let bytes = 0;
  for (let i = 0; i < Math.min(character, text.length); i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && i + 1 < character) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes + Math.max(0, character - text.length);
}

/** UTF-8 bytes → UTF-16 units from the start of the line; a count inside a character stops before it. */
export function utf8ToUtf16(text: string, bytes: number): number {
  let seen = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (seen + size > bytes) return i;
    seen += size;
    i += pair ? 2 : 1;
  }
  return i + Math.max(0, bytes - seen);
}

const isPosition = (value: unknown): value is Position =>
  typeof value === 'object' && value !== null && typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number' && Object.keys(value).length === 2;

/** A copy of `value` with every `{line, character}` in it converted (results are plain JSON shapes). */
function mapPositions<T>(value: T, convert: (p: Position) => Position): T {
  if (isPosition(value)) return convert(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapPositions(v, convert)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapPositions(v, convert);
    return out as T;
  }
  return value;
}

type Document = { getText(range?: { start: Position; end: Position }): string; lineCount: number };

/** Converts between the server's UTF-16 positions and the client's, per document. */
export class PositionCodec {
  constructor(public encoding: PositionEncoding = 'utf-16') {}

  /** Positions the server computed → the client's encoding. */
  toClient<T>(document: Document | undefined, value: T): T {
    if (this.encoding === 'utf-16' || !document || value === null || value === undefined) return value;
    const line = lineTextOf(document);
    return mapPositions(value, (p) => ({ line: p.line, character: utf16ToUtf8(line(p.line), p.character) }));
  }

  /** Positions the client sent → UTF-16. */
  fromClient<T>(document: Document | undefined, value: T): T {
    if (this.encoding === 'utf-16' || !document || value === null || value === undefined) return value;
    const line = lineTextOf(document);
    return mapPositions(value, (p) => ({ line: p.line, character: utf8ToUtf16(line(p.line), p.character) }));
  }

  /** Applies a didChange's edits, each range read in the client's encoding against the text the edits before it left. */
  update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    if (this.encoding === 'utf-16') return TextDocument.update(document, changes, version);
    let current = document;
    for (const change of changes) current = TextDocument.update(current, ['range' in change ? { ...change, range: this.fromClient(current, change.range) } : change], version);
    return current;
  }
}
