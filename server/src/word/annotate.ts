// The findings given back in Word: each finding of the core on the text the reader extracts from a
// .docx becomes a comment (批注) on the text it is about, the summary one comment on the title.
// The package is written again with only word/document.xml (the anchors), word/comments.xml
// (created or extended) and, when they lack the comments part, [Content_Types].xml and the main
// part's relationships changed; every other entry is copied as stored.
import { analyzeDetailed, type CoreFinding } from '../analysis/analyze';
import type { AnalyzeOptions } from '../analysis/types';
import { mainPart, readDocx, resolvePath } from '../documents/docx';
import { fromLines } from '../documents/lines';
import { ExtractError, type DocumentParagraph, type ExtractedDocument } from '../documents/types';
import { walkXml } from '../documents/xml';
import { ZipArchive } from '../documents/zip';
import { AnchorWriter, qualifiedName, type Point } from './anchors';
import { commentXml, findingComment, summaryComment } from './comments';
import { rewritePackage } from './package';
import { mapBody, paragraphText, type BodyMap } from './runs';

export type AnnotateOptions = Omit<AnalyzeOptions, 'format'>;

export type AnnotateResult =
  | {
      ok: true;
      bytes: Uint8Array;
      /** The findings, as the core gave them on the extracted text. */
      findings: CoreFinding[];
      /** Comments written: one per finding anchored, and the summary. */
      comments: number;
      /** Findings outside the body (footnotes, endnotes): listed in the summary instead. */
      notAnchored: number;
      notes: string[];
    }
  | { ok: false; reason: string };

const COMMENTS_TYPE = {
  transitional: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  strict: 'http://purl.oclc.org/ooxml/officeDocument/relationships/comments',
};
const STRICT_W = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const RELS_CONTENT_TYPE = 'application/vnd.openxmlformats-package.relationships+xml';
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** A Word 97–2003 (OLE compound) file. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Never throws: a file that cannot be annotated is `{ok: false, reason}`, in Chinese. */
export async function annotateDocx(bytes: Uint8Array, options: AnnotateOptions = {}): Promise<AnnotateResult> {
  if (bytes.length === 0) return { ok: false, reason: '文件为空（0 字节）' };
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    if (OLE_MAGIC.every((b, i) => bytes[i] === b)) return { ok: false, reason: '这是 Word 97–2003（.doc）或 WPS 旧格式文件，只能为 .docx 加批注：请在 Word/WPS 中另存为 .docx 后再试' };
    return { ok: false, reason: '不是有效的 .docx 文件（不是 zip 压缩包）' };
  }
  try {
    // Read as the reader reads a .docx for `check` (documents/index.ts), without loading the other readers.
    const { lines, notes } = readDocx(bytes);
    return annotate(bytes, fromLines('docx', lines, notes), options);
  } catch (error) {
    if (error instanceof ExtractError) return { ok: false, reason: error.reason };
    const message = (error as Error)?.message ?? String(error);
    return { ok: false, reason: `无法为此 .docx 文件加批注（${message.slice(0, 120)}）` };
  }
}

function annotate(bytes: Uint8Array, document: ExtractedDocument, options: AnnotateOptions): AnnotateResult {
  const detailed = analyzeDetailed(document.text, { ...options, format: 'plain' });
  const zip = new ZipArchive(bytes);
  const main = mainPart(zip);
  const source = readXml(zip, main)!;
  const body = mapBody(source.text, main);
  const paragraphs = document.paragraphs ?? [];
  const segments = paragraphs.map((p) => segmentsOf(document, p, body));
  const locator = new Locator(paragraphs, segments, body);

  const mainDir = main.slice(0, main.lastIndexOf('/') + 1);
  const relsPath = `${mainDir}_rels/${main.slice(mainDir.length)}.rels`;
  const strict = body.namespace === STRICT_W;
  const rels = readXml(zip, relsPath);
  const related = rels ? commentsTarget(rels.text, relsPath, mainDir) : null;
  const commentsPath = related?.path ?? `${mainDir}comments.xml`;
  const existing = readXml(zip, commentsPath);
  const comments = existing ? readComments(existing.text, commentsPath) : null;
  let nextId = Math.max(comments?.maxId ?? -1, body.maxCommentId) + 1;

  const writer = new AnchorWriter(source.text, body);
  const written: string[] = [];
  const prefix = comments?.prefix ?? 'w';
  const namespace = comments?.namespace ?? (strict ? STRICT_W : W_NS);
  const add = (lines: string[], range: { from: Point; to: Point }) => {
    const id = nextId;
    if (!writer.anchor(id, range.from, range.to)) return false;
    nextId++;
    written.push(commentXml(id, lines, prefix, namespace));
    return true;
  };

  const ctx = detailed.context;
  const notAnchored: string[] = [];
  const summaryAt = detailed.analysis.title && ctx ? ctx.doc.offsetAt(detailed.analysis.title.range.start) : (paragraphs[0]?.start ?? 0);
  const summaryEnd = detailed.analysis.title && ctx ? ctx.doc.offsetAt(detailed.analysis.title.range.end) : (paragraphs[0]?.end ?? 0);
  const findingComments: { lines: string[]; range: { from: Point; to: Point } }[] = [];
  for (const f of detailed.findings) {
    const range = locator.range(f.start, f.end);
    const lines = findingComment(f, ctx?.numbers.relations ?? []);
    if (range) findingComments.push({ lines, range });
    else {
      const where = paragraphNumber(paragraphs, f.start);
      notAnchored.push(`${where !== null ? `第 ${where} 段：` : ''}${lines[0]}`);
    }
  }
  const paragraphOf = (line: number) => (ctx ? paragraphNumber(paragraphs, ctx.doc.lines[line]?.start ?? 0) : null);
  const summary = summaryComment(detailed.analysis, ctx?.catalogue ?? [], paragraphOf, notAnchored);
  const summaryRange = locator.range(summaryAt, summaryEnd) ?? locator.first();
  // The summary first, so that Word lists it first on the title.
  if (summaryRange) add(summary, summaryRange);
  let failed = 0;
  for (const c of findingComments) if (!add(c.lines, c.range)) failed++;

  const parts = new Map<string, Uint8Array>();
  parts.set(main, encodeLike(source, writer.apply()));
  if (existing && comments) parts.set(commentsPath, encodeLike(existing, insertBeforeClose(existing.text, comments, written.join(''))));
  else parts.set(commentsPath, new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="${namespace}">${written.join('')}</w:comments>`));

  if (!related) {
    const type = strict ? COMMENTS_TYPE.strict : COMMENTS_TYPE.transitional;
    const target = commentsPath.slice(mainDir.length);
    if (rels) {
      const ids = relationshipIds(rels.text, relsPath);
      let n = 1;
      while (ids.has(`rId${n}`)) n++;
      const root = rootOf(rels.text, relsPath);
      const p = root.prefix ? `${root.prefix}:` : '';
      parts.set(relsPath, encodeLike(rels, insertBeforeClose(rels.text, root, `<${p}Relationship Id="rId${n}" Type="${type}" Target="${target}"/>`)));
    } else {
      parts.set(relsPath, new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${type}" Target="${target}"/></Relationships>`));
    }
  }
  const types = readXml(zip, '[Content_Types].xml');
  if (!types) throw new ExtractError('不是有效的 .docx 文件（压缩包中没有 [Content_Types].xml）');
  const needed = contentTypesNeeded(types.text, commentsPath, !rels);
  if (needed) parts.set('[Content_Types].xml', encodeLike(types, insertBeforeClose(types.text, rootOf(types.text, '[Content_Types].xml'), needed)));

  const notes = [...document.notes];
  if (failed) notes.push(`${failed} 处问题的位置无法在文档中标出，未加批注`);
  return {
    ok: true,
    bytes: rewritePackage(zip, parts, main),
    findings: detailed.findings,
    comments: written.length,
    notAnchored: notAnchored.length,
    notes,
  };
}

interface XmlPart {
  text: string;
  bom: boolean;
}

/** A part as text, refusing one whose bytes would not be written back the same (not UTF-8). */
function readXml(zip: ZipArchive, path: string): XmlPart | null {
  const bytes = zip.read(path);
  if (!bytes) return null;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = new TextDecoder('utf-8').decode(bytes);
  const again = new TextEncoder().encode(text);
  const body = bom ? bytes.subarray(3) : bytes;
  if (again.length !== body.length || again.some((b, i) => b !== body[i])) throw new ExtractError(`${path} 不是 UTF-8 编码，无法在不改动其他内容的情况下加批注：请在 Word/WPS 中重新保存后再试`);
  return { text, bom };
}

function encodeLike(part: XmlPart, text: string): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  if (!part.bom) return bytes;
  const out = new Uint8Array(bytes.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(bytes, 3);
  return out;
}

interface Root {
  /** Where the root element's end tag starts, or its `/>` when it has none. */
  close: number;
  selfClosing: boolean;
  name: string;
  prefix: string;
  namespace: string;
}

function rootOf(xml: string, part: string): Root {
  let root: Root | null = null;
  walkXml(xml, part, {
    open(el, depth) {
      if (depth === 1) root = { close: -1, selfClosing: false, name: qualifiedName(xml, xml.lastIndexOf('<', el.end - 1)), prefix: el.prefix, namespace: el.uri };
      return true;
    },
    close(_name, depth, end) {
      if (depth !== 1 || !root) return;
      const lt = xml.lastIndexOf('<', end - 1);
      root.selfClosing = xml[lt + 1] !== '/';
      root.close = root.selfClosing ? end - 2 : lt;
    },
  });
  if (!root || (root as Root).close < 0) throw new ExtractError(`文件已损坏（${part} 没有根元素）`);
  return root;
}

function insertBeforeClose(xml: string, root: Root, content: string): string {
  if (!root.selfClosing) return xml.slice(0, root.close) + content + xml.slice(root.close);
  return `${xml.slice(0, root.close)}>${content}</${root.name}>${xml.slice(root.close + 2)}`;
}

/** The comments part of the existing relationships, if there is one. */
function commentsTarget(xml: string, part: string, dir: string): { path: string } | null {
  let path: string | null = null;
  walkXml(xml, part, {
    open(el) {
      if (path !== null || el.name !== 'rel:Relationship' || el.attr('TargetMode') === 'External') return;
      const type = el.attr('Type');
      const target = el.attr('Target');
      if (target !== undefined && (type === COMMENTS_TYPE.transitional || type === COMMENTS_TYPE.strict)) path = resolvePath(dir, target);
    },
    close() {},
  });
  return path === null ? null : { path };
}

function relationshipIds(xml: string, part: string): Set<string> {
  const ids = new Set<string>();
  walkXml(xml, part, {
    open(el) {
      const id = el.name === 'rel:Relationship' ? el.attr('Id') : undefined;
      if (id !== undefined) ids.add(id);
    },
    close() {},
  });
  return ids;
}

/** What [Content_Types].xml lacks for the comments part (and a new .rels part), or null. */
function contentTypesNeeded(xml: string, commentsPath: string, newRels: boolean): string | null {
  const partName = `/${commentsPath}`.toLowerCase();
  let override = false;
  let rels = false;
  walkXml(xml, '[Content_Types].xml', {
    open(el) {
      if (el.name === 'ct:Override' && el.attr('PartName')?.toLowerCase() === partName) override = true;
      if (el.name === 'ct:Default' && el.attr('Extension')?.toLowerCase() === 'rels') rels = true;
    },
    close() {},
  });
  const root = rootOf(xml, '[Content_Types].xml');
  const p = root.prefix ? `${root.prefix}:` : '';
  let out = '';
  if (newRels && !rels) out += `<${p}Default Extension="rels" ContentType="${RELS_CONTENT_TYPE}"/>`;
  if (!override) out += `<${p}Override PartName="/${commentsPath}" ContentType="${COMMENTS_CONTENT_TYPE}"/>`;
  return out || null;
}

/** The existing comments: the highest id, and where new ones go. */
function readComments(xml: string, part: string): Root & { maxId: number } {
  let maxId = -1;
  walkXml(xml, part, {
    open(el, depth) {
      if (depth === 2 && el.name === 'w:comment') {
        const id = Number.parseInt(el.attr('w:id') ?? '', 10);
        if (Number.isFinite(id)) maxId = Math.max(maxId, id);
      }
      return depth >= 2;
    },
    close() {},
  });
  return { ...rootOf(xml, part), maxId };
}

/** A paragraph's line cut into the stretches that are text of a body <w:p>. */
interface Segment {
  /** Offset in the line, length, the <w:p> and the offset in its own text. */
  at: number;
  length: number;
  paragraph: number;
  offset: number;
}

/** How far the next cell's text may start past the last one (the separator and a rebuilt number). */
const CELL_GAP = 40;

function segmentsOf(document: ExtractedDocument, p: DocumentParagraph, body: BodyMap): Segment[] {
  if (p.xmlIndex === undefined) return [];
  const line = document.text.slice(p.start, p.end);
  const prefix = p.prefixLength ?? 0;
  const own = paragraphText(body.paragraphs[p.xmlIndex] ?? []);
  if (own === line.slice(prefix)) return own.length ? [{ at: prefix, length: own.length, paragraph: p.xmlIndex, offset: 0 }] : [];
  // A table row: its cells' paragraphs, found in order in the line.
  const out: Segment[] = [];
  let cursor = 0;
  for (let k = p.xmlIndex; body.rowOf.get(k) === p.xmlIndex; k++) {
    const text = paragraphText(body.paragraphs[k] ?? []);
    if (text.trim() === '') continue;
    let found = -1;
    for (let at = cursor; at <= Math.min(cursor + CELL_GAP, line.length - text.length); at++) {
      if (line.startsWith(text, at)) {
        found = at;
        break;
      }
    }
    if (found < 0) break;
    out.push({ at: found, length: text.length, paragraph: k, offset: 0 });
    cursor = found + text.length;
  }
  return out;
}

/** Offsets of the extracted text → characters of body paragraphs. */
class Locator {
  constructor(
    private readonly paragraphs: DocumentParagraph[],
    private readonly segments: Segment[][],
    private readonly body: BodyMap,
  ) {}

  /**
   * The first and last characters of [start, end) that are in the XML; for a point (a missing
   * part, say), the character there or the one before it (at the end of a line or of the text);
   * else the first real text of its paragraph (a finding on a number Word puts in front).
   */
  range(start: number, end: number): { from: Point; to: Point } | null {
    const spans: [number, number][] = end > start ? [[start, end]] : [[start, start + 1], [start - 1, start]];
    for (const [a, b] of spans) {
      const from = this.scan(a, b, 1);
      const to = this.scan(a, b, -1);
      if (from && to) return { from, to };
    }
    const i = this.paragraphAt(start);
    return this.firstText(i < 0 ? this.paragraphs.length - 1 : i);
  }

  /** The first real text of the document: for a summary when the title is nowhere. */
  first(): { from: Point; to: Point } | null {
    for (let i = 0; i < this.paragraphs.length; i++) {
      const r = this.firstText(i);
      if (r) return r;
    }
    return null;
  }

  /** The first paragraph ending after `offset`, or -1. */
  private paragraphAt(offset: number): number {
    let lo = 0;
    let hi = this.paragraphs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.paragraphs[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.paragraphs.length ? lo : -1;
  }

  private scan(start: number, end: number, direction: 1 | -1): Point | null {
    const first = this.paragraphAt(start);
    if (first < 0) return null;
    let last = first;
    while (last + 1 < this.paragraphs.length && this.paragraphs[last + 1].start < end) last++;
    for (let i = direction > 0 ? first : last; direction > 0 ? i <= last : i >= first; i += direction) {
      const p = this.paragraphs[i];
      const segs = this.segments[i];
      for (let k = direction > 0 ? 0 : segs.length - 1; direction > 0 ? k < segs.length : k >= 0; k += direction) {
        const s = segs[k];
        const a = Math.max(start, p.start + s.at);
        const b = Math.min(end, p.start + s.at + s.length);
        if (a >= b) continue;
        const at = direction > 0 ? a : b - 1;
        return { paragraph: s.paragraph, offset: s.offset + at - (p.start + s.at) };
      }
    }
    return null;
  }

  /** A paragraph's first real text: from its first non-blank character to the end of its first clause. */
  private firstText(i: number): { from: Point; to: Point } | null {
    if (i < 0 || i >= this.paragraphs.length) return null;
    const index = this.segments[i][0]?.paragraph ?? this.paragraphs[i].xmlIndex;
    if (index === undefined) return null;
    const text = paragraphText(this.body.paragraphs[index] ?? []);
    let a = 0;
    while (a < text.length && /\s/.test(text[a])) a++;
    if (a >= text.length) return null;
    let b = a;
    while (b + 1 < text.length && !'。；;：:！？'.includes(text[b])) b++;
    return { from: { paragraph: index, offset: a }, to: { paragraph: index, offset: b } };
  }
}


/** 第N段 of an offset: the last paragraph starting at or before it. */
function paragraphNumber(paragraphs: DocumentParagraph[], offset: number): number | null {
  let lo = 0;
  let hi = paragraphs.length - 1;
  if (hi < 0 || paragraphs[0].start > offset) return paragraphs[0]?.index ?? null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return paragraphs[lo].index;
}
