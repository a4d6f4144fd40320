// Where the text of document.xml is: for each <w:p> of the body (counted as the reader counts them,
// xmlIndex), the pieces of text it shows, each with its place in the XML and its run. The rules of
// what is text are the reader's (docx.ts): the same skipped elements, hidden runs, field
// instructions, tabs, breaks and symbols; a paragraph whose pieces do not give the reader's line
// is not used (the caller anchors around it).
import { isOff, SKIP } from '../documents/docx';
import { walkXml, type XmlElement } from '../documents/xml';

/** A run as written: where it starts, where its start tag and its w:rPr end, where it ends. */
export interface RunPlace {
  start: number;
  tagEnd: number;
  /** [start, end) of its w:rPr, copied into each half when the run is split. */
  rPr: [number, number] | null;
  /** Start of its end tag, and the end of it. */
  closeStart: number;
  end: number;
}

/** A stretch the anchors go around and never inside (an equation). */
export interface Container {
  start: number;
  end: number;
}

export interface Piece {
  /** The text the reader reads from it. */
  text: string;
  /** w:t: its content, split inside when an anchor falls there; an element (w:tab, w:sym): never split. */
  kind: 'text' | 'element';
  /** The element's span: for w:t, from its start tag's `<` to its end tag's `>`. */
  start: number;
  end: number;
  /** w:t: the end of its start tag and the start of its end tag (its content in between). */
  contentStart: number;
  contentEnd: number;
  /** For w:t: the raw offset of each character of `text` in the content, and one past the last. */
  offsets: number[] | null;
  run: RunPlace | null;
  container: Container | null;
}

export interface BodyMap {
  /** The pieces of each body paragraph, by xmlIndex. */
  paragraphs: Piece[][];
  /** For paragraphs inside a table: the xmlIndex of the first paragraph of its outermost row. */
  rowOf: Map<number, number>;
  /** The prefix the file writes WordprocessingML elements with, and the namespace it uses. */
  prefix: string;
  namespace: string;
  /** The highest comment id the body already refers to, or -1. */
  maxCommentId: number;
}

interface OpenParagraph {
  depth: number;
  index: number;
  pieces: Piece[];
}

export function mapBody(xml: string, part: string): BodyMap {
  const paragraphs: Piece[][] = [];
  const rowOf = new Map<number, number>();
  const open: OpenParagraph[] = [];
  const runs: { depth: number; place: RunPlace }[] = [];
  const rowFirst: (number | undefined)[] = [];
  let tables = 0;
  let inBody = false;
  let count = 0;
  let pPrDepth = -1;
  let rPrDepth = -1;
  // As the reader: one run's hidden flag at a time, and the open fields.
  let run: { hidden: boolean } | null = null;
  const fields: boolean[] = [];
  let text: { start: number; contentStart: number; parts: string[] } | null = null;
  let math: Container | null = null;
  let mathDepth = -1;
  let prefix = 'w';
  let namespace = '';
  let maxCommentId = -1;
  const tagStart = (end: number) => xml.lastIndexOf('<', end - 1);
  const hiddenNow = () => !!run?.hidden || fields.some((instruction) => instruction);

  let openElement: { piece: Piece; depth: number } | null = null;

  const addPiece = (fields: Omit<Piece, 'run' | 'container'>): Piece | null => {
    const para = open[open.length - 1];
    if (!para || hiddenNow()) return null;
    const r = runs[runs.length - 1];
    const piece: Piece = { ...fields, run: r && r.depth > para.depth ? r.place : null, container: math };
    para.pieces.push(piece);
    return piece;
  };

  const element = (el: XmlElement, depth: number, shown: string): void => {
    const start = tagStart(el.end);
    const piece = addPiece({ text: shown, kind: 'element', start, end: el.end, contentStart: start, contentEnd: start, offsets: null });
    if (piece) openElement = { piece, depth };
  };

  walkXml(xml, part, {
    open(el: XmlElement, depth: number) {
      const name = el.name;
      if (!inBody) {
        if (name === 'w:body') {
          inBody = true;
          prefix = el.prefix;
          namespace = el.uri;
        } else if (depth > 1) return true;
        return;
      }
      if (SKIP.has(name)) return true;
      const para = open[open.length - 1];
      if (pPrDepth >= 0) return name === 'w:rPr' ? true : undefined;
      if (rPrDepth >= 0) {
        if (name === 'w:vanish' && run) run.hidden = !isOff(el.attr('w:val'));
        return;
      }
      switch (name) {
        case 'w:p': {
          const index = count++;
          open.push({ depth, index, pieces: [] });
          if (tables > 0 && rowFirst.length) {
            rowFirst[0] ??= index;
            rowOf.set(index, rowFirst[0]);
          }
          return;
        }
        case 'w:pPr':
          if (para && para.depth === depth - 1) pPrDepth = depth;
          else return true;
          return;
        case 'w:r':
          run = { hidden: false };
          runs.push({ depth, place: { start: tagStart(el.end), tagEnd: el.end, rPr: null, closeStart: -1, end: -1 } });
          return;
        case 'w:rPr':
          if (!run) return true;
          rPrDepth = depth;
          if (runs.length) runs[runs.length - 1].place.rPr = [tagStart(el.end), -1];
          return;
        case 'w:t':
        case 'm:t':
          text = { start: tagStart(el.end), contentStart: el.end, parts: [] };
          return;
        case 'm:oMathPara':
        case 'm:oMath':
          if (!math) {
            math = { start: tagStart(el.end), end: -1 };
            mathDepth = depth;
          }
          return;
        case 'w:tab':
        case 'w:ptab':
          return element(el, depth, '\t');
        case 'w:br':
        case 'w:cr':
          return element(el, depth, ' ');
        case 'w:noBreakHyphen':
          return element(el, depth, '-');
        case 'w:sym': {
          const code = Number.parseInt(el.attr('w:char') ?? '', 16);
          if (Number.isFinite(code) && code >= 0x20 && !(code >= 0xe000 && code <= 0xf8ff) && code <= 0xffff) element(el, depth, String.fromCharCode(code));
          return;
        }
        case 'w:fldChar': {
          const type = el.attr('w:fldCharType');
          if (type === 'begin') fields.push(true);
          else if (type === 'separate' && fields.length) fields[fields.length - 1] = false;
          else if (type === 'end') fields.pop();
          return;
        }
        case 'w:tbl':
          tables++;
          return;
        case 'w:commentRangeStart':
        case 'w:commentRangeEnd':
        case 'w:commentReference': {
          const id = Number.parseInt(el.attr('w:id') ?? '', 10);
          if (Number.isFinite(id)) maxCommentId = Math.max(maxCommentId, id);
          return;
        }
        case 'w:tr':
          // Only the outermost row decides which line a paragraph is read into.
          if (tables === 1) rowFirst.splice(0, rowFirst.length, undefined);
          return;
      }
    },
    openSkipped(name: string) {
      if (name === 'w:p' && inBody) count++;
    },
    close(name: string, depth: number, end: number) {
      if (!inBody) return;
      if (depth === pPrDepth) pPrDepth = -1;
      if (depth === rPrDepth) {
        rPrDepth = -1;
        const r = runs[runs.length - 1];
        if (r?.place.rPr && r.place.rPr[1] < 0) r.place.rPr[1] = end;
      }
      switch (name) {
        case 'w:t':
        case 'm:t': {
          const t = text;
          text = null;
          if (!t) return;
          const closeStart = tagStart(end);
          const decoded = t.parts.join('');
          addPiece({ text: decoded.replace(/[\r\n\v\f\u2028\u2029]/g, ' '), kind: 'text', start: t.start, end, contentStart: t.contentStart, contentEnd: closeStart, offsets: rawOffsets(xml, t.contentStart, closeStart, decoded) });
          return;
        }
        case 'w:r': {
          run = null;
          const r = runs.pop();
          if (r) {
            r.place.closeStart = tagStart(end);
            r.place.end = end;
          }
          return;
        }
        case 'w:p': {
          const para = open.pop();
          if (para) paragraphs[para.index] = para.pieces;
          return;
        }
        case 'm:oMathPara':
        case 'm:oMath':
          if (math && depth === mathDepth) {
            math.end = end;
            math = null;
            mathDepth = -1;
          }
          return;
        case 'w:tbl':
          tables--;
          if (tables === 0) rowFirst.length = 0;
          return;
        case 'w:body':
          inBody = false;
          return;
      }
      // An element piece written with an end tag (`<w:tab></w:tab>`) ends there.
      if (openElement && depth === openElement.depth) {
        openElement.piece.end = end;
        openElement = null;
      }
    },
    text(value: string) {
      if (text) text.parts.push(value);
    },
  });


  // Pieces of runs that were never closed (malformed) cannot be split.
  for (const list of paragraphs) for (const p of list ?? []) if (p.run && p.run.end < 0) p.run = null;
  for (let i = 0; i < paragraphs.length; i++) paragraphs[i] ??= [];
  return { paragraphs, rowOf, prefix, namespace, maxCommentId };
}

/**
 * The raw offset of each character of a w:t's decoded content (entities and character references
 * are one character, or two for one past U+FFFF; \r\n is one), and one past the last; null when
 * the raw text does not decode to what the parser read (CDATA, comments): the piece is not split.
 */
function rawOffsets(xml: string, from: number, to: number, decoded: string): number[] | null {
  const offsets: number[] = [];
  let i = from;
  let out = 0;
  while (i < to) {
    const c = xml.charCodeAt(i);
    if (c === 38 /* & */) {
      // A reference is at most `&#x10FFFF;`: look no further than that for its `;`.
      let semi = i + 1;
      while (semi < to && semi - i <= 10 && xml.charCodeAt(semi) !== 59) semi++;
      if (semi >= to || xml.charCodeAt(semi) !== 59) return null;
      const name = xml.slice(i + 1, semi);
      const value = name.startsWith('#') ? codePoint(name) : ENTITIES[name];
      if (value === undefined) return null;
      for (let k = 0; k < value.length; k++) offsets.push(i);
      out += value.length;
      i = semi + 1;
      continue;
    }
    if (c === 60 /* < */) return null;
    offsets.push(i);
    out++;
    i += c === 13 && xml.charCodeAt(i + 1) === 10 ? 2 : 1;
  }
  offsets.push(to);
  return out === decoded.length ? offsets : null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function codePoint(name: string): string | undefined {
  const n = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
  return Number.isFinite(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/** The text of one paragraph as the reader reads it (without a rebuilt number). */
export function paragraphText(pieces: Piece[]): string {
  return pieces.map((p) => p.text).join('');
}
