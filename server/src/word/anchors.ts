// Comment anchors written into document.xml as insertions only: w:commentRangeStart before the
// first character a comment is about, w:commentRangeEnd and a run with w:commentReference after
// its last. An anchor that falls inside a run splits it, each half keeping the run's w:rPr; an
// equation is never split (the anchor goes around it). Nothing else of the XML is touched.
import type { BodyMap, Piece, RunPlace } from './runs';

/** A character of a body paragraph: its xmlIndex and its offset in the paragraph's own text. */
export interface Point {
  paragraph: number;
  offset: number;
}

interface Site {
  pos: number;
  /** Inside a run: the run is closed before the anchors and opened again after them. */
  run?: RunPlace;
  /** Inside a w:t's text: the w:t is closed and opened again too. */
  text?: Piece;
}

interface Insertion extends Site {
  ends: number[];
  starts: number[];
}

export class AnchorWriter {
  private readonly sites = new Map<number, Insertion>();
  /** Cumulative offsets of each paragraph's pieces, built when first needed. */
  private readonly starts = new Map<number, number[]>();

  constructor(
    private readonly xml: string,
    private readonly body: BodyMap,
  ) {}

  /** Anchors comment `id` from the character at `from` to the character at `to` (both included). */
  anchor(id: number, from: Point, to: Point): boolean {
    const a = this.site(from, 'before');
    const b = this.site(to, 'after');
    if (!a || !b || a.pos > b.pos) return false;
    this.insertion(a).starts.push(id);
    this.insertion(b).ends.push(id);
    return true;
  }

  /** document.xml with the anchors; `names` writes the elements in the file's prefix. */
  apply(): string {
    const xml = this.xml;
    const w = elementNames(this.body.prefix, this.body.namespace);
    const list = [...this.sites.values()].sort((x, y) => x.pos - y.pos);
    // A w:t split at a space gets xml:space="preserve" (its halves would lose the space without it).
    const preserve = new Set<number>();
    const spaced = new Set<Piece>();
    for (const s of list) {
      if (!s.text || hasPreserve(xml.slice(s.text.start, s.text.contentStart))) continue;
      if (isSpace(xml.charCodeAt(s.pos)) || isSpace(xml.charCodeAt(s.pos - 1))) spaced.add(s.text);
    }
    for (const t of spaced) preserve.add(t.contentStart - 1);
    const out: string[] = [];
    let at = 0;
    const events = [...list.map((s) => ({ pos: s.pos, site: s as Insertion | null })), ...[...preserve].map((pos) => ({ pos, site: null }))].sort((x, y) => x.pos - y.pos);
    for (const { pos, site } of events) {
      out.push(xml.slice(at, pos));
      at = pos;
      if (!site) {
        out.push(' xml:space="preserve"');
        continue;
      }
      // Ranges that end here close before those that open here.
      const anchors = site.ends.map((id) => w.end(id) + w.reference(id)).join('') + site.starts.map((id) => w.start(id)).join('');
      if (!site.run) {
        out.push(anchors);
        continue;
      }
      const run = site.run;
      const runName = qualifiedName(xml, run.start);
      const reopen = xml.slice(run.start, run.tagEnd) + (run.rPr && run.rPr[1] > 0 ? xml.slice(run.rPr[0], run.rPr[1]) : '');
      if (site.text) {
        const t = site.text;
        const tTag = xml.slice(t.start, t.contentStart);
        const tOpen = spaced.has(t) ? `${tTag.slice(0, -1)} xml:space="preserve">` : tTag;
        out.push(`</${qualifiedName(xml, t.start)}></${runName}>${anchors}${reopen}${tOpen}`);
      } else out.push(`</${runName}>${anchors}${reopen}`);
    }
    out.push(xml.slice(at));
    return out.join('');
  }

  private insertion(site: Site): Insertion {
    let s = this.sites.get(site.pos);
    if (!s) {
      s = { ...site, ends: [], starts: [] };
      this.sites.set(site.pos, s);
    }
    return s;
  }

  private site(point: Point, side: 'before' | 'after'): Site | null {
    const pieces = this.body.paragraphs[point.paragraph];
    if (!pieces || pieces.length === 0) return null;
    let starts = this.starts.get(point.paragraph);
    if (!starts) {
      starts = [];
      let n = 0;
      for (const p of pieces) {
        starts.push(n);
        n += p.text.length;
      }
      this.starts.set(point.paragraph, starts);
    }
    // The piece holding the character (the last one starting at or before it).
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= point.offset) lo = mid;
      else hi = mid - 1;
    }
    while (lo < pieces.length - 1 && pieces[lo].text.length === 0) lo++;
    const piece = pieces[lo];
    let i = Math.min(Math.max(point.offset - starts[lo], 0), Math.max(piece.text.length - 1, 0));
    if (piece.container) return { pos: side === 'before' ? piece.container.start : piece.container.end };
    // Never between the two halves of a surrogate pair.
    if (side === 'before' && i > 0 && isLow(piece.text.charCodeAt(i))) i--;
    if (side === 'after' && i + 1 < piece.text.length && isLow(piece.text.charCodeAt(i + 1))) i++;
    const cut = side === 'before' ? i : i + 1;
    if (piece.kind === 'text' && piece.offsets && piece.run && cut > 0 && cut < piece.text.length) return { pos: piece.offsets[cut], run: piece.run, text: piece };
    return this.boundary(piece, side);
  }

  /** Just before or after a piece: outside its run when the piece begins or ends it, else between the run's parts. */
  private boundary(piece: Piece, side: 'before' | 'after'): Site {
    const run = piece.run;
    if (!run) return { pos: side === 'before' ? piece.start : piece.end };
    if (side === 'before') {
      const contentStart = run.rPr && run.rPr[1] > 0 ? run.rPr[1] : run.tagEnd;
      return onlyBlanks(this.xml, contentStart, piece.start) ? { pos: run.start } : { pos: piece.start, run };
    }
    return onlyBlanks(this.xml, piece.end, run.closeStart) ? { pos: run.end } : { pos: piece.end, run };
  }
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function onlyBlanks(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

function hasPreserve(tag: string): boolean {
  return tag.includes('xml:space');
}

/** The element's name as written at `<`: up to a blank, `/` or `>`. */
export function qualifiedName(xml: string, lt: number): string {
  let end = lt + 1;
  while (end < xml.length) {
    const c = xml.charCodeAt(end);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
    end++;
  }
  return xml.slice(lt + 1, end);
}

/** WordprocessingML elements in the file's prefix (declared on the element where the file uses none). */
export function elementNames(prefix: string, namespace: string) {
  const p = prefix || 'w';
  const declare = prefix ? '' : ` xmlns:w="${namespace}"`;
  return {
    start: (id: number) => `<${p}:commentRangeStart${declare} ${p}:id="${id}"/>`,
    end: (id: number) => `<${p}:commentRangeEnd${declare} ${p}:id="${id}"/>`,
    reference: (id: number) => `<${p}:r${declare}><${p}:commentReference ${p}:id="${id}"/></${p}:r>`,
  };
}
