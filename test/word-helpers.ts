// Reading what annotate and export wrote, independently of server/src/word: the XML parts, the
// text between each comment's range marks, the comments, the zip entries as stored.
import { inflateSync, strFromU8, unzipSync } from 'fflate';
import { walkXml } from '../server/src/documents/xml';
import { extractDocument, type ExtractedDocument } from '../server/src/documents';

export function part(docx: Uint8Array, name: string): string {
  const files = unzipSync(docx);
  if (!files[name]) throw new Error(`no ${name} in the package`);
  return strFromU8(files[name]);
}

export async function extracted(docx: Uint8Array, name = 'report.docx'): Promise<ExtractedDocument> {
  const result = await extractDocument(docx, name, { soffice: null });
  if (!result.ok) throw new Error(result.reason);
  return result.document;
}

export interface Comment {
  id: number;
  author: string;
  paragraphs: string[];
}

/** The comments of word/comments.xml in document order. */
export function commentsOf(docx: Uint8Array): Comment[] {
  const out: Comment[] = [];
  let current: Comment | null = null;
  let text = false;
  walkXml(part(docx, 'word/comments.xml'), 'word/comments.xml', {
    open(el) {
      if (el.name === 'w:comment') {
        current = { id: Number(el.attr('w:id')), author: el.attr('w:author') ?? '', paragraphs: [] };
        out.push(current);
      } else if (el.name === 'w:p' && current) current.paragraphs.push('');
      else if (el.name === 'w:t') text = true;
    },
    close(name) {
      if (name === 'w:t') text = false;
      if (name === 'w:comment') current = null;
    },
    text(t) {
      const c = current as Comment | null;
      if (text && c && c.paragraphs.length) c.paragraphs[c.paragraphs.length - 1] += t;
    },
  });
  return out;
}

/**
 * For each comment id in document.xml: the text between its w:commentRangeStart and
 * w:commentRangeEnd (in the branch of mc:AlternateContent that Word reads), and whether a
 * w:commentReference follows.
 */
export function anchoredTexts(docx: Uint8Array): Map<number, { text: string; closed: boolean; referenced: boolean }> {
  const ranges = new Map<number, { text: string; closed: boolean; referenced: boolean }>();
  const open = new Set<number>();
  let text = false;
  walkXml(part(docx, 'word/document.xml'), 'word/document.xml', {
    open(el) {
      const id = Number(el.attr('w:id'));
      if (el.name === 'w:commentRangeStart') {
        ranges.set(id, { text: '', closed: false, referenced: false });
        open.add(id);
      } else if (el.name === 'w:commentRangeEnd') {
        open.delete(id);
        const r = ranges.get(id);
        if (r) r.closed = true;
      } else if (el.name === 'w:commentReference') {
        const r = ranges.get(id);
        if (r) r.referenced = true;
      } else if (el.name === 'w:t') text = true;
      else if (el.name === 'w:tab') for (const i of open) ranges.get(i)!.text += '\t';
    },
    close(name) {
      if (name === 'w:t') text = false;
    },
    text(t) {
      if (text) for (const i of open) ranges.get(i)!.text += t;
    },
  });
  return ranges;
}

/** Every entry of a zip as stored: name → [compression method, compressed bytes]. */
export function storedEntries(zip: Uint8Array): Map<string, { method: number; data: Uint8Array }> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const out = new Map<string, { method: number; data: Uint8Array }>();
  for (let i = 0; i < count; i++) {
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = strFromU8(zip.subarray(at + 46, at + 46 + nameLength));
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.set(name, { method, data: zip.subarray(dataStart, dataStart + size) });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

/** An entry's content, inflated when stored deflated. */
export function contentOf(entry: { method: number; data: Uint8Array }): Uint8Array {
  return entry.method === 0 ? entry.data : inflateSync(entry.data);
}

/**
 * The text a comment on [start, end) of the extracted text should cover: that text without a
 * number the reader rebuilt (not in the XML) and without line breaks; for a point, the character
 * there or the one before; when nothing is left, the paragraph's first clause.
 */
export function expectedAnchor(document: ExtractedDocument, start: number, end: number): string {
  const paragraphs = document.paragraphs ?? [];
  const real = (a0: number, b0: number) => {
    let out = '';
    for (const p of paragraphs) {
      const a = Math.max(a0, p.start + (p.prefixLength ?? 0));
      const b = Math.min(b0, p.end);
      if (a < b) out += document.text.slice(a, b);
    }
    return out;
  };
  const found = end > start ? real(start, end) : real(start, start + 1) || real(start - 1, start);
  if (found !== '') return found;
  const p = paragraphs.find((q) => q.end > start) ?? paragraphs[paragraphs.length - 1];
  const text = document.text.slice(p.start + (p.prefixLength ?? 0), p.end).trimStart();
  let stop = 0;
  while (stop + 1 < text.length && !'。；;：:！？'.includes(text[stop])) stop++;
  return text.slice(0, stop + 1);
}
